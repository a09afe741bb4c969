import { describe, expect, it } from 'vitest';
import { checkCard } from '@/lib/wallet/cards/card-details';

const NOW = Date.UTC(2026, 10, 22);
const valid = { number: '4242 4242 4242 4242', expiry: '12/28', holderName: 'Ada Lovelace', cvv: '123' };

describe('Cards: checking what the shopper typed', () => {
  it.each([
    ['visa', '4242 4242 4242 4242', '123'],
    ['mastercard', '5555-5555-5555-4444', '123'],
    ['american-express', '378282246310005', '1234'],
    ['discover', '6011111111111117', '123'],
    ['jcb', '3530111333300000', '123'],
  ])('accepts a %s card, keeping brand and last four and not the CVV', (brand, number, cvv) => {
    const result = checkCard({ ...valid, number, cvv }, NOW);
    expect(result).toMatchObject({ ok: true, card: { brand, last4: number.slice(-4) } });
    expect(JSON.stringify(result)).not.toContain(`"${cvv}"`);
  });

  it('is valid through the end of its expiry month', () => {
    expect(checkCard({ ...valid, expiry: '11/26' }, NOW)).toMatchObject({ ok: true, card: { expiryMonth: 11, expiryYear: 2026 } });
    expect(checkCard({ ...valid, expiry: '11/2026' }, Date.UTC(2026, 11, 1))).toMatchObject({
      ok: false,
      problems: [{ field: 'expiry', reason: 'expired' }],
    });
  });

  it.each([
    ['a number that fails Luhn', { number: '4242 4242 4242 4241' }, 'number', 'invalid_number'],
    ['letters in the number', { number: '4242 4242 4242 424x' }, 'number', 'invalid_number'],
    ['an unknown brand', { number: '9999 9999 9999 9995' }, 'number', 'unknown_brand'],
    ['an expired card', { expiry: '10/26' }, 'expiry', 'expired'],
    ['a month 13', { expiry: '13/28' }, 'expiry', 'invalid_expiry'],
    ['an unreadable expiry', { expiry: 'next year' }, 'expiry', 'invalid_expiry'],
    ['an empty name', { holderName: '   ' }, 'holderName', 'invalid_holder'],
    ['a name that is a card number', { holderName: '4242424242424242' }, 'holderName', 'invalid_holder'],
    ['a short CVV', { cvv: '12' }, 'cvv', 'invalid_cvv'],
    ['a four-digit CVV on a Visa', { cvv: '1234' }, 'cvv', 'invalid_cvv'],
    ['a CVV with letters', { cvv: '12a' }, 'cvv', 'invalid_cvv'],
  ])('refuses %s, naming the field', (_, change, field, reason) => {
    expect(checkCard({ ...valid, ...change }, NOW)).toEqual({ ok: false, problems: [{ field, reason }] });
  });
});
