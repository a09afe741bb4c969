import { describe, expect, it } from 'vitest';
import { formatMoney, toDecimalString } from '@/lib/money';
import { money } from '@/lib/money-schema';

describe('Money: decimal strings', () => {
  it.each([
    [{ amountMinor: 0, currency: 'USD' }, '0.00'],
    [{ amountMinor: 5, currency: 'USD' }, '0.05'],
    [{ amountMinor: 123456, currency: 'EUR' }, '1234.56'],
    [{ amountMinor: 12345, currency: 'JPY' }, '12345'],
    [{ amountMinor: -250, currency: 'GBP' }, '-2.50'],
    [{ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' }, '90071992547409.91'],
  ] as const)('%o is %s', (value, expected) => {
    expect(toDecimalString(value)).toBe(expected);
  });
});

describe('Money: formatting for people', () => {
  it.each([
    [{ amountMinor: 123456, currency: 'USD' }, 'en', '$1,234.56'],
    [{ amountMinor: 12345, currency: 'JPY' }, 'en', '¥12,345'],
    [{ amountMinor: 123456, currency: 'RUB' }, 'ru', '1 234,56 ₽'],
    [{ amountMinor: 99, currency: 'CNY' }, 'zh-CN', '¥0.99'],
  ] as const)('%o in %s is %s', (value, locale, expected) => {
    // Intl uses narrow no-break spaces in some locales; compare on plain spaces.
    expect(formatMoney(value, locale).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
  });

  it('keeps every digit of the largest safe amount, which a float would round', () => {
    expect(formatMoney({ amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' }, 'en')).toBe('$90,071,992,547,409.91');
  });
});

describe('Money: schema', () => {
  it.each([
    ['a fraction of a cent', { amountMinor: 1.5, currency: 'USD' }],
    ['a negative amount', { amountMinor: -1, currency: 'USD' }],
    ['NaN', { amountMinor: Number.NaN, currency: 'USD' }],
    ['an amount beyond safe integers', { amountMinor: 2 ** 53, currency: 'USD' }],
    ['an amount as text', { amountMinor: '100', currency: 'USD' }],
    ['an unknown currency', { amountMinor: 100, currency: 'XXX' }],
  ])('refuses %s', (_, value) => {
    expect(money.safeParse(value).success).toBe(false);
  });
});
