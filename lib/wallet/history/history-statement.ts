import type { WalletDatabase } from '../../db';
import type { Transfer } from '../../ledger/transfer';
import { historyPage, type HistoryPage } from './history';
import type { HistoryFilter } from './history-filter';
import { isMovement, type HistoryRow } from './history-row';
import { readHistoryRows } from './history-row-lookup';
import { merchantAccount } from '../accounts';
import { orderKey } from '../orders/order-key';

export type HistoryCursor = NonNullable<HistoryPage['nextCursor']>;

export interface StatementPage {
  rows: HistoryRow[];
  /** Where the next page starts; absent on the last page. */
  nextCursor?: HistoryCursor;
}

/** Rows on a page of the wallet page's history. */
export const STATEMENT_PAGE_SIZE = 50;
/** Rows per read when exporting: the query's largest page, since nobody waits on each one. */
export const EXPORT_PAGE_SIZE = 200;

const cursorOf = (transfer: Transfer): HistoryCursor => ({ timestamp: transfer.timestamp, id: transfer.id });

/**
 * The keys of the orders a shop numbered `merchantOrderId`: one per shop that used that number.
 * Keys are built from the merchant's origin, and every origin paid has a ledger account, so this
 * reads the (few) merchant accounts and looks the candidate keys up, never scanning the orders.
 */
export async function orderKeysFor(db: WalletDatabase, merchantOrderId: string): Promise<string[]> {
  const prefix = merchantAccount('');
  const accounts = await db.accounts.where('id').startsWith(prefix).primaryKeys();
  const candidates = accounts.map((accountId) => orderKey(accountId.slice(prefix.length), merchantOrderId));
  const found = await db.orders.bulkGet(candidates);
  return found.flatMap((order) => (order ? [order.id] : []));
}

/**
 * A page of transfers, newest first, for any number of orders (or none). Each order's page is
 * read only as far as this page needs; the newest `limit` of their union are the page.
 */
async function transfersPage(
  db: WalletDatabase,
  filter: HistoryFilter,
  orderKeys: readonly (string | undefined)[],
  cursor: HistoryCursor | undefined,
  limit: number,
): Promise<HistoryPage> {
  const { merchantOrderId: _typed, ...query } = filter;
  const pages = await Promise.all(
    orderKeys.map((key) => historyPage(db, { ...query, ...(key ? { orderKey: key } : {}), ...(cursor ? { cursor } : {}), limit })),
  );
  if (pages.length === 1) return pages[0]!;
  const merged = pages.flatMap((page) => page.transfers).sort((a, b) => b.timestamp - a.timestamp);
  const transfers = merged.slice(0, limit);
  const last = transfers.at(-1);
  const more = merged.length > limit || pages.some((page) => page.nextCursor);
  return more && last ? { transfers, nextCursor: cursorOf(last) } : { transfers };
}

/**
 * A page of the shopper's history: every movement of their money in the wallet's ledger, newest
 * first. Not only the balance's: in a personal ledger every transfer is the shopper's money, and
 * paying by card, a provider's fee or a refund to the card never touch the balance account.
 * Posts and voids become their hold's status, so reading goes on past them until the page is full.
 */
export async function statementPage(
  db: WalletDatabase,
  filter: HistoryFilter,
  cursor?: HistoryCursor,
  limit = STATEMENT_PAGE_SIZE,
): Promise<StatementPage> {
  const orderKeys = filter.merchantOrderId === undefined ? [undefined] : await orderKeysFor(db, filter.merchantOrderId);
  if (orderKeys.length === 0) return { rows: [] };

  const movements: Transfer[] = [];
  let next = cursor;
  do {
    const page = await transfersPage(db, filter, orderKeys, next, limit);
    movements.push(...page.transfers.filter(isMovement));
    next = page.nextCursor;
  } while (next && movements.length <= limit);
  const shown = movements.slice(0, limit);
  const rows = await readHistoryRows(db, shown);
  const last = shown.at(-1);
  return movements.length > limit && last ? { rows, nextCursor: cursorOf(last) } : { rows };
}

/** Every page of the filtered history in turn, for the export; the caller may stop between pages. */
export async function* statementPages(
  db: WalletDatabase,
  filter: HistoryFilter,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<HistoryRow[]> {
  let cursor: HistoryCursor | undefined;
  do {
    const page = await statementPage(db, filter, cursor, pageSize);
    yield page.rows;
    cursor = page.nextCursor;
  } while (cursor);
}
