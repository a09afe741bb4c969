import type { WalletDatabase } from '../db';
import { openForReading } from '../db-schema';
import { readBalance } from '../wallet/balance';
import { savedCards } from '../wallet/cards/saved-cards';
import { recentActivity } from '../wallet/history/history-row-lookup';
import { refundsToShow } from '../wallet/refunds/refund-list';
import { pendingTopUps } from '../wallet/top-ups/pending-top-ups';

/**
 * The questions the popup asks, a part of the wallet's reads: kept in a module of their own so the
 * popup loads only these (its bundle budget has no room for the wallet page's queries or zod).
 */
export function createGlanceReads(db: WalletDatabase) {
  return {
    balance: () => readBalance(db),
    wallet: () => db.wallet.get('wallet'),
    savedCards: () => savedCards(db),
    pendingTopUps: () => pendingTopUps(db),
    recentActivity: (shown: number) => recentActivity(db, shown),
    refunds: (now: number, arrivedShown: number) => refundsToShow(db, now, arrivedShown),
  };
}
export type GlanceReads = ReturnType<typeof createGlanceReads>;

/** The popup's reads, on its own connection to the wallet's database. */
export const openGlanceReads = (): GlanceReads => createGlanceReads(openForReading());
