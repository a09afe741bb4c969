import { contactRecords, latestInbox } from '../account/contacts';
import { latestSecurityEvents } from '../account/security-events';
import { recordCounts } from '../backup/counts';
import type { TableName } from '../backup/tables';
import type { WalletDatabase } from '../db';
import { openForReading } from '../db-schema';
import { createGlanceReads } from './glance-reads';
import { verificationStanding } from '../identity/verification';
import { lettersNewestFirst } from '../letters/letter-list';
import { cardCheckRows } from '../wallet/cards/card-check';
import { claimablePurchases } from '../wallet/claims/claimable';
import { claimsNewestFirst } from '../wallet/claims/claim-view';
import type { HistoryFilter } from '../wallet/history/history-filter';
import { statementPage, statementPages, type HistoryCursor } from '../wallet/history/history-statement';
import { historyTotals } from '../wallet/history/history-totals';
import { ordersNewestFirst } from '../wallet/orders/order-view';
import { spendingByMonth } from '../wallet/spending/spending-by-month';
import { readTopUpStanding } from '../wallet/top-ups/top-up-standing';

/**
 * Every question the wallet's screens ask of the ledger, by name: the background answers its
 * messages with these, and the popup, wallet page and confirm window read through them (never
 * the tables themselves), so each question is written once. Each runs inside a live query as
 * well as alone: it only reads.
 */
export function createWalletReads(db: WalletDatabase) {
  return {
    ...createGlanceReads(db),
    cardCheckRows: (cardId: string) => cardCheckRows(db, cardId),
    topUpStanding: (monthStart: number) => readTopUpStanding(db, monthStart),
    statementPage: (filter: HistoryFilter, cursor?: HistoryCursor) => statementPage(db, filter, cursor),
    statementPages: (filter: HistoryFilter) => statementPages(db, filter),
    historyTotals: (filter: HistoryFilter) => historyTotals(db, filter),
    spendingByMonth: (lastMonth: string) => spendingByMonth(db, lastMonth),
    orders: (limit: number) => ordersNewestFirst(db, limit),
    claims: (limit: number) => claimsNewestFirst(db, limit),
    claimablePurchases: (now: number) => claimablePurchases(db, now),
    verification: () => verificationStanding(db),
    contacts: () => contactRecords(db),
    inbox: (shown: number) => latestInbox(db, shown),
    securityEvents: (shown: number) => latestSecurityEvents(db, shown),
    letters: (limit: number) => lettersNewestFirst(db, limit),
    recordCounts: <Name extends TableName>(names: readonly Name[]) => recordCounts(db, names),
  };
}
export type WalletReads = ReturnType<typeof createWalletReads>;

/** The reads of an extension page, on its own connection to the wallet's database. */
export const openWalletReads = (): WalletReads => createWalletReads(openForReading());
