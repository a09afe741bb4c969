import { cardLabel } from '@/components/card-label';
import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import type { CardRecord } from '@/lib/wallet/records';

/**
 * The card to fill a store's fields with, its security code (typed here, passed to the page's field
 * and never kept) and the payment password. A fill needs a saved card: a new one is added in the wallet page.
 */
export function FillChoice({
  cards,
  defaultCardId,
  busy,
  passwordError,
  onFill,
  onCancel,
}: {
  cards: CardRecord[];
  defaultCardId?: string;
  busy: 'paying' | 'cancelling' | undefined;
  passwordError?: string;
  onFill: (request: { cardId: string; cvc: string; paymentPassword: string }) => void;
  onCancel: () => void;
}) {
  const [cardId, setCardId] = useState(defaultCardId ?? cards[0]?.id ?? '');
  const [cvc, setCvc] = useState('');
  const [paymentPassword, setPaymentPassword] = useState('');
  const ready = cardId !== '' && /^\d{3,4}$/.test(cvc) && paymentPassword.length === 6;

  return (
    <form
      class="payment-choice"
      aria-label={t('fillChoose')}
      onSubmit={(event) => {
        event.preventDefault();
        onFill({ cardId, cvc, paymentPassword });
      }}
    >
      {cards.length === 0 ? (
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
          <PaymentPasswordInput id="confirm-payment-password" value={paymentPassword} onInput={setPaymentPassword} error={passwordError} />
        </>
      )}
      <div class="actions">
        <button type="button" disabled={busy !== undefined} onClick={onCancel}>
          {busy === 'cancelling' ? t('confirmCancelling') : t('confirmCancel')}
        </button>
        {cards.length > 0 && (
          <button type="submit" class="primary" data-testid="fill" disabled={busy !== undefined || !ready}>
            {busy === 'paying' ? t('fillFilling') : t('fillAction')}
          </button>
        )}
      </div>
    </form>
  );
}
