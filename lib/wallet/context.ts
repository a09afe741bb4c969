import type { Clock } from '../clock';
import type { WalletDatabase } from '../db';
import type { Ledger } from '../ledger/ledger';
import { formatMoney, type CurrencyCode } from '../money';
import type { WalletRecord } from './wallet-record';
import { walletNotOpen, type Refusal } from './result';

/** What every wallet operation works with: one database, its ledger, and the one clock. */
export interface WalletContext {
  db: WalletDatabase;
  ledger: Ledger;
  clock: Clock;
}

/** Every table a money movement may touch, so one rw transaction covers the ledger and the wallet's records. */
export const moneyTables = (db: WalletDatabase) => [
  db.accounts,
  db.transfers,
  db.failedTransfers,
  db.wallet,
  db.cards,
  db.topUps,
  db.orders,
  db.refunds,
  db.claims,
  db.jobs,
];

/** A Dexie promise, not an async function's, for the reason `ledger.readAhead` gives: payments read it in their transaction. */
export const readWallet = (context: WalletContext): Promise<WalletRecord | Refusal> =>
  context.db.wallet.get('wallet').then((wallet) => wallet ?? walletNotOpen());

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && (value as Refusal).ok === false;

/** Amounts in messages for developers and logs; the UI formats amounts in the shopper's language itself. */
export const describeAmount = (amountMinor: number, currency: CurrencyCode) => formatMoney({ amountMinor, currency }, 'en');

/** A card that can still be charged: known to the wallet and not removed. */
export async function chargeableCard(db: WalletDatabase, cardId: string | undefined): Promise<boolean> {
  const card = cardId === undefined ? undefined : await db.cards.get(cardId);
  return card !== undefined && card.status !== 'removed';
}
