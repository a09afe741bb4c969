import { cardLabel } from '@/components/card-label';
import { useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { t } from '@/components/i18n';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import type { CardRecord } from '@/lib/wallet/records';

/** After paying with a card typed here: keep it in the wallet for next time, after the payment password, or not (it stays unlisted). */
export function SaveCardOffer({
  card,
  save,
  done,
}: {
  card: CardRecord;
  save: (paymentPassword: string) => Promise<unknown>;
  done: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [paymentPassword, setPaymentPassword] = useState('');
  return (
    <section class="card" aria-labelledby="save-card-title" data-testid="save-card-offer">
      <h2 id="save-card-title">{t('confirmPaid')}</h2>
      <p>{t('saveCardQuestion', [cardLabel(card)])}</p>
      <PaymentPasswordInput id="save-card-payment-password" value={paymentPassword} onInput={setPaymentPassword} error={error} />
      <div class="actions">
        <button type="button" onClick={done} disabled={busy}>
          {t('saveCardNo')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="save-card"
          disabled={busy || paymentPassword.length !== 6}
          onClick={() => {
            setBusy(true);
            save(paymentPassword).then(done, (failure: unknown) => {
              setError(errorText(failure));
              setBusy(false);
            });
          }}
        >
          {busy ? t('savingChange') : t('saveCardYes')}
        </button>
      </div>
    </section>
  );
}
