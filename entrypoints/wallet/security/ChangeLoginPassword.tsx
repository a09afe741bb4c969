import { useState } from 'preact/hooks';
import { NewPasswordFields, newPasswordProblems } from '@/components/NewPasswordFields';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { useRequest } from '@/components/use-request';

/** A new login password wraps the same vault key: nothing encrypted is touched. */
export function ChangeLoginPassword({ call, onChanged }: { call: RuntimeClient; onChanged: () => void }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [paymentPassword, setPaymentPassword] = useState('');
  const [problems, setProblems] = useState<{ password?: string; repeat?: string }>({});
  const { busy, error, done, run } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    const found = newPasswordProblems(password, repeat);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (await run(() => call({ type: 'settings.loginPassword', paymentPassword, newPassword: password }))) {
      setPassword('');
      setRepeat('');
      setPaymentPassword('');
      onChanged();
    }
  }

  return (
    <section class="card" aria-labelledby="change-login-title">
      <h2 id="change-login-title">{t('changeLoginPasswordTitle')}</h2>
      <form onSubmit={submit} aria-busy={busy}>
        <NewPasswordFields
          idPrefix="change-login"
          password={password}
          repeat={repeat}
          problems={problems}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        <PaymentPasswordInput id="change-login-payment" value={paymentPassword} onInput={setPaymentPassword} error={error} />
        <button type="submit" class="primary" disabled={busy || paymentPassword.length !== 6}>
          {busy ? t('savingChange') : t('changeLoginPasswordAction')}
        </button>
        {done && (
          <p class="muted" role="status">
            {t('loginPasswordChanged')}
          </p>
        )}
      </form>
    </section>
  );
}
