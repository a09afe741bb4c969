import { Dexie } from 'dexie';
import type { PaymentAuthorisation } from '../lib/account/payment-auth';
import { systemClock } from '../lib/clock';
import { WalletDatabase } from '../lib/db';
import { createLedger } from '../lib/ledger/ledger';
import type { Transfer } from '../lib/ledger/transfer';
import { readBalance } from '../lib/wallet/balance';
import { ACCOUNTS } from '../lib/wallet/accounts';
import type { WalletContext } from '../lib/wallet/context';
import { shopperHistory } from '../lib/wallet/history/history';
import { createWalletAccounts, markVerified } from '../lib/wallet/create-wallet';
import { pay } from '../lib/wallet/orders/payments';
import { topUp } from '../lib/wallet/top-ups/top-ups';
import { orderKey } from '../lib/wallet/orders/order-key';
import type { VaultRecord } from '../lib/vault/records';
import { createVault, unlockWithPassword } from '../lib/vault/vault';

const SHOP = 'https://shop.example';
/** Stands for the payment password's check, which the bench leaves out: it times what the ledger writes. */
const AUTHORISED = Object.freeze({}) as PaymentAuthorisation;

async function freshContext(name: string): Promise<WalletContext> {
  await Dexie.delete(name);
  const db = new WalletDatabase(name);
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

/** Milliseconds per transaction writing the same records a payment writes, with no reads or checks. */
async function rawWrites(count: number): Promise<number> {
  const context = await freshContext('bench-raw');
  const { db } = context;
  const shopper = (await db.accounts.get(ACCOUNTS.shopper))!;
  const merchant = { ...shopper, id: `merchant:${SHOP}`, debitsMustNotExceedCredits: false };
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const key = orderKey(SHOP, `o${index}`);
    await db.transaction('rw', [db.accounts, db.transfers, db.orders], async () => {
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
    });
  }
  const elapsed = performance.now() - started;
  db.close();
  return elapsed / count;
}

const historyName = (size: number) => `bench-history-${size}`;

/** A ledger of `size` one-cent top-ups written in bulk, with the balance they add up to. */
async function seededHistory(size: number): Promise<WalletContext> {
  const context = await freshContext(historyName(size));
  const { db } = context;
  const batch = 10_000;
  for (let start = 0; start < size; start += batch) {
    const transfers: Transfer[] = [];
    for (let index = start; index < Math.min(size, start + batch); index++) {
      transfers.push({
        id: `t${index}`,
        kind: 'single',
        debitAccountId: ACCOUNTS.cardNetwork,
        creditAccountId: ACCOUNTS.shopper,
        amountMinor: 1,
        currency: 'USD',
        code: 'top_up',
        timestamp: 1_000_000 + index,
      });
    }
    await db.transfers.bulkAdd(transfers);
  }
  await db.accounts.update(ACCOUNTS.shopper, { creditsPosted: size });
  await db.accounts.update(ACCOUNTS.cardNetwork, { debitsPosted: size });
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
 * Milliseconds to read the balance and the first history page at two history sizes, in interleaved rounds (small,
 * large, small, large…) over ledgers that both exist before timing starts, so disk and cache state favour neither.
 * Each figure is a list, one entry per round, for the bench to pair.
 */
async function reads(smallSize: number, largeSize: number, rounds: number) {
  const contexts = [await seededHistory(smallSize), await seededHistory(largeSize)];
  const measured = contexts.map(() => ({ balanceMs: [] as number[], firstPageMs: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, context] of contexts.entries()) {
      measured[index]!.balanceMs.push(await timePerCall(100, () => readBalance(context.db)));
      measured[index]!.firstPageMs.push(
        await timePerCall(20, async () => {
          const page = await shopperHistory(context.db, { limit: 50 });
          if (page.transfers.length !== 50) throw new Error('short history page');
        }),
      );
    }
  }
  for (const context of contexts) context.db.close();
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
  const { db } = await seededHistory(size);
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
