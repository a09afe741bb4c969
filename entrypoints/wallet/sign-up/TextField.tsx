import type { InputHTMLAttributes } from 'preact';
import { Field, describedBy } from '@/components/Field';
import { controlId, type FormBinding, type TextPath } from './form-values';

/** A labelled input bound to one path of the form, its error and hint beside it; `input` adds type, autocomplete and the like. */
export function TextField({
  bind,
  path,
  label,
  hint,
  input,
}: {
  bind: FormBinding;
  path: TextPath;
  label: string;
  hint?: string;
  input?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const id = controlId(path);
  const error = bind.error(path);
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        {...input}
        id={id}
        name={path}
        value={bind.text(path)}
        onInput={(event) => bind.set(path, event.currentTarget.value)}
        {...describedBy(id, error, hint)}
      />
    </Field>
  );
}
