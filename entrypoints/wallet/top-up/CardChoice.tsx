import type { Ref } from 'preact';
import { Field } from '@/components/Field';
import { t } from '@/components/i18n';
import type { CardLabel } from '@/lib/wallet/records';
import { cardLabel } from '@/components/card-label';

/** The saved card to charge, the default one first chosen; with none saved, the way to add one. */
export function CardChoice({
  cards,
  defaultCardId,
  value,
  disabled,
  hintRef,
  onChange,
}: {
  cards: CardLabel[];
  defaultCardId: string | undefined;
  value: string | undefined;
  disabled: boolean;
  hintRef: Ref<HTMLParagraphElement>;
  onChange: (cardId: string) => void;
}) {
  if (cards.length === 0)
    return (
      <p class="top-up-card-hint" id="top-up-card-hint" ref={hintRef} tabIndex={-1} data-testid="top-up-no-card">
        {t('topUpNoCard')} <a href="#cards">{t('topUpGoToCards')}</a>
      </p>
    );
  return (
    <Field id="top-up-card" label={t('topUpCardLabel')}>
      <select
        id="top-up-card"
        name="topUpCard"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
        data-testid="top-up-card"
      >
        {cards.map((card) => (
          <option key={card.id} value={card.id}>
            {card.id === defaultCardId ? t('topUpCardDefault', [cardLabel(card)]) : cardLabel(card)}
          </option>
        ))}
      </select>
    </Field>
  );
}
