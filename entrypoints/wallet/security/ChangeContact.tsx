import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import { useRequest } from '@/components/use-request';
import type { ContactChannel } from '@/lib/account/contact-codes';
import type { RuntimeClient } from '@/lib/protocol/client';

const TEXTS = {
  phone: {
    title: 'changePhoneTitle',
    label: 'newPhoneLabel',
    hint: 'phoneFormatHint',
    action: 'changePhoneAction',
    sent: 'phoneCodeSent',
    input: { type: 'tel', autoComplete: 'tel', name: 'newPhone' },
  },
  email: {
    title: 'changeEmailTitle',
    label: 'newEmailLabel',
    hint: 'emailChangeHint',
    action: 'changeEmailAction',
    sent: 'emailCodeSent',
    input: { type: 'email', autoComplete: 'email', name: 'newEmail' },
  },
} as const;

/** A new phone number or email is confirmed by a code sent to it; the old one stays until then. */
export function ChangeContact({ call, channel, onChanged }: { call: RuntimeClient; channel: ContactChannel; onChanged: () => void }) {
  const [value, setValue] = useState('');
  const [paymentPassword, setPaymentPassword] = useState('');
  const { busy, error, done, run } = useRequest();
  const texts = TEXTS[channel];
  const inputId = `change-${channel}-${channel === 'phone' ? 'number' : 'address'}`;

  async function submit(event: Event) {
    event.preventDefault();
    const request =
      channel === 'phone'
        ? () => call({ type: 'settings.phone', paymentPassword, phone: value })
        : () => call({ type: 'settings.email', paymentPassword, email: value });
    if (await run(request)) {
      setValue('');
      setPaymentPassword('');
      onChanged();
    }
  }

  return (
    <section class="card" aria-labelledby={`change-${channel}-title`}>
      <h2 id={`change-${channel}-title`}>{t(texts.title)}</h2>
      <form onSubmit={submit} aria-busy={busy}>
        <Field id={inputId} label={t(texts.label)} hint={t(texts.hint)}>
          <input
            id={inputId}
            {...texts.input}
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
            {...describedBy(inputId, undefined, t(texts.hint))}
          />
        </Field>
        <PaymentPasswordInput id={`change-${channel}-payment`} value={paymentPassword} onInput={setPaymentPassword} error={error} />
        <button type="submit" class="primary" disabled={busy || value === '' || paymentPassword.length !== 6}>
          {busy ? t('savingChange') : t(texts.action)}
        </button>
        {done && (
          <p class="muted" role="status">
            {t(texts.sent)}
          </p>
        )}
      </form>
    </section>
  );
}
