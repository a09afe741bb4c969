import { useState } from 'preact/hooks';
import { NewPasswordFields, newPasswordProblems } from '@/components/NewPasswordFields';
import { errorText, formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import { SecurityAnswersFields } from '@/components/SecurityAnswersFields';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';

/**
 * "Forgot login password": the three answers open the vault, and a new login password wraps the
 * same key, so cards and documents stay readable. Wrong answers are rate limited by the background.
 */
export function Recover({
  call,
  state,
  onRecovered,
  onCancel,
}: {
  call: RuntimeClient;
  state: WalletState;
  onRecovered: () => void;
  onCancel: () => void;
}) {
  const questionIds = state.questionIds ?? [];
  const [answers, setAnswers] = useState(() => questionIds.map(() => ''));
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const lockedUntil = state.security?.recoveryLockedUntil;

  async function submit(event: Event) {
    event.preventDefault();
    const problems = newPasswordProblems(password, repeat);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await call({
        type: 'account.recover',
        answers: questionIds.map((questionId, index) => ({ questionId, answer: answers[index] ?? '' })),
        newPassword: password,
      });
      onRecovered();
    } catch (failure) {
      setErrors({ form: errorText(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="recover-title">
      <h2 id="recover-title">{t('recoverTitle')}</h2>
      <p class="muted">{t('recoverExplanation')}</p>
      {lockedUntil !== undefined && (
        <p class="error" role="alert">
          {t('recoverLocked', [formatDateTime(lockedUntil)])}
        </p>
      )}
      <form onSubmit={submit} aria-busy={busy}>
        <SecurityAnswersFields idPrefix="recover" questionIds={questionIds} answers={answers} onAnswers={setAnswers} />
        <NewPasswordFields
          idPrefix="recover"
          password={password}
          repeat={repeat}
          problems={errors}
          onPassword={setPassword}
          onRepeat={setRepeat}
        />
        {errors.form && (
          <p class="error" role="alert">
            {errors.form}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy || lockedUntil !== undefined} data-testid="recover-submit">
            {busy ? t('recovering') : t('recoverAction')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('backToUnlock')}
          </button>
        </div>
      </form>
    </section>
  );
}
