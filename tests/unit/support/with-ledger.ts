import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createManualClock } from '@/lib/clock';
import { WalletDatabase } from '@/lib/db';
import { createLedger } from '@/lib/ledger/ledger';

export const START = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A fresh ledger on a fresh in-memory IndexedDB with a manual clock, for one test. */
export async function freshLedger() {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new WalletDatabase(`wallet-test`);
  const clock = createManualClock(START);
  const ledger = createLedger(db, clock);
  const created = await ledger.createAccounts([
    { id: 'shopper', currency: 'USD', debitsMustNotExceedCredits: true, balanceLimitMinor: 50_000 },
    { id: 'card-network', currency: 'USD', debitsMustNotExceedCredits: false },
    { id: 'merchant:https://shop.example', currency: 'USD', debitsMustNotExceedCredits: false },
    { id: 'fees', currency: 'USD', debitsMustNotExceedCredits: false },
    { id: 'euro-bank', currency: 'EUR', debitsMustNotExceedCredits: false },
  ]);
  if (!created.ok) throw new Error(created.failure.message);
  return { db, clock, ledger };
}
