import { useState } from 'preact/hooks';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import {
  NewPaymentPasswordFields,
  newPaymentPasswordProblems,
  type NewPaymentPasswordProblems,
} from '@/components/NewPaymentPasswordFields';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
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
  const [problems, setProblems] = useState<NewPaymentPasswordProblems>({});
  const { busy, error, done, run } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    const found = newPaymentPasswordProblems(next, repeat);
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
        <NewPaymentPasswordFields
          idPrefix="change-payment"
          next={next}
          repeat={repeat}
          problems={problems}
          onNext={setNext}
          onRepeat={setRepeat}
        />
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
