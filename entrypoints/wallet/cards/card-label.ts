import cardValidator from 'card-validator';
import { t } from '@/components/i18n';
import type { CardRecord } from '@/lib/wallet/records';

/** A brand's printed name ("Visa") from the id the wallet stores ("visa"); an id the table no longer knows still shows as itself. */
export const brandName = (brand: string): string => cardValidator.creditCardType.getTypeInfo(brand)?.niceType ?? brand;

/** "Visa •••• 4242": how a card is named everywhere the full number is not shown. */
export const cardLabel = (card: Pick<CardRecord, 'brand' | 'last4'>): string => t('cardsCardLabel', [brandName(card.brand), card.last4]);

/** MM/YY, as printed on the card. */
export const expiryText = ({ expiryMonth, expiryYear }: Pick<CardRecord, 'expiryMonth' | 'expiryYear'>): string =>
  `${String(expiryMonth).padStart(2, '0')}/${String(expiryYear % 100).padStart(2, '0')}`;

/** Digits in groups of four, as they are embossed, so they can be read back without losing one's place. */
export const groupDigits = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
