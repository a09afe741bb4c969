import { Field, describedBy } from './Field';
import { t, tKey } from './i18n';
import { loginPassword } from '@/lib/account/profile-fields';

export type NewPasswordProblems = { password?: string; repeat?: string };

/** A new login password must follow the login password rule, and be typed the same twice. */
export function newPasswordProblems(password: string, repeat: string): NewPasswordProblems {
  const checked = loginPassword.safeParse(password);
  return {
    ...(checked.success ? {} : { password: tKey(checked.error.issues[0]!.message) }),
    ...(repeat === password ? {} : { repeat: t('err_password_mismatch') }),
  };
}

/** The new login password and its repeat, for recovery and for the change in settings. */
export function NewPasswordFields({
  idPrefix,
  password,
  repeat,
  problems,
  onPassword,
  onRepeat,
}: {
  idPrefix: string;
  password: string;
  repeat: string;
  problems: NewPasswordProblems;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  const fields = [
    {
      id: `${idPrefix}-new`,
      name: 'newPassword',
      label: t('newLoginPasswordLabel'),
      value: password,
      error: problems.password,
      onInput: onPassword,
    },
    {
      id: `${idPrefix}-repeat`,
      name: 'newPasswordRepeat',
      label: t('repeatPasswordLabel'),
      value: repeat,
      error: problems.repeat,
      onInput: onRepeat,
    },
  ];
  return (
    <>
      {fields.map((field) => (
        <Field id={field.id} label={field.label} error={field.error} key={field.id}>
          <input
            id={field.id}
            name={field.name}
            type="password"
            autoComplete="new-password"
            value={field.value}
            onInput={(event) => field.onInput(event.currentTarget.value)}
            {...describedBy(field.id, field.error)}
          />
        </Field>
      ))}
    </>
  );
}
