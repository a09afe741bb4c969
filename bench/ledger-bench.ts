import { Dexie } from 'dexie';
import type { PaymentAuthorisation } from '../lib/account/payment-auth';
import { systemClock } from '../lib/clock';
import { WalletDatabase } from '../lib/db';
import { WalletSchema } from '../lib/db-schema';
import { createLedger } from '../lib/ledger/ledger';
import { localDay, localMonth } from '../lib/local-day';
import { readBalance } from '../lib/wallet/balance';
import { ACCOUNTS } from '../lib/wallet/accounts';
import type { WalletContext } from '../lib/wallet/context';
import { shopperHistory } from '../lib/wallet/history/history';
import { localDayBounds } from '../lib/wallet/history/history-filter';
import { historyTotals } from '../lib/wallet/history/history-totals';
import { spendingByMonth } from '../lib/wallet/spending/spending-by-month';
import { createWalletAccounts, markVerified } from '../lib/wallet/create-wallet';
import { pay } from '../lib/wallet/orders/payments';
import { topUp } from '../lib/wallet/top-ups/top-ups';
import { orderKey } from '../lib/wallet/orders/order-key';
import type { VaultRecord } from '../lib/vault/records';
import { createVault, unlockWithPassword } from '../lib/vault/vault';
import { writeShoppingHistory } from './bench-wallet';

const SHOP = 'https://shop.example';
/** Stands for the payment password's check, which the bench leaves out: it times what the ledger writes. */
const AUTHORISED = Object.freeze({}) as PaymentAuthorisation;

/** A new wallet in USD; `open` says how its database is opened, the wallet's own way by default. */
async function freshContext(
  name: string,
  open: (name: string) => WalletDatabase = (name) => new WalletDatabase(name),
): Promise<WalletContext> {
  await Dexie.delete(name);
  const db = open(name);
  const context = { db, ledger: createLedger(db, systemClock), clock: systemClock };
  await createWalletAccounts(context, 'USD');
  return context;
}

/**
 * Milliseconds per payment through the wallet: checks, the escrow hold, the order record, one transaction each.
 * The wallet is verified, so its payments go straight into escrow and write what rawWrites writes (an unverified
 * wallet's payment also schedules its payment check).
 */
async function walletPayments(count: number): Promise<number> {
  const context = await freshContext('bench-wallet');
  const verified = await markVerified(context);
  if (!verified.ok) throw new Error(verified.message);
  await context.db.cards.add({
    id: 'card',
    brand: 'visa',
    last4: '4242',
    holderName: 'Bench',
    expiryMonth: 1,
    expiryYear: 2099,
    linkedAt: 0,
    status: 'saved',
  });
  await topUp(context, { id: 'seed', method: 'card', amountMinor: count * 100, cardId: 'card', authorisation: AUTHORISED });
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const orderId = `o${index}`;
    const result = await pay(
      context,
      {
        origin: SHOP,
        method: 'balance',
        offer: {
          orderId,
          merchantName: 'Bench',
          amountMinor: 100,
          currency: 'USD',
          items: [{ name: 'Item', quantity: 1, unitAmountMinor: 100 }],
        },
      },
      AUTHORISED,
    );
    if (!result.ok) throw new Error(result.message);
  }
  const elapsed = performance.now() - started;
  context.db.close();
  return elapsed / count;
}

/**
 * Milliseconds per transaction writing the same records a payment writes, with no checks: the schema's bare
 * connection, without the middleware that keeps the totals, writes the totals' rows itself. With `reads`, the
 * transaction first reads, all at once, every record a payment of a verified wallet looks up before it writes (the
 * wallet, the order and its hold, the accounts, the last transfer, the totals' rows, the order's refunds): what those
 * reads cost however a payment makes them, with none of its checks.
 */
async function rawWrites(count: number, reads = false): Promise<number> {
  const context = await freshContext('bench-raw', (name) => new WalletSchema(name));
  const { db } = context;
  const now = systemClock.now();
  const totalKey = { currency: 'USD', code: 'purchase', inMinor: 0 } as const;
  const shopper = (await db.accounts.get(ACCOUNTS.shopper))!;
  const merchant = { ...shopper, id: `merchant:${SHOP}`, debitsMustNotExceedCredits: false };
  const written = [db.accounts, db.transfers, db.orders, db.spendingMonths, db.movementTotals];
  const tables = reads ? [...written, db.failedTransfers, db.wallet, db.refunds] : written;
  const totalKeys = [
    ['USD', 'day', localDay(now), 'purchase'],
    ['USD', 'month', localMonth(now), 'purchase'],
    ['USD', 'year', localDay(now).slice(0, 4), 'purchase'],
  ] as const;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const key = orderKey(SHOP, `o${index}`);
    await db.transaction('rw', tables, async () => {
      if (reads)
        await Promise.all([
          db.wallet.get('wallet'),
          db.orders.get(key),
          db.failedTransfers.bulkGet([`hold:${key}#0`]),
          db.transfers.bulkGet([`hold:${key}#0`]),
          db.accounts.bulkGet([shopper.id, merchant.id]),
          db.transfers.orderBy('timestamp').last(),
          db.movementTotals.bulkGet(totalKeys.map((totalKey) => [...totalKey])),
          db.spendingMonths.get(['USD', localMonth(now)]),
          db.refunds.where('orderKey').equals(key).toArray(),
        ]);
      await db.accounts.bulkPut([
        { ...shopper, debitsPending: index },
        { ...merchant, creditsPending: index },
      ]);
      await db.transfers.add({
        id: `hold:${key}#0`,
        kind: 'pending',
        debitAccountId: shopper.id,
        creditAccountId: merchant.id,
        amountMinor: 100,
        currency: 'USD',
        code: 'purchase',
        orderId: key,
        timestamp: index,
      });
      await db.orders.add({
        id: key,
        origin: SHOP,
        orderId: `o${index}`,
        merchantName: 'Bench',
        items: [],
        amountMinor: 100,
        currency: 'USD',
        method: 'balance',
        holdTransferId: `hold:${key}#0`,
        paidAt: index,
        state: 'held',
      });
      const heldMinor = (index + 1) * 100;
      await db.spendingMonths.put({ currency: 'USD', month: localMonth(now), paidMinor: 0, heldMinor, refundedMinor: 0 });
      await db.movementTotals.bulkPut([
        { ...totalKey, unit: 'day', period: localDay(now), outMinor: heldMinor },
        { ...totalKey, unit: 'month', period: localMonth(now), outMinor: heldMinor },
        { ...totalKey, unit: 'year', period: localDay(now).slice(0, 4), outMinor: heldMinor },
      ]);
    });
  }
  const elapsed = performance.now() - started;
  db.close();
  return elapsed / count;
}

const historyName = (size: number) => `bench-history-${size}`;

/** A verified wallet of `size` transfers from four years of shopping, with their orders and refunds (bench/bench-wallet.ts). */
async function shoppingWallet(size: number): Promise<WalletContext> {
  const context = await freshContext(historyName(size));
  await writeShoppingHistory(context.db, size, systemClock.now(), 4);
  return context;
}

async function timePerCall(repeats: number, call: () => Promise<unknown>): Promise<number> {
  await call();
  const started = performance.now();
  for (let index = 0; index < repeats; index++) await call();
  return (performance.now() - started) / repeats;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Milliseconds to read what the popup and the wallet page read at two history sizes, in interleaved rounds
 * (small, large, small, large…) over wallets that both exist before timing starts, so disk and cache state
 * favour neither: the balance, the first history page, the overview's twelve months of spending, and the
 * history's totals unfiltered and for purchases over the last 90 whole days. Each figure is a list, one entry
 * per round, for the bench to pair.
 */
async function reads(smallSize: number, largeSize: number, rounds: number) {
  const contexts = [await shoppingWallet(smallSize), await shoppingWallet(largeSize)];
  const now = systemClock.now();
  const lastDays = {
    code: 'purchase',
    from: localDayBounds(localDay(now - 89 * 24 * 60 * 60 * 1000))!.start,
    to: localDayBounds(localDay(now))!.end,
  } as const;
  const measured = contexts.map(() => ({
    balanceMs: [] as number[],
    firstPageMs: [] as number[],
    spendingMs: [] as number[],
    totalsMs: [] as number[],
    lastDaysTotalsMs: [] as number[],
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, { db }] of contexts.entries()) {
      const figures = measured[index]!;
      figures.balanceMs.push(await timePerCall(100, () => readBalance(db)));
      figures.firstPageMs.push(
        await timePerCall(20, async () => {
          const page = await shopperHistory(db, { limit: 50 });
          if (page.transfers.length !== 50) throw new Error('short history page');
        }),
      );
      figures.spendingMs.push(
        await timePerCall(20, async () => {
          if (!(await spendingByMonth(db, localMonth(now)))?.anyOrders) throw new Error('no spending');
        }),
      );
      figures.totalsMs.push(await timePerCall(20, () => historyTotals(db, {})));
      figures.lastDaysTotalsMs.push(await timePerCall(20, () => historyTotals(db, lastDays)));
    }
  }
  for (const { db } of contexts) db.close();
  return { small: measured[0]!, large: measured[1]! };
}

/** IndexedDB's own estimate of what this origin stores, in bytes: the size of its database files. */
const usage = async () => (await navigator.storage.estimate()).usage ?? 0;

/** The records of every table of `db` as JSON, in bytes: what the same data takes written plainly. */
async function jsonBytes(db: WalletDatabase): Promise<number> {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const table of db.tables) for (const record of await table.toArray()) bytes += encoder.encode(JSON.stringify(record)).length;
  return bytes;
}

/** IndexedDB's estimate before and after writing a ledger of `size` transfers, with the JSON size of its records. */
async function storage(size: number) {
  const before = await usage();
  const { db } = await shoppingWallet(size);
  const json = await jsonBytes(db);
  db.close();
  return { beforeBytes: before, afterBytes: await usage(), jsonBytes: json };
}

/**
 * IndexedDB's estimate once the ledger of `size` transfers is opened again, as the wallet opens it in the browser's
 * next session: the estimate counts a database only once it is open, and LevelDB deletes the files of the tables it
 * has compacted away when it opens.
 */
async function storageReopened(size: number) {
  const db = new WalletDatabase(historyName(size));
  await db.open();
  db.close();
  return usage();
}

const VAULT_PASSWORD = 'correct horse battery staple';

/** Vaults at the stored PBKDF2 cost (600,000 iterations), for another browser to unlock. */
async function vaults(count: number): Promise<VaultRecord[]> {
  const answers = ['first-pet', 'first-teacher', 'childhood-street'].map((questionId) => ({ questionId, answer: 'x' }));
  return Promise.all(Array.from({ length: count }, async () => (await createVault(VAULT_PASSWORD, answers)).record));
}

/**
 * Milliseconds to unlock a vault with the login password: the wait a shopper has after typing
 * it. Each vault is unlocked once, and should come from another browser process: Firefox's NSS
 * remembers a derivation it has just made for the same password and salt, which would time a
 * cache hit instead of the 600,000 iterations.
 */
async function unlockVaults(records: VaultRecord[]): Promise<number> {
  const timings: number[] = [];
  for (const record of records) {
    const start = performance.now();
    if (!(await unlockWithPassword(record, VAULT_PASSWORD))) throw new Error('The vault did not open');
    timings.push(performance.now() - start);
  }
  return median(timings);
}

Object.assign(window, { bench: { walletPayments, rawWrites, reads, storage, storageReopened, vaults, unlockVaults } });
document.body.dataset.ready = 'true';
