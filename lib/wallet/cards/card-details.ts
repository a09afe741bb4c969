// The three validators the check uses, not the package's index, which brings every other one (dates, postal
// codes) into the background that runs this check.
import { cardNumber } from 'card-validator/dist/card-number';
import { cardholderName } from 'card-validator/dist/cardholder-name';
import { cvv } from 'card-validator/dist/cvv';

export interface CardDetails {
  number: string;
  expiry: string;
  holderName: string;
  cvv: string;
}

export type CardField = keyof CardDetails;
export type CardProblem = {
  field: CardField;
  reason: 'invalid_number' | 'unknown_brand' | 'invalid_expiry' | 'expired' | 'invalid_holder' | 'invalid_cvv';
};

/** What is kept of a card: the digits (to be encrypted by the caller), brand and last four. The CVV is not here. */
export interface CheckedCard {
  digits: string;
  brand: string;
  last4: string;
  expiryMonth: number;
  expiryYear: number;
  holderName: string;
}

/** A card is valid through the end of its expiry month, by the wallet's clock. */
export const expiredBy = (card: { expiryMonth: number; expiryYear: number }, now: number): boolean =>
  Date.UTC(card.expiryYear, card.expiryMonth, 1) <= now;

/**
 * Checks a card as typed: the number by Luhn and brand (card-validator's tables), the expiry
 * against the wallet's clock (the card must be valid through the end of its month), the holder's
 * name, and the CVV's length for the brand. The CVV is only checked here and never returned.
 */
export function checkCard(details: CardDetails, now: number): { ok: true; card: CheckedCard } | { ok: false; problems: CardProblem[] } {
  const problems: CardProblem[] = [];
  const digits = details.number.replace(/[\s-]/g, '');
  const number = cardNumber(digits);
  if (!/^\d+$/.test(digits) || !number.isValid)
    problems.push({ field: 'number', reason: number.card || !/^\d+$/.test(digits) ? 'invalid_number' : 'unknown_brand' });

  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(details.expiry);
  const expiryMonth = Number(expiry?.[1]);
  const expiryYear = expiry?.[2]?.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry?.[2]);
  if (!expiry || expiryMonth < 1 || expiryMonth > 12) problems.push({ field: 'expiry', reason: 'invalid_expiry' });
  else if (expiredBy({ expiryMonth, expiryYear }, now)) problems.push({ field: 'expiry', reason: 'expired' });

  const holderName = details.holderName.trim().replace(/\s+/g, ' ');
  if (!cardholderName(holderName).isValid) problems.push({ field: 'holderName', reason: 'invalid_holder' });

  const cvvLength = number.card?.code.size ?? [3, 4];
  if (!/^\d+$/.test(details.cvv) || !cvv(details.cvv, cvvLength).isValid) problems.push({ field: 'cvv', reason: 'invalid_cvv' });

  if (problems.length > 0 || !number.card) return { ok: false, problems };
  return { ok: true, card: { digits, brand: number.card.type, last4: digits.slice(-4), expiryMonth, expiryYear, holderName } };
}
