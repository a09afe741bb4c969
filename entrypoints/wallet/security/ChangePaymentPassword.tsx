import { useState } from 'preact/hooks';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t, tKey } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { paymentPasswordProblem } from '@/lib/vault/payment-password';
import { useRequest } from '@/components/use-request';
import { ResetPaymentPassword } from '@/components/ResetPaymentPassword';
import { formatDateTime } from '@/components/error-text';
import type { WalletState } from '@/lib/protocol/runtime';

/** The change with the current payment password, or, when the shopper forgot it, the reset with the login password and the answers. */
export function ChangePaymentPassword({ call, state, onChanged }: { call: RuntimeClient; state: WalletState; onChanged: () => void }) {
  const [resetting, setResetting] = useState(false);
  const [reset, setReset] = useState<{ lockedUntil: number | undefined }>();
  if (resetting)
    return (
      <ResetPaymentPassword
        call={call}
        questionIds={state.questionIds ?? []}
        paymentLockedUntil={state.security?.paymentLockedUntil}
        onReset={(lockedUntil) => {
          setResetting(false);
          setReset({ lockedUntil });
          onChanged();
        }}
        onCancel={() => setResetting(false)}
      />
    );
  return (
    <ChangeWithCurrent
      call={call}
      onChanged={() => {
        setReset(undefined);
        onChanged();
      }}
      onForgot={() => setResetting(true)}
      reset={reset}
    />
  );
}

function ChangeWithCurrent({
  call,
  onChanged,
  onForgot,
  reset,
}: {
  call: RuntimeClient;
  onChanged: () => void;
  onForgot: () => void;
  reset: { lockedUntil: number | undefined } | undefined;
}) {
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
        <button type="button" class="link-button" onClick={onForgot} data-testid="forgot-payment-password">
          {t('forgotPaymentPassword')}
        </button>
        {(done || reset) && (
          <p class="muted" role="status" data-testid="payment-password-changed">
            {t('paymentPasswordChanged')}
            {reset?.lockedUntil !== undefined && ` ${t('resetPaymentPasswordStillLocked', [formatDateTime(reset.lockedUntil)])}`}
          </p>
        )}
      </form>
    </section>
  );
}
