import { Field, describedBy } from '@/components/Field';
import { t } from '@/components/i18n';
import { controlId, type FormBinding, type TextPath } from './form-values';
import type { Option } from './options';

/** A labelled select bound to one path of the form; it starts on "Choose…" so nothing is picked for the shopper. */
export function SelectField({
  bind,
  path,
  label,
  hint,
  options,
  autoComplete,
}: {
  bind: FormBinding;
  path: TextPath;
  label: string;
  hint?: string;
  options: readonly Option[];
  autoComplete?: string;
}) {
  const id = controlId(path);
  const error = bind.error(path);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={path}
        value={bind.text(path)}
        autoComplete={autoComplete}
        onChange={(event) => bind.set(path, event.currentTarget.value)}
        {...describedBy(id, error, hint)}
      >
        <option value="">{t('signUpChoose')}</option>
        {options.map(({ value, label, disabled }) => (
          <option value={value} disabled={disabled} key={value}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}
