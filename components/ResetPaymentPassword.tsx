import { useState } from 'preact/hooks';
import { NewPaymentPasswordFields, newPaymentPasswordProblems, type NewPaymentPasswordProblems } from './NewPaymentPasswordFields';
import { SecurityAnswersFields } from './SecurityAnswersFields';
import { formatDateTime } from './error-text';
import { t } from './i18n';
import { LoginPasswordInput } from './LoginPasswordInput';
import { useRequest } from './use-request';
import type { SecurityQuestionId } from '@/lib/account/security-questions';
import type { RuntimeClient } from '@/lib/protocol/client';

/**
 * "Forgot payment password?": the login password and the three security answers set a new one,
 * in the confirm window and in Profile and security alike. A running lock after three wrong
 * payment passwords stays, and the form says so before and after.
 */
export function ResetPaymentPassword({
  call,
  questionIds,
  paymentLockedUntil,
  onReset,
  onCancel,
}: {
  call: RuntimeClient;
  questionIds: readonly SecurityQuestionId[];
  paymentLockedUntil: number | undefined;
  onReset: (paymentLockedUntil: number | undefined) => void;
  onCancel: () => void;
}) {
  const [loginPassword, setLoginPassword] = useState('');
  const [answers, setAnswers] = useState<string[]>(() => questionIds.map(() => ''));
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<NewPaymentPasswordProblems>({});
  const { busy, error, run } = useRequest();

  async function submit(event: Event) {
    event.preventDefault();
    const found = newPaymentPasswordProblems(next, repeat);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    let lockedUntil: number | undefined;
    const done = await run(async () => {
      const answer = await call({
        type: 'settings.resetPaymentPassword',
        loginPassword,
        answers: questionIds.map((questionId, index) => ({ questionId, answer: answers[index] ?? '' })),
        newPaymentPassword: next,
      });
      lockedUntil = answer.paymentLockedUntil;
    });
    if (done) onReset(lockedUntil);
  }

  return (
    <section class="card reset-payment-password" aria-labelledby="reset-payment-title" data-testid="reset-payment-password">
      <h2 id="reset-payment-title">{t('resetPaymentPasswordTitle')}</h2>
      <p class="muted">{t('resetPaymentPasswordExplanation')}</p>
      {paymentLockedUntil !== undefined && (
        <p class="error" role="alert">
          {t('resetPaymentPasswordKeepsLock', [formatDateTime(paymentLockedUntil)])}
        </p>
      )}
      <form onSubmit={submit} aria-busy={busy}>
        <LoginPasswordInput id="reset-login-password" value={loginPassword} onInput={setLoginPassword} />
        <SecurityAnswersFields idPrefix="reset" questionIds={questionIds} answers={answers} onAnswers={setAnswers} />
        <NewPaymentPasswordFields
          idPrefix="reset-payment"
          next={next}
          repeat={repeat}
          problems={problems}
          onNext={setNext}
          onRepeat={setRepeat}
        />
        {error && (
          <p class="error" role="alert" data-testid="reset-payment-error">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy} data-testid="reset-payment-submit">
            {busy ? t('savingChange') : t('resetPaymentPasswordAction')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('resetPaymentPasswordBack')}
          </button>
        </div>
      </form>
    </section>
  );
}
