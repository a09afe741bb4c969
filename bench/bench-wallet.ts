import type { Account } from '../lib/ledger/account';
import { replayLedger } from '../lib/ledger/replay';
import type { Transfer } from '../lib/ledger/transfer';
import type { WalletDatabase } from '../lib/db';
import { ACCOUNTS, merchantAccount } from '../lib/wallet/accounts';
import { holdId, nextHoldId, orderKey } from '../lib/wallet/orders/order-key';
import type { OrderRecord, RefundRecord } from '../lib/wallet/records';

const DAY_MS = 24 * 60 * 60 * 1000;
const SHOPS = [
  'https://books.example',
  'https://shoes.example',
  'https://groceries.example',
  'https://games.example',
  'https://home.example',
];
/** Bulk writes of this many rows each, as an import would make them. */
const BATCH = 10_000;

/** How an order ended, in the proportions a shopper's years might show; the last days' orders are still held. */
type Fate = 'released' | 'cancelled' | 'refunded_in_part' | 'refunded_after_release';
const fateOf = (index: number): Fate =>
  index % 25 === 3 ? 'refunded_after_release' : index % 14 === 5 ? 'refunded_in_part' : index % 12 === 7 ? 'cancelled' : 'released';

/**
 * A verified shopper's years of shopping, `size` transfers in all: a top-up every third order, orders
 * of $3 to $120 at five shops, a third of them paid by card, each held and then released a week later,
 * cancelled within the hour, refunded in part while held (and the rest released), or refunded after
 * release; orders too recent to have ended are still held. Everything is spread evenly over `years`
 * up to `now`, and written in bulk through the wallet's own database, so its kept totals are counted
 * as a shopper's would be; the balances are the ledger's own replay of the transfers.
 */
export async function writeShoppingHistory(db: WalletDatabase, size: number, now: number, years: number): Promise<void> {
  const transfers: Transfer[] = [];
  const orders: OrderRecord[] = [];
  const refunds: RefundRecord[] = [];
  const orderCount = Math.ceil(size / 2.4);
  const start = now - years * 365 * DAY_MS;
  const step = Math.floor((now - start) / orderCount);
  const move = (fields: Omit<Transfer, 'currency'>) => transfers.push({ currency: 'USD', ...fields });

  for (let index = 0; transfers.length < size; index++) {
    const paidAt = start + index * step;
    const origin = SHOPS[index % SHOPS.length]!;
    const key = orderKey(origin, `o${index}`);
    const amountMinor = 3_00 + ((index * 7_919) % 117_00);
    const byCard = index % 3 === 1;
    const from = byCard ? ACCOUNTS.cardNetwork : ACCOUNTS.shopper;
    const to = merchantAccount(origin);
    if (index % 3 === 0) {
      const topUp = { kind: 'single', debitAccountId: ACCOUNTS.cardNetwork, creditAccountId: ACCOUNTS.shopper, code: 'top_up' } as const;
      move({ ...topUp, id: `top-up-${index}`, amountMinor: 3 * 120_00, timestamp: paidAt - 60_000 });
    }
    const hold = holdId(key);
    const purchase = { debitAccountId: from, creditAccountId: to, code: 'purchase', orderId: key } as const;
    move({ ...purchase, kind: 'pending', id: hold, amountMinor, timestamp: paidAt });
    const order: OrderRecord = {
      id: key,
      origin,
      orderId: `o${index}`,
      merchantName: origin.slice(8),
      items: [{ name: 'Item', quantity: 1, unitAmountMinor: amountMinor }],
      amountMinor,
      currency: 'USD',
      method: byCard ? 'card' : 'balance',
      holdTransferId: hold,
      paidAt,
      state: 'held',
      ...(byCard ? { cardId: 'card' } : {}),
    };
    const releasedAt = paidAt + 7 * DAY_MS;
    const fate = fateOf(index);
    if (releasedAt > now && fate !== 'cancelled') {
      orders.push(order);
      continue;
    }
    const refund = (amount: number, at: number): RefundRecord => ({
      id: `${key} refund:r${index}`,
      orderKey: key,
      amountMinor: amount,
      currency: 'USD',
      destination: byCard ? 'card' : 'wallet',
      reason: 'Returned',
      createdAt: at,
      arrivesAt: at,
    });
    switch (fate) {
      case 'cancelled': {
        const at = paidAt + 60 * 60 * 1000;
        move({ ...purchase, kind: 'void_pending', id: `void:${hold}`, pendingId: hold, amountMinor, timestamp: at });
        orders.push({ ...order, state: 'cancelled', closedAt: at });
        break;
      }
      case 'refunded_in_part': {
        const at = paidAt + 2 * DAY_MS;
        const part = Math.floor(amountMinor / 3);
        const rehold = nextHoldId(key, hold);
        move({ ...purchase, kind: 'void_pending', id: `void:${hold}`, pendingId: hold, amountMinor, timestamp: at });
        move({ ...purchase, kind: 'pending', id: rehold, amountMinor: amountMinor - part, timestamp: at + 1 });
        move({
          ...purchase,
          kind: 'post_pending',
          id: `post:${rehold}`,
          pendingId: rehold,
          amountMinor: amountMinor - part,
          timestamp: releasedAt,
        });
        refunds.push(refund(part, at));
        orders.push({ ...order, holdTransferId: rehold, state: 'released', closedAt: releasedAt });
        break;
      }
      case 'released':
      case 'refunded_after_release': {
        move({ ...purchase, kind: 'post_pending', id: `post:${hold}`, pendingId: hold, amountMinor, timestamp: releasedAt });
        orders.push({ ...order, state: 'released', closedAt: releasedAt });
        const refundAt = releasedAt + 13 * DAY_MS;
        if (fate === 'refunded_after_release' && refundAt < now) {
          const back = { debitAccountId: to, creditAccountId: byCard ? ACCOUNTS.cardNetwork : ACCOUNTS.shopper, orderId: key } as const;
          move({
            ...back,
            kind: 'single',
            code: byCard ? 'card_refund' : 'refund',
            id: `${key} refund:r${index}`,
            amountMinor,
            timestamp: refundAt,
          });
          refunds.push(refund(amountMinor, refundAt));
        }
      }
    }
  }
  // Events of different orders may fall on the same millisecond; the ledger's timestamps are unique and increasing.
  transfers.sort((left, right) => left.timestamp - right.timestamp);
  for (let index = 1; index < transfers.length; index++)
    transfers[index]!.timestamp = Math.max(transfers[index]!.timestamp, transfers[index - 1]!.timestamp + 1);
  // The last order may pass `size` by a transfer or two: the latest top-ups go instead, as the balance has room to spare by then.
  while (transfers.length > size)
    transfers.splice(
      transfers.findLastIndex((transfer) => transfer.code === 'top_up'),
      1,
    );

  const merchants: Account[] = SHOPS.map((origin) => ({
    id: merchantAccount(origin),
    currency: 'USD',
    debitsMustNotExceedCredits: false,
    debitsPending: 0,
    debitsPosted: 0,
    creditsPending: 0,
    creditsPosted: 0,
  }));
  const accounts = [...(await db.accounts.toArray()), ...merchants];
  const replayed = replayLedger(accounts, transfers);
  if (!replayed.ok) throw new Error(`The bench's history is not a valid ledger: ${replayed.problem}`);
  await db.accounts.bulkPut(accounts.map((account) => ({ ...account, ...replayed.balances.get(account.id) })));
  for (let at = 0; at < transfers.length; at += BATCH) await db.transfers.bulkAdd(transfers.slice(at, at + BATCH));
  for (let at = 0; at < orders.length; at += BATCH) await db.orders.bulkAdd(orders.slice(at, at + BATCH));
  for (let at = 0; at < refunds.length; at += BATCH) await db.refunds.bulkAdd(refunds.slice(at, at + BATCH));
}
