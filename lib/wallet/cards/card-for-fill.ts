import type { CardToFill, FillRequest } from '../../protocol/card-fill';
import { WalletError } from '../../protocol/wallet-error';

/**
 * What of the card a fill of `fields` sends to the page: the number only for a number field, the security
 * code only for a code field, which must then have been typed.
 */
export function cardForFill(
  fields: FillRequest['fields'],
  card: Omit<CardToFill, 'number' | 'cvc'> & { number: string },
  typedCvc: string | undefined,
): CardToFill {
  const { number, ...rest } = card;
  const sent = fields.includes('number') ? { ...rest, number } : rest;
  if (!fields.includes('cvc')) return sent;
  if (typedCvc === undefined) throw new WalletError('INVALID_REQUEST', 'Type the card’s security code: the store’s form asks for it.');
  return { ...sent, cvc: typedCvc };
}
