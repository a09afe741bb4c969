import type { CardRecord } from '@/lib/wallet/records';
import { t, tKey } from './i18n';

/**
 * A brand's name as the UI language prints it ("Visa", "银联") from the id the wallet stores
 * ("visa", "unionpay"). The names live in `_locales`, one per brand card-validator can detect
 * (a unit test keeps the two in step), so the popup shows them without loading the brand table;
 * an id without a name still shows as itself.
 */
export const brandName = (brand: string): string => tKey(`cardBrand_${brand.replaceAll('-', '_')}`) || brand;

/** "Visa •••• 4242": how a card is named everywhere the full number is not shown. */
export const cardLabel = (card: Pick<CardRecord, 'brand' | 'last4'>): string => t('cardLabel', [brandName(card.brand), card.last4]);
