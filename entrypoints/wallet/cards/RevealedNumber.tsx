import type { Ref } from 'preact';
import { t } from '@/components/i18n';
import { groupDigits } from './card-label';

/** The full card number after the payment password, until the shopper hides it. */
export function RevealedNumber({
  number,
  numberRef,
  onHide,
}: {
  number: string;
  numberRef: Ref<HTMLParagraphElement>;
  onHide: () => void;
}) {
  return (
    <div class="card-revealed">
      <p class="card-number" ref={numberRef} tabIndex={-1}>
        <span class="muted">{t('cardsNumberLabel')}</span>{' '}
        <span class="card-number-digits" data-testid="card-number-revealed" translate={false}>
          {groupDigits(number)}
        </span>
      </p>
      <button type="button" onClick={onHide}>
        {t('cardsHideNumber')}
      </button>
    </div>
  );
}
