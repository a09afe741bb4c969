import type { Money } from './money-schema';

/** ISO 4217 minor-unit exponents of the currencies the wallet supports. */
export const CURRENCY_EXPONENTS = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CNY: 2,
  RUB: 2,
  JPY: 0,
  KRW: 0,
  HKD: 2,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  BRL: 2,
  THB: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

/** Writes minor units as an exact decimal string (USD 123456 -> "1234.56") so no float is involved. */
export function toDecimalString({ amountMinor, currency }: Money): `${number}` {
  const exponent = CURRENCY_EXPONENTS[currency];
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  const decimal = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return `${sign}${decimal}` as `${number}`;
}

/** Formats money for people in the given locale, e.g. "$1,234.56" or "1 234,56 $". */
export function formatMoney(value: Money, locale: string): string {
  const exponent = CURRENCY_EXPONENTS[value.currency];
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl.NumberFormat formats decimal strings exactly (ES2023), so the amount never becomes a float.
  return formatter.format(toDecimalString(value));
}
