import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { useRequest } from '@/components/use-request';

/** A new phone number is confirmed by a code sent to it; the old number stays until then. */
export function ChangePhone({ call, onChanged }: { call: RuntimeClient; onChanged: () => void }) {
  const [phone, setPhone] = useState('');
  const [paymentPassword, setPaymentPassword] = useState('');
  const { busy, error, done, run } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    if (await run(() => call({ type: 'settings.phone', paymentPassword, phone }))) {
      setPhone('');
      setPaymentPassword('');
      onChanged();
    }
  }

  return (
    <section class="card" aria-labelledby="change-phone-title">
      <h2 id="change-phone-title">{t('changePhoneTitle')}</h2>
      <form onSubmit={submit} aria-busy={busy}>
        <Field id="change-phone-number" label={t('newPhoneLabel')} hint={t('phoneFormatHint')}>
          <input
            id="change-phone-number"
            name="newPhone"
            type="tel"
            autoComplete="tel"
            value={phone}
            onInput={(event) => setPhone(event.currentTarget.value)}
            {...describedBy('change-phone-number', undefined, t('phoneFormatHint'))}
          />
        </Field>
        <PaymentPasswordInput id="change-phone-payment" value={paymentPassword} onInput={setPaymentPassword} error={error} />
        <button type="submit" class="primary" disabled={busy || phone === '' || paymentPassword.length !== 6}>
          {busy ? t('savingChange') : t('changePhoneAction')}
        </button>
        {done && (
          <p class="muted" role="status">
            {t('phoneCodeSent')}
          </p>
        )}
      </form>
    </section>
  );
}
