import type { WalletDatabase } from '../../db';
import type { Transfer } from '../../ledger/transfer';
import { localDay, monthsAfter } from '../../local-day';
import type { CurrencyCode } from '../../money';
import { matchesQuery } from './history';
import { localDayBounds, type HistoryFilter } from './history-filter';
import { isMovement } from './history-row';
import { orderKeysFor } from './history-statement';
import { movementShare } from './movement-share';
import type { MovementTotal, MovementUnit } from './movement-total';

/** What the movements a filter shows add up to, as the history lists them: a voided hold counts for nothing. */
export interface HistoryTotals {
  currency: CurrencyCode;
  inMinor: number;
  outMinor: number;
}

type Sums = Pick<HistoryTotals, 'inMinor' | 'outMinor'>;

/** A run of kept totals: days, months or years, `first` to `last` inclusive. */
interface Span {
  unit: MovementUnit;
  first: string;
  last: string;
}

// '' sorts before any day, month or year, and '\uffff' after: an open end takes everything on that side.
const OPEN_START = '';
const OPEN_END = '\uffff';

const lastDayOf = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(year, monthNumber, 0).getDate()).padStart(2, '0')}`;
};

/** Whole months `firstMonth` to `lastMonth` (either open): whole years as years, the months of a year begun or left part-way as months. */
function monthSpans(firstMonth: string, lastMonth: string): Span[] {
  if (firstMonth > lastMonth) return [];
  const firstYear = firstMonth === OPEN_START ? OPEN_START : firstMonth.slice(0, 4);
  const lastYear = lastMonth === OPEN_END ? OPEN_END : lastMonth.slice(0, 4);
  if (firstYear === lastYear) return [{ unit: 'month', first: firstMonth, last: lastMonth }];
  const spans: Span[] = [];
  let fromYear = firstYear;
  let toYear = lastYear;
  if (firstMonth !== OPEN_START && !firstMonth.endsWith('-01')) {
    spans.push({ unit: 'month', first: firstMonth, last: `${firstYear}-12` });
    fromYear = String(Number(firstYear) + 1);
  }
  if (lastMonth !== OPEN_END && !lastMonth.endsWith('-12')) {
    spans.push({ unit: 'month', first: `${lastYear}-01`, last: lastMonth });
    toYear = String(Number(lastYear) - 1);
  }
  if (fromYear <= toYear) spans.push({ unit: 'year', first: fromYear, last: toYear });
  return spans;
}

/**
 * The kept totals that make up the days `fromDay` to `toDay` (either open): the days of a first or
 * last month that is not whole as days, then the whole months between as months and years.
 */
export function spansOf(fromDay: string | undefined, toDay: string | undefined): Span[] {
  const fromMonth = fromDay?.slice(0, 7);
  const toMonth = toDay?.slice(0, 7);
  if (fromDay !== undefined && toDay !== undefined && fromMonth === toMonth) return [{ unit: 'day', first: fromDay, last: toDay }];
  const spans: Span[] = [];
  let firstMonth = fromMonth ?? OPEN_START;
  let lastMonth = toMonth ?? OPEN_END;
  if (fromDay !== undefined && fromMonth !== undefined && !fromDay.endsWith('-01')) {
    spans.push({ unit: 'day', first: fromDay, last: lastDayOf(fromMonth) });
    firstMonth = monthsAfter(fromMonth, 1);
  }
  if (toDay !== undefined && toMonth !== undefined && toDay !== lastDayOf(toMonth)) {
    spans.push({ unit: 'day', first: `${toMonth}-01`, last: toDay });
    lastMonth = monthsAfter(toMonth, -1);
  }
  return [...spans, ...monthSpans(firstMonth, lastMonth)];
}

/** Whether the filter's dates are whole days of the shopper's calendar, as the history's filter form makes them. */
const wholeDays = ({ from, to }: HistoryFilter) =>
  (from === undefined || localDayBounds(localDay(from))?.start === from) && (to === undefined || localDayBounds(localDay(to))?.end === to);

function add(sums: Sums, rows: Iterable<Pick<MovementTotal, 'inMinor' | 'outMinor'>>): Sums {
  for (const row of rows) {
    sums.inMinor += row.inMinor;
    sums.outMinor += row.outMinor;
  }
  return sums;
}

/** From the kept totals: a few ranges of days and months, whatever the number of transfers in them. */
async function keptSums(db: WalletDatabase, currency: CurrencyCode, filter: HistoryFilter): Promise<Sums> {
  const spans = spansOf(
    filter.from === undefined ? undefined : localDay(filter.from),
    filter.to === undefined ? undefined : localDay(filter.to),
  );
  const rows = await Promise.all(
    spans.map(({ unit, first, last }) =>
      db.movementTotals
        .where('[currency+unit+period+code]')
        .between([currency, unit, first, ''], [currency, unit, last, '\uffff'], true, true)
        .toArray(),
    ),
  );
  return add(
    { inMinor: 0, outMinor: 0 },
    rows.flat().filter((row) => filter.code === undefined || row.code === filter.code),
  );
}

/** The movements as found, with the posts and voids that resolve their holds. */
function sumsOf(movements: readonly Transfer[], resolutions: readonly Transfer[]): Sums {
  const holds = new Map(movements.filter((transfer) => transfer.kind === 'pending').map((hold) => [hold.id, hold]));
  const sums = { inMinor: 0, outMinor: 0 };
  for (const transfer of [...movements, ...resolutions]) {
    const share = movementShare(transfer, transfer.pendingId === undefined ? undefined : holds.get(transfer.pendingId));
    if (share) sums[share.direction === 'in' ? 'inMinor' : 'outMinor'] += share.amountMinor;
  }
  return sums;
}

/** An order's few transfers, read whole: its posts and voids carry its key as well. */
async function orderSums(db: WalletDatabase, filter: HistoryFilter & { merchantOrderId: string }): Promise<Sums> {
  const keys = await orderKeysFor(db, filter.merchantOrderId);
  const transfers = keys.length === 0 ? [] : await db.transfers.where('orderId').anyOf(keys).toArray();
  const movements = transfers.filter((transfer) => isMovement(transfer) && matchesQuery(filter)(transfer));
  const holdIds = new Set(movements.map((transfer) => transfer.id));
  return sumsOf(
    movements,
    transfers.filter((transfer) => transfer.pendingId !== undefined && holdIds.has(transfer.pendingId)),
  );
}

/**
 * Amount bounds (and dates that are not whole days) pick transfers no kept total can tell apart,
 * so these walk the filter's range of transfers: exact, at a cost that grows with that range.
 */
async function walkedSums(db: WalletDatabase, filter: HistoryFilter): Promise<Sums> {
  const lower = filter.from ?? -Infinity;
  const upper = filter.to ?? Infinity;
  const range =
    filter.code === undefined
      ? db.transfers.where('timestamp').between(lower, upper, true, true)
      : db.transfers.where('[code+timestamp]').between([filter.code, lower], [filter.code, upper], true, true);
  const movements = await range.filter((transfer) => isMovement(transfer) && matchesQuery(filter)(transfer)).toArray();
  const holdIds = movements.filter((transfer) => transfer.kind === 'pending').map((hold) => hold.id);
  return sumsOf(movements, holdIds.length === 0 ? [] : await db.transfers.where('pendingId').anyOf(holdIds).toArray());
}

/**
 * Money in, money out, and so the net, of everything the history's filter shows, in the wallet's
 * currency. Undefined before the wallet exists.
 */
export async function historyTotals(db: WalletDatabase, filter: HistoryFilter): Promise<HistoryTotals | undefined> {
  const wallet = await db.wallet.get('wallet');
  if (!wallet) return undefined;
  const { merchantOrderId } = filter;
  const sums =
    merchantOrderId !== undefined
      ? await orderSums(db, { ...filter, merchantOrderId })
      : filter.minAmountMinor === undefined && filter.maxAmountMinor === undefined && wholeDays(filter)
        ? await keptSums(db, wallet.currency, filter)
        : await walkedSums(db, filter);
  return { currency: wallet.currency, ...sums };
}
