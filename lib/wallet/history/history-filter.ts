import { transferCode } from '../../ledger/transfer';
import type { CurrencyCode } from '../../money';
import { parseMoney, type MoneyParseErrorCode } from '../../money-parse';
import type { HistoryQuery } from './history-query';

/**
 * What the history is narrowed to: the query's own filters, with the order named by the shop's
 * order id (the shopper sees that one; the ledger keys orders by origin and id).
 */
export type HistoryFilter = Pick<HistoryQuery, 'code' | 'from' | 'to' | 'minAmountMinor' | 'maxAmountMinor'> & { merchantOrderId?: string };

/** The filter form as typed: every field is text, empty meaning "any". */
export interface HistoryFilterForm {
  kind: string;
  from: string;
  to: string;
  order: string;
  minAmount: string;
  maxAmount: string;
}
export type HistoryFilterField = keyof HistoryFilterForm;

export const EMPTY_HISTORY_FILTER_FORM: HistoryFilterForm = { kind: '', from: '', to: '', order: '', minAmount: '', maxAmount: '' };

export type HistoryFilterProblem =
  'unknown_kind' | 'invalid_date' | 'to_before_from' | 'min_above_max' | Exclude<MoneyParseErrorCode, 'empty'>;

export type HistoryFilterResult =
  { ok: true; filter: HistoryFilter } | { ok: false; problems: Partial<Record<HistoryFilterField, HistoryFilterProblem>> };

const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date input's "YYYY-MM-DD" as the first and last millisecond of that day where the shopper is. */
export function localDayBounds(text: string): { start: number; end: number } | undefined {
  const match = DATE_INPUT.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) return undefined;
  // The next midnight, not start + 24 h: a day with a daylight-saving change is 23 or 25 hours long.
  return { start: start.getTime(), end: new Date(year, month - 1, day + 1).getTime() - 1 };
}

/**
 * Reads the filter form: dates as whole local days, both ends included; amounts in the wallet's
 * currency through the one money parser, in the UI's locale. Any problem is reported against
 * its field and nothing is returned to query with.
 */
export function parseHistoryFilter(form: HistoryFilterForm, currency: CurrencyCode, locale: string): HistoryFilterResult {
  const problems: Partial<Record<HistoryFilterField, HistoryFilterProblem>> = {};
  const filter: HistoryFilter = {};

  if (form.kind !== '') {
    const code = transferCode.safeParse(form.kind);
    if (code.success) filter.code = code.data;
    else problems.kind = 'unknown_kind';
  }

  const from = form.from.trim() === '' ? undefined : localDayBounds(form.from.trim());
  const to = form.to.trim() === '' ? undefined : localDayBounds(form.to.trim());
  if (form.from.trim() !== '' && !from) problems.from = 'invalid_date';
  if (form.to.trim() !== '' && !to) problems.to = 'invalid_date';
  if (from) filter.from = from.start;
  if (to) filter.to = to.end;
  if (from && to && to.end < from.start) problems.to = 'to_before_from';

  const order = form.order.trim();
  if (order !== '') filter.merchantOrderId = order;

  for (const [field, bound] of [
    ['minAmount', 'minAmountMinor'],
    ['maxAmount', 'maxAmountMinor'],
  ] as const) {
    if (form[field].trim() === '') continue;
    const parsed = parseMoney(form[field], currency, locale);
    if (parsed.ok) filter[bound] = parsed.value.amountMinor;
    else if (parsed.code !== 'empty') problems[field] = parsed.code;
  }
  if (filter.minAmountMinor !== undefined && filter.maxAmountMinor !== undefined && filter.minAmountMinor > filter.maxAmountMinor) {
    problems.maxAmount = 'min_above_max';
  }

  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, filter };
}

export const isUnfiltered = (filter: HistoryFilter) => Object.values(filter).every((value) => value === undefined);
