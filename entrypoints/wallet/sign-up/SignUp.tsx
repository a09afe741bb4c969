import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { fieldErrors, signUpFields, signUpForm } from '@/lib/account/profile';
import type { RuntimeClient } from '@/lib/protocol/client';
import { AddressFields } from './AddressFields';
import { ContactFields } from './ContactFields';
import { emptySignUp, valueAt, withValue, type FormBinding, type SignUpValues } from './form-values';
import { IdDocumentFields } from './IdDocumentFields';
import { PersonalFields } from './PersonalFields';
import { SecretsFields } from './SecretsFields';
import { SecurityQuestions } from './SecurityQuestions';
import { Terms } from './Terms';
import { usePasswordStrength } from './use-password-strength';
import { RestoreBackup } from '../backup/RestoreBackup';
import { WalletFields } from './WalletFields';
import './sign-up.css';

/** The shopper's details, secrets and consent; the background checks them again and creates the wallet. */
export function SignUp({ call, onDone, onRestored }: { call: RuntimeClient; onDone: () => void; onRestored: () => void }) {
  const [values, setValues] = useState(emptySignUp);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<'idle' | 'checking' | 'saving'>('idle');
  const [failure, setFailure] = useState<string>();
  const [refusals, setRefusals] = useState(0);
  const touched = useRef(new Set<string>());
  const submitted = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const meter = usePasswordStrength();
  const [restoring, setRestoring] = useState<boolean>();
  const restoreButton = useRef<HTMLButtonElement>(null);

  /** The errors to show: a field is not called wrong before the shopper has left it or submitted the form. */
  const check = (next: SignUpValues): Record<string, string> => {
    const found = fieldErrors(
      (meter.status === 'ready'
        ? signUpForm(Date.now(), bundledPhonePlans, meter.strength)
        : signUpFields(Date.now(), bundledPhonePlans)
      ).safeParse(next),
    );
    if (submitted.current) return found;
    return Object.fromEntries(Object.entries(found).filter(([path]) => touched.current.has(path)));
  };

  const bind: FormBinding = {
    values,
    text: (path) => String(valueAt(values, path)),
    error: (path) => {
      const key = errors[path];
      return key && (tKey(key) || key);
    },
    set: (path, value) => {
      const next = withValue(values, path, value);
      setValues(next);
      // A field showing an error is checked as it changes, so the error goes as soon as it is fixed.
      if (errors[path]) setErrors(check(next));
    },
  };

  const leave = (event: FocusEvent) => {
    const { name } = event.target as HTMLInputElement;
    if (!name) return;
    touched.current.add(name);
    setErrors(check(values));
  };

  const submit = async () => {
    if (phase !== 'idle') return;
    setPhase('checking');
    setFailure(undefined);
    try {
      // The weak-password rule needs the scorer, so a submit before it loaded waits for it.
      const strength = await meter.load();
      const result = signUpForm(Date.now(), bundledPhonePlans, strength).safeParse(values);
      submitted.current = true;
      setErrors(fieldErrors(result));
      if (!result.success) {
        setPhase('idle');
        setRefusals((count) => count + 1);
        return;
      }
      setPhase('saving');
      // The raw values, not the parsed ones: the background trusts no page and parses them with the same schema.
      await call({ type: 'account.signUp', form: values });
      onDone();
    } catch (error) {
      setPhase('idle');
      setFailure(errorText(error));
    }
  };

  // After the errors are on screen, so the first invalid control is announced with its error.
  useEffect(() => {
    if (refusals === 0 || !form.current) return;
    const controls = [...form.current.elements] as HTMLInputElement[];
    controls.find(({ name }) => name && errors[name])?.focus();
  }, [refusals]);

  // Disabling the button while busy took the focus away; give it back so Tab goes on from here.
  useEffect(() => {
    if (failure) submitButton.current?.focus();
  }, [failure]);

  // Back from the restore form: focus returns to the button that opened it.
  useEffect(() => {
    if (restoring === false) restoreButton.current?.focus();
  }, [restoring]);

  if (restoring) return <RestoreBackup call={call} onDone={onRestored} onCancel={() => setRestoring(false)} />;

  return (
    <>
      <h1 id="signup-title">{t('signUpTitle')}</h1>
      <p class="muted">{t('signUpIntro')}</p>
      <p>
        <button ref={restoreButton} type="button" data-testid="restore-backup-open" onClick={() => setRestoring(true)}>
          {t('backupRestoreOpen')}
        </button>
      </p>
      <form
        ref={form}
        class="sign-up"
        aria-labelledby="signup-title"
        aria-busy={phase === 'saving'}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onFocusOut={leave}
      >
        <PersonalFields bind={bind} />
        <IdDocumentFields bind={bind} />
        <AddressFields bind={bind} />
        <ContactFields bind={bind} />
        <WalletFields bind={bind} />
        <SecretsFields bind={bind} meter={meter} />
        <SecurityQuestions bind={bind} />
        <Terms bind={bind} />
        {failure && (
          <p class="error" role="alert">
            {failure}
          </p>
        )}
        <div class="form-actions">
          <button ref={submitButton} type="submit" class="primary" data-testid="sign-up-submit" disabled={phase !== 'idle'}>
            {t('signUpSubmit')}
          </button>
        </div>
        {/* Always present, so screen readers announce the text when it appears. */}
        <p class="muted" role="status">
          {phase === 'saving' ? t('signUpCreating') : ''}
        </p>
      </form>
    </>
  );
}
