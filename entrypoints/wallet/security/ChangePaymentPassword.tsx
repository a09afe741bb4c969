import { useState } from 'preact/hooks';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t, tKey } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { paymentPasswordProblem } from '@/lib/vault/payment-password';
import { useRequest } from '@/components/use-request';

export function ChangePaymentPassword({ call, onChanged }: { call: RuntimeClient; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<{ next?: string; repeat?: string }>({});
  const { busy, error, done, run } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    const problem = paymentPasswordProblem(next);
    const found = {
      ...(problem ? { next: tKey(`err_payment_password_${problem}`) } : {}),
      ...(repeat === next ? {} : { repeat: t('err_password_mismatch') }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (await run(() => call({ type: 'settings.paymentPassword', paymentPassword: current, newPaymentPassword: next }))) {
      setCurrent('');
      setNext('');
      setRepeat('');
      onChanged();
    }
  }

  return (
    <section class="card" aria-labelledby="change-payment-title">
      <h2 id="change-payment-title">{t('changePaymentPasswordTitle')}</h2>
      <form onSubmit={submit} aria-busy={busy}>
        <PaymentPasswordInput
          id="change-payment-current"
          label={t('currentPaymentPasswordLabel')}
          value={current}
          onInput={setCurrent}
          error={error}
        />
        <PaymentPasswordInput
          id="change-payment-new"
          label={t('newPaymentPasswordLabel')}
          value={next}
          onInput={setNext}
          error={problems.next}
        />
        <PaymentPasswordInput
          id="change-payment-repeat"
          label={t('repeatPasswordLabel')}
          value={repeat}
          onInput={setRepeat}
          error={problems.repeat}
        />
        <p class="muted">{t('paymentPasswordRules')}</p>
        <button type="submit" class="primary" disabled={busy || current.length !== 6}>
          {busy ? t('savingChange') : t('changePaymentPasswordAction')}
        </button>
        {done && (
          <p class="muted" role="status">
            {t('paymentPasswordChanged')}
          </p>
        )}
      </form>
    </section>
  );
}
