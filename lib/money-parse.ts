import { CURRENCY_MARKS } from './currency-marks';
import { CURRENCY_EXPONENTS, type CurrencyCode } from './money';
import type { Money } from './money-schema';

export type MoneyParseErrorCode =
  'empty' | 'negative' | 'not_a_number' | 'too_many_decimals' | 'unknown_currency' | 'currency_mismatch' | 'too_large';
export type MoneyParseResult = { ok: true; value: Money } | { ok: false; code: MoneyParseErrorCode; message: string };

const GROUPING_SPACES = /[\s\u00a0\u202f'’]/g;

/** Separators asked of Intl once per locale: making a number format is slow, and a page's totals ask for each amount. */
const separators = new Map<string, string>();

/** The decimal separator the locale writes, e.g. "." for en and "," for ru. */
function decimalSeparatorOf(locale: string): string {
  let separator = separators.get(locale);
  if (separator === undefined) {
    separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
    separators.set(locale, separator);
  }
  return separator;
}

function failure(code: MoneyParseErrorCode, message: string): MoneyParseResult {
  return { ok: false, code, message };
}

/** Removes a currency mark or ISO code from the text, checking it names the expected currency. */
function stripCurrency(text: string, currency: CurrencyCode): { rest: string } | { error: MoneyParseResult } {
  const code = /\b([A-Za-z]{3})\b/.exec(text)?.[1]?.toUpperCase();
  if (code !== undefined) {
    if (!(code in CURRENCY_EXPONENTS)) return { error: failure('unknown_currency', `${code} is not a currency the wallet supports`) };
    if (code !== currency) return { error: failure('currency_mismatch', `The amount is in ${code}, but this wallet holds ${currency}`) };
    return { rest: text.replace(/\b[A-Za-z]{3}\b/, '') };
  }
  for (const [mark, currencies] of CURRENCY_MARKS) {
    if (!text.includes(mark)) continue;
    if (!currencies.includes(currency)) {
      return { error: failure('currency_mismatch', `“${mark}” is not ${currency}, the currency of this wallet`) };
    }
    return { rest: text.replace(mark, '') };
  }
  return { rest: text };
}

/**
 * Reads an amount as people type it ("$1,234.56", "1 234,56", "1234.5", "¥12,345") into integer
 * minor units, without ever going through a float. `locale` settles whether a lone "," or "." is
 * the decimal separator; when both appear, the last one is.
 */
export function parseMoney(input: string, currency: CurrencyCode, locale = 'en'): MoneyParseResult {
  const trimmed = input.trim();
  if (trimmed === '') return failure('empty', 'Enter an amount');
  if (/^[-−(]|[-−)]$/.test(trimmed) || /[-−]\s*\d/.test(trimmed)) return failure('negative', 'The amount cannot be negative');
  const stripped = stripCurrency(trimmed, currency);
  if ('error' in stripped) return stripped.error;
  const text = stripped.rest.replace(GROUPING_SPACES, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return failure('not_a_number', `“${input.trim()}” is not an amount`);

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalSeparator: string | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimalSeparator = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const occurrences = text.split(separator).length - 1;
    const digitsAfter = text.length - text.lastIndexOf(separator) - 1;
    // A separator seen once is the decimal one when it cannot be grouping, or when the locale writes it so. The
    // locale is asked last: the first number format a page's process makes loads the locale data, for tens of ms.
    if (occurrences === 1 && (digitsAfter !== 3 || separator === decimalSeparatorOf(locale))) decimalSeparator = separator;
  }

  const [whole = '', fraction = '', extra] = decimalSeparator ? text.split(decimalSeparator) : [text];
  if (extra !== undefined) return failure('not_a_number', `“${input.trim()}” is not an amount`);
  const groupingSeparator = decimalSeparator === '.' ? ',' : decimalSeparator === ',' ? '.' : /[.,]/;
  if (decimalSeparator && /[.,]/.test(fraction)) return failure('not_a_number', `“${input.trim()}” is not an amount`);
  const digits = whole.split(groupingSeparator).join('');
  if (!/^\d+$/.test(digits)) return failure('not_a_number', `“${input.trim()}” is not an amount`);

  const exponent = CURRENCY_EXPONENTS[currency];
  if (fraction.length > exponent) {
    return failure(
      'too_many_decimals',
      exponent === 0 ? `${currency} has no fractional units` : `${currency} has at most ${exponent} decimal places`,
    );
  }
  const minor = BigInt(digits + fraction.padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return failure('too_large', 'The amount is too large');
  return { ok: true, value: { amountMinor: Number(minor), currency } };
}
