import { Field, describedBy } from './Field';
import { t } from './i18n';

/** The current login password, for unlocking and for the changes that ask for it again; the browser may fill it. */
export function LoginPasswordInput({
  id,
  value,
  onInput,
  error,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field id={id} label={t('loginPasswordLabel')} error={error}>
      <input
        id={id}
        name="loginPassword"
        type="password"
        autoComplete="current-password"
        required
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        {...describedBy(id, error)}
      />
    </Field>
  );
}
