import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '@/lib/money';
import { parseMoney } from '@/lib/money-parse';

describe('Money: parsing what people type', () => {
  it.each([
    ['$1,234.56', 'USD', 'en', 123456],
    ['1 234,56', 'RUB', 'ru', 123456],
    ['1\u00a0234,56 ₽', 'RUB', 'ru', 123456],
    ['1234.5', 'USD', 'en', 123450],
    ['1234.5', 'EUR', 'de', 123450],
    ['¥12,345', 'JPY', 'en', 12345],
    ['¥12.34', 'CNY', 'zh-CN', 1234],
    ['12', 'USD', 'en', 1200],
    ['0.05', 'USD', 'en', 5],
    ['1.234', 'EUR', 'de', 123400],
    ['1,234', 'USD', 'en', 123400],
    ['1,5', 'EUR', 'en', 150],
    ['1.234.567,89 €', 'EUR', 'de', 123456789],
    ['USD 12.00', 'USD', 'en', 1200],
    ['12.00 usd', 'USD', 'en', 1200],
    ["CHF 1'234.50", 'CHF', 'de-CH', 123450],
    ['R$ 1.234,56', 'BRL', 'pt-BR', 123456],
    ['HK$99', 'HKD', 'en', 9900],
    ['₩50,000', 'KRW', 'ko', 50000],
    ['฿1,000.25', 'THB', 'th', 100025],
    ['£0.99', 'GBP', 'en', 99],
    ['90,071,992,547,409.91', 'USD', 'en', Number.MAX_SAFE_INTEGER],
  ] as const)('reads %s in %s (%s) as %d minor units', (text, currency, locale, expected) => {
    expect(parseMoney(text, currency as CurrencyCode, locale)).toEqual({ ok: true, value: { amountMinor: expected, currency } });
  });

  it.each([
    ['', 'USD', 'empty'],
    ['   ', 'USD', 'empty'],
    ['-5', 'USD', 'negative'],
    ['−5.00', 'USD', 'negative'],
    ['($5.00)', 'USD', 'negative'],
    ['$ -5', 'USD', 'negative'],
    ['1.234', 'USD', 'too_many_decimals'],
    ['12.5', 'JPY', 'too_many_decimals'],
    ['0.001', 'EUR', 'too_many_decimals'],
    ['12 XYZ', 'USD', 'unknown_currency'],
    ['€12', 'USD', 'currency_mismatch'],
    ['EUR 12', 'USD', 'currency_mismatch'],
    ['¥100', 'USD', 'currency_mismatch'],
    ['twelve', 'USD', 'not_a_number'],
    ['1.2.3,4,5', 'USD', 'not_a_number'],
    ['12.', 'USD', 'not_a_number'],
    ['1e3', 'USD', 'not_a_number'],
    ['0x10', 'USD', 'not_a_number'],
    ['Infinity', 'USD', 'not_a_number'],
    ['90,071,992,547,409.92', 'USD', 'too_large'],
    ['99999999999999999999', 'JPY', 'too_large'],
  ] as const)('refuses %j for %s with %s and a message', (text, currency, code) => {
    const result = parseMoney(text, currency as CurrencyCode);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 0).toBe(true);
  });
});
