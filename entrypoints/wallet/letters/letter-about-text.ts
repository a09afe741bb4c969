import { formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import type { LetterView } from '@/lib/letters/letter-list';

/** What a letter in the list is about, by the record it names: the shop and order number, or the date documents were sent. */
export function letterAboutText({ letter, order, verification }: LetterView): string {
  switch (letter.about.kind) {
    case 'order':
      return order ? t('letterAbout_order', [order.orderId, order.merchantName]) : t('letterAbout_gone');
    case 'claim':
      return order ? t('letterAbout_claim', [order.orderId, order.merchantName]) : t('letterAbout_gone');
    case 'verification':
      return verification ? t('letterAbout_verification', [formatDateTime(verification.submittedAt)]) : t('letterAbout_gone');
    case 'wallet':
      return t('letterAbout_wallet');
  }
}
