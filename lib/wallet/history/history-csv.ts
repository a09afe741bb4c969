import { localDay } from '../../local-day';
import { toDecimalString } from '../../money';
import type { Counterparty, HistoryRow } from './history-row';
import type { TopUpMethod } from '../top-ups/top-up-method';

/**
 * Column names stay in English whatever the UI language, like the values below them, so a file
 * exported today reads the same in a script or spreadsheet as one exported in another language.
 */
export const HISTORY_CSV_COLUMNS = ['date', 'kind', 'direction', 'status', 'amount', 'currency', 'counterparty', 'order', 'transfer_id'];

const METHOD_NAMES: Record<TopUpMethod, string> = {
  card: 'card',
  e_wallet: 'e-wallet',
  bank_transfer: 'bank transfer',
  money_transfer: 'money transfer',
  boleto: 'boleto',
};

/**
 * Text a spreadsheet would run as a formula: a leading = + - @ (or their full-width forms, which
 * some spreadsheets accept too), even after spaces, and a leading tab or carriage return.
 */
const FORMULA_START = /^(?:\s*[=+\-@＝＋－＠]|[\t\r])/;
/** Quoted: the RFC 4180 specials, and `;`, which spreadsheets in many locales split columns on. */
const NEEDS_QUOTES = /[",;\r\n]/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * A text field: a leading apostrophe makes spreadsheets show formula-like text as text (shop
 * names and order ids come from web pages), then RFC 4180 quoting.
 */
export function textCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * A number field, left as the number it is: "-12.50" must stay a negative amount, not become
 * text. Only decimals the wallet wrote itself come here, and anything else is refused.
 */
export function numberCell(decimal: string): string {
  if (!DECIMAL.test(decimal)) throw new Error(`Not a decimal number: ${decimal}`);
  return decimal;
}

function counterpartyText(counterparty: Counterparty): string {
  switch (counterparty.kind) {
    case 'merchant':
      return counterparty.name === undefined ? counterparty.origin : `${counterparty.name} (${counterparty.origin})`;
    case 'method':
      return METHOD_NAMES[counterparty.method];
    case 'account':
      return counterparty.accountId;
  }
}

/** One record: amounts signed from the shopper's side (money out is negative) in the currency's own decimals. */
function record(row: HistoryRow): string {
  const signedMinor = row.direction === 'out' ? -row.amountMinor : row.amountMinor;
  return [
    textCell(new Date(row.timestamp).toISOString()),
    textCell(row.kind),
    textCell(row.direction),
    textCell(row.status),
    numberCell(toDecimalString({ amountMinor: signedMinor, currency: row.currency })),
    textCell(row.currency),
    textCell(counterpartyText(row.counterparty)),
    textCell(row.order?.merchantOrderId ?? ''),
    textCell(row.transferId),
  ].join(',');
}

/** The history as RFC 4180 CSV: a header line, then one record per row, each line ending in CRLF. */
export const historyCsv = (rows: readonly HistoryRow[]): string =>
  [HISTORY_CSV_COLUMNS.map(textCell).join(','), ...rows.map(record)].map((line) => `${line}\r\n`).join('');

/** The export's file name, dated by the shopper's own calendar. */
export const historyCsvFileName = (now: number): string => `wallet-history-${localDay(now)}.csv`;
