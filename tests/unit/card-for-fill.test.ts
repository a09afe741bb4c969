import { describe, expect, it } from 'vitest';
import { cardToFill } from '@/lib/protocol/card-fill';
import { WalletError } from '@/lib/protocol/wallet-error';
import { cardForFill } from '@/lib/wallet/cards/card-for-fill';

const CARD = { number: '4242424242424242', expiryMonth: 12, expiryYear: 2030, holderName: 'Ada Lovelace', brand: 'visa' };

describe('what of the card a fill sends to the page', () => {
  it('sends the number and the typed code to a form that has fields for them', () => {
    const card = cardForFill(['number', 'expiry', 'cvc', 'name'], CARD, '321');
    expect(card).toEqual({ ...CARD, cvc: '321' });
    expect(cardToFill.safeParse(card).success).toBe(true);
  });

  it('keeps the number and the code from a page that only asks the holder’s name beside a provider’s frame', () => {
    const card = cardForFill(['name'], CARD, undefined);
    expect(card).not.toHaveProperty('number');
    expect(card).not.toHaveProperty('cvc');
    expect(card.holderName).toBe('Ada Lovelace');
    expect(cardToFill.safeParse(card).success).toBe(true);
  });

  it('never sends a code typed for a form without a code field', () => {
    expect(cardForFill(['number', 'expiry'], CARD, '321')).not.toHaveProperty('cvc');
  });

  it('refuses a fill of a code field without the code, saying what to do', () => {
    const refuse = () => cardForFill(['number', 'cvc'], CARD, undefined);
    expect(refuse).toThrow(WalletError);
    expect(refuse).toThrow(/security code/);
  });
});
