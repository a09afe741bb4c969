import type { CardRecord } from '@/lib/wallet/records';

/** MM/YY, as printed on the card. */
export const expiryText = ({ expiryMonth, expiryYear }: Pick<CardRecord, 'expiryMonth' | 'expiryYear'>): string =>
  `${String(expiryMonth).padStart(2, '0')}/${String(expiryYear % 100).padStart(2, '0')}`;

/** Digits in groups of four, as they are embossed, so they can be read back without losing one's place. */
export const groupDigits = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
