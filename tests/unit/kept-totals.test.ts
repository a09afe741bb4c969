import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { days } from '@/lib/business-days';
import type { WalletDatabase } from '@/lib/db';
import { openClaim } from '@/lib/wallet/claims/claims';
import { markVerified } from '@/lib/wallet/create-wallet';
import { runDueJobs } from '@/lib/wallet/jobs';
import { cancelOrder, confirmReceipt, openDispute, shipOrder } from '@/lib/wallet/orders/orders';
import { holdId, orderKey } from '@/lib/wallet/orders/order-key';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { countMovements, countSpending } from '@/lib/wallet/totals/total-changes';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { AUTHORISED } from './support/authorised';
import { CARD_ID, SHOP, freshWallet, offer } from './support/with-wallet';

type Wallet = Awaited<ReturnType<typeof freshWallet>>;

const order = fc.nat({ max: 7 });
/** What a shopper, a shop and time may do to a wallet, in any order; many steps are refused, which must change nothing. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), amountMinor: fc.integer({ min: 1, max: 90_00 }), byCard: fc.boolean() }),
  fc.record({ kind: fc.constant('refund' as const), order, amountMinor: fc.integer({ min: 1, max: 90_00 }) }),
  fc.record({ kind: fc.constant('cancel' as const), order }),
  fc.record({ kind: fc.constant('ship' as const), order }),
  fc.record({ kind: fc.constant('confirm' as const), order }),
  fc.record({ kind: fc.constant('dispute' as const), order }),
  fc.record({ kind: fc.constant('claim' as const), order }),
  fc.record({ kind: fc.constant('topUp' as const), amountMinor: fc.integer({ min: 1_00, max: 100_00 }) }),
  fc.record({ kind: fc.constant('verify' as const) }),
  // Up to two months at once, so orders and their changes fall in different months.
  fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 60 * 24 }) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function run(wallet: Wallet, steps: Step[]): Promise<void> {
  const { context, clock } = wallet;
  const orderId = (index: number) => `ord_${index}`;
  let paid = 0;
  for (const [index, next] of steps.entries()) {
    switch (next.kind) {
      case 'pay':
        await pay(
          context,
          {
            origin: SHOP,
            offer: offer({ orderId: orderId(paid++), amountMinor: next.amountMinor }),
            method: next.byCard ? 'card' : 'balance',
            cardId: CARD_ID,
          },
          AUTHORISED,
        );
        break;
      case 'refund':
        await refundOrder(context, SHOP, orderId(next.order), { refundId: `r${index}`, amountMinor: next.amountMinor, reason: 'Returned' });
        break;
      case 'cancel':
        await cancelOrder(context, SHOP, orderId(next.order));
        break;
      case 'ship':
        await shipOrder(context, SHOP, orderId(next.order), 'virtual');
        break;
      case 'confirm':
        await confirmReceipt(context, SHOP, orderId(next.order), AUTHORISED);
        break;
      case 'dispute':
        await openDispute(context, SHOP, orderId(next.order), 'Not as described');
        break;
      case 'claim': {
        const hold = await wallet.db.transfers.get(holdId(orderKey(SHOP, orderId(next.order))));
        if (hold) await openClaim(context, { claimId: `c${index}`, transferId: hold.id, reason: 'Not me' });
        break;
      }
      case 'topUp':
        await topUp(context, { id: `t${index}`, method: 'e_wallet', amountMinor: next.amountMinor });
        break;
      case 'verify':
        await markVerified(context);
        break;
      case 'wait':
        clock.advance(next.hours * 60 * 60 * 1000);
        await runDueJobs(context);
    }
  }
}

const sorted = <Row>(rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort();

/** The totals as kept by the writes, and as counted from scratch from the records they follow. */
async function keptAndCounted(db: WalletDatabase) {
  const [months, movements, orders, refunds, transfers] = await Promise.all([
    db.spendingMonths.toArray(),
    db.movementTotals.toArray(),
    db.orders.toArray(),
    db.refunds.toArray(),
    db.transfers.orderBy('timestamp').toArray(),
  ]);
  return {
    kept: { months: sorted(months), movements: sorted(movements) },
    counted: { months: sorted(countSpending(orders, refunds)), movements: sorted(countMovements(transfers)) },
  };
}

describe('The kept totals', () => {
  it('always equal a count from scratch of the orders, refunds and transfers, whatever happened to the wallet', async () => {
    const seen = new Set<string>();
    const noteWhatHappened = async (db: WalletDatabase) => {
      for (const { state } of await db.orders.toArray()) seen.add(state);
      if ((await db.refunds.count()) > 0) seen.add('a refund');
      if ((await db.claims.toArray()).some((claim) => claim.state === 'refunded')) seen.add('a claim refunded');
    };
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(step, { minLength: 10, maxLength: 40 }), async (checkedCard, steps) => {
        const wallet = await freshWallet({ checkedCard });
        await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 300_00, cardId: CARD_ID, authorisation: AUTHORISED });
        await run(wallet, steps);
        await noteWhatHappened(wallet.db);
        let { kept, counted } = await keptAndCounted(wallet.db);
        expect(kept).toEqual(counted);
        // And once everything due has happened: checks ended, escrow released, claims reviewed.
        wallet.clock.advance(days(60));
        await runDueJobs(wallet.context);
        ({ kept, counted } = await keptAndCounted(wallet.db));
        expect(kept).toEqual(counted);
        await noteWhatHappened(wallet.db);
        wallet.db.close();
      }),
      { numRuns: 50 },
    );
    // The runs went through every way an order can go, not only the first steps.
    expect([...seen].sort()).toEqual(['a claim refunded', 'a refund', 'cancelled', 'checking', 'held', 'refunded', 'released']);
  }, 120_000);

  it('count every one of several writes made at once in one transaction', async () => {
    const { db } = await freshWallet();
    const topUp = (id: string, amountMinor: number) => ({
      id,
      kind: 'single' as const,
      debitAccountId: 'external:e-wallet',
      creditAccountId: 'shopper',
      amountMinor,
      currency: 'USD' as const,
      code: 'top_up' as const,
      timestamp: Date.UTC(2026, 10, 2, 12) + amountMinor,
    });
    const order = (orderId: string, amountMinor: number) => ({
      id: orderKey(SHOP, orderId),
      origin: SHOP,
      orderId,
      merchantName: 'Demo Market',
      items: [],
      amountMinor,
      currency: 'USD' as const,
      method: 'card' as const,
      holdTransferId: holdId(orderKey(SHOP, orderId)),
      paidAt: Date.UTC(2026, 10, 2, 12),
      state: 'held' as const,
    });
    await db.transaction('rw', [db.transfers, db.orders], () =>
      Promise.all([
        db.transfers.add(topUp('a', 1_00)),
        db.transfers.bulkAdd([topUp('b', 2_00), topUp('c', 3_00)]),
        db.orders.add(order('o1', 4_00)),
        db.orders.add(order('o2', 5_00)),
      ]),
    );
    const { kept, counted } = await keptAndCounted(db);
    expect(kept).toEqual(counted);
    expect(await db.spendingMonths.toArray()).toEqual([expect.objectContaining({ heldMinor: 9_00 })]);
  });

  it('refuse a change to a transfer or a refund, and any deletion, rather than count it wrong', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 50_00, cardId: CARD_ID, authorisation: AUTHORISED });
    const [seed] = await wallet.db.transfers.toArray();
    await expect(wallet.db.transfers.put({ ...seed!, amountMinor: 1 })).rejects.toThrow(/written once/);
    await expect(wallet.db.transfers.delete(seed!.id)).rejects.toThrow(/never deleted/);
    await expect(wallet.db.orders.clear()).rejects.toThrow(/never deleted/);
    expect((await keptAndCounted(wallet.db)).kept.movements).toHaveLength(3);
  });
});
