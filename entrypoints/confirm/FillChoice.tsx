import { cardLabel } from '@/components/card-label';
import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { t, tKey } from '@/components/i18n';
import type { FillRequest } from '@/lib/protocol/card-fill';
import type { CardLabel } from '@/lib/wallet/records';
import { ConfirmForm, type Busy } from './ConfirmForm';

/**
 * Which of the store's fields would be filled, the card to fill them with, its security code where the
 * store asks for one (typed here, passed to the page's field and never kept) and the payment password. A
 * fill needs a saved card: a new one is added in the wallet page.
 */
export function FillChoice({
  fields,
  cards,
  defaultCardId,
  busy,
  passwordError,
  onFill,
  onCancel,
}: {
  fields: FillRequest['fields'];
  cards: CardLabel[];
  defaultCardId?: string;
  busy: Busy;
  passwordError?: string;
  onFill: (request: { cardId: string; cvc?: string; paymentPassword: string }) => void;
  onCancel: () => void;
}) {
  const [cardId, setCardId] = useState(defaultCardId ?? cards[0]?.id ?? '');
  const [cvc, setCvc] = useState('');
  const hasCards = cards.length > 0;
  const asksCvc = fields.includes('cvc');

  return (
    <ConfirmForm
      label={t('fillChoose')}
      busy={busy}
      asksPassword={hasCards}
      passwordError={passwordError}
      cancelLabel={t('fillCancel')}
      onCancel={onCancel}
      approve={
        hasCards
          ? {
              label: t('fillAction'),
              busyLabel: t('fillFilling'),
              testId: 'fill',
              ready: cardId !== '' && (!asksCvc || /^\d{3,4}$/.test(cvc)),
            }
          : undefined
      }
      onApprove={(paymentPassword) => onFill({ cardId, ...(asksCvc ? { cvc } : {}), paymentPassword })}
    >
      <p class="muted">{t('fillExplanation')}</p>
      <p class="muted" data-testid="fill-fields">
        {t('fillFields', [fields.map((field) => tKey(`fillField_${field}`)).join(', ')])}
      </p>
      {!hasCards ? (
        <p class="notice">{t('fillNoCards')}</p>
      ) : (
        <>
          <div class="field">
            <label for="fill-card">{t('confirmCardLabel')}</label>
            <select id="fill-card" name="fillCard" value={cardId} onChange={(event) => setCardId(event.currentTarget.value)}>
              {cards.map((card) => (
                <option value={card.id} key={card.id}>
                  {cardLabel(card)}
                </option>
              ))}
            </select>
          </div>
          {asksCvc && (
            <Field id="fill-cvc" label={t('cardCvvLabel')} hint={t('fillCvcHint')}>
              <input
                id="fill-cvc"
                name="fillCvc"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                value={cvc}
                onInput={(event) => setCvc(event.currentTarget.value.replace(/\D/g, ''))}
                {...describedBy('fill-cvc', undefined, t('fillCvcHint'))}
              />
            </Field>
          )}
        </>
      )}
    </ConfirmForm>
  );
}
