import { Dexie } from 'dexie';
import type { WalletDatabase } from '../../db';
import type { Transfer } from '../../ledger/transfer';
import type { HistoryQuery } from './history-query';
import { ACCOUNTS } from '../accounts';

export interface HistoryPage {
  transfers: Transfer[];
  nextCursor?: { timestamp: number; id: string };
}

const DEFAULT_LIMIT = 50;

/** Whether a transfer is within the query's filters; the account is not one of them, it picks the indexes walked. */
export const matchesQuery = (query: Omit<HistoryQuery, 'accountId' | 'limit'>) => (transfer: Transfer) =>
  (query.code === undefined || transfer.code === query.code) &&
  (query.orderKey === undefined || transfer.orderId === query.orderKey) &&
  (query.from === undefined || transfer.timestamp >= query.from) &&
  (query.to === undefined || transfer.timestamp <= query.to) &&
  (query.minAmountMinor === undefined || transfer.amountMinor >= query.minAmountMinor) &&
  (query.maxAmountMinor === undefined || transfer.amountMinor <= query.maxAmountMinor) &&
  // Timestamps are unique, so anything at the cursor's timestamp is the cursor itself.
  (query.cursor === undefined || transfer.timestamp < query.cursor.timestamp);

/**
 * A page of history, newest first, read by walking a compound index backwards from the cursor
 * and stopping once the page is full: the cost depends on the page, not on the history's size.
 * An account's history merges its debit and credit sides, each read only as far as the page needs.
 * Filters no index narrows (the amount bounds) are checked on the walked range, so a rarely
 * matching amount walks further, but still stops as soon as the page is full.
 */
export async function historyPage(db: WalletDatabase, query: HistoryQuery): Promise<HistoryPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const upper = query.cursor ? query.cursor.timestamp : (query.to ?? Dexie.maxKey);
  const lower = query.from ?? Dexie.minKey;
  const matches = matchesQuery(query);

  const side = (index: string, key: string | undefined) => {
    const range =
      key === undefined
        ? db.transfers.where('timestamp').between(lower, upper, true, true)
        : db.transfers.where(index).between([key, lower], [key, upper], true, true);
    return range
      .reverse()
      .filter(matches)
      .limit(limit + 1)
      .toArray();
  };

  let candidates: Transfer[];
  if (query.orderKey !== undefined && query.accountId === undefined) {
    candidates = (await db.transfers.where('orderId').equals(query.orderKey).toArray())
      .filter(matches)
      .sort((a, b) => b.timestamp - a.timestamp);
  } else if (query.accountId === undefined && query.code !== undefined) {
    candidates = await db.transfers
      .where('[code+timestamp]')
      .between([query.code, lower], [query.code, upper], true, true)
      .reverse()
      .filter(matches)
      .limit(limit + 1)
      .toArray();
  } else if (query.accountId === undefined) {
    candidates = await side('timestamp', undefined);
  } else {
    const [debits, credits] = await Promise.all([
      side('[debitAccountId+timestamp]', query.accountId),
      side('[creditAccountId+timestamp]', query.accountId),
    ]);
    candidates = [...debits, ...credits].sort((a, b) => b.timestamp - a.timestamp);
  }
  const transfers = candidates.slice(0, limit);
  const last = transfers.at(-1);
  return candidates.length > limit && last ? { transfers, nextCursor: { timestamp: last.timestamp, id: last.id } } : { transfers };
}

/** The shopper's history, the one the popup and wallet pages show. */
export const shopperHistory = (db: WalletDatabase, query: Omit<HistoryQuery, 'accountId'> = {}) =>
  historyPage(db, { ...query, accountId: ACCOUNTS.shopper });
