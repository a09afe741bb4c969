import { useEffect, useMemo } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { SignUpValues } from './form-values';
import type { PasswordMeter } from './use-password-strength';
import { personalWords } from '@/lib/account/password-scorer';

const SCORE_KEYS = [
  'signUpStrengthVeryWeak',
  'signUpStrengthWeak',
  'signUpStrengthFair',
  'signUpStrengthStrong',
  'signUpStrengthVeryStrong',
] as const;

/** How hard the login password is to guess, in a meter and a word; the scorer loads on first use. */
export function StrengthMeter({ id, meter, values }: { id: string; meter: PasswordMeter; values: SignUpValues }) {
  const password = values.loginPassword;
  // The same details the submit check hands the scorer, so the meter and the check agree on what is weak.
  const words = personalWords(values);
  const scorer = meter.status === 'ready' ? meter.strength : undefined;
  // Scored only when the password or the details change, not on every keystroke elsewhere in the form.
  const score = useMemo(() => (scorer && password ? scorer(password, words) : undefined), [scorer, password, words.join('\n')]);

  // A password manager can fill the field without focusing it.
  useEffect(() => {
    if (password && meter.status === 'idle') meter.preload();
  }, [password]);

  const labelId = `${id}-label`;
  if (meter.status === 'idle') return null;
  return (
    <div class="strength" id={id}>
      <span class="strength-label" id={labelId}>
        {t('signUpStrengthLabel')}
      </span>
      {meter.status === 'loading' && (
        <>
          <progress aria-labelledby={labelId} />
          <span class="muted">{t('signUpStrengthLoading')}</span>
        </>
      )}
      {meter.status === 'failed' && <span class="muted">{t('signUpStrengthUnavailable')}</span>}
      {meter.status === 'ready' && (
        <>
          <meter aria-labelledby={labelId} min={0} max={4} low={2} high={3} optimum={4} value={score ?? 0} />
          {/* Announced when the word changes, which is far less often than each keystroke. */}
          <span class="strength-word" aria-live="polite">
            {score === undefined ? '' : t(SCORE_KEYS[score])}
          </span>
        </>
      )}
    </div>
  );
}
