import { Field, describedBy } from '@/components/Field';
import { controlId, type FlagPath, type FormBinding } from './form-values';

/** A checkbox, or with `role="switch"` an on/off setting, bound to one yes/no value of the form. */
export function CheckField({
  bind,
  path,
  label,
  hint,
  role,
}: {
  bind: FormBinding;
  path: FlagPath;
  label: string;
  hint?: string;
  role?: 'switch';
}) {
  const id = controlId(path);
  const error = bind.error(path);
  return (
    // The wrapper's CSS puts the box before its label, as checkboxes read, while Field keeps one markup for errors and hints.
    <div class="sign-up-check">
      <Field id={id} label={label} error={error} hint={hint}>
        <input
          id={id}
          name={path}
          type="checkbox"
          role={role}
          checked={bind.values[path]}
          onChange={(event) => bind.set(path, event.currentTarget.checked)}
          {...describedBy(id, error, hint)}
        />
      </Field>
    </div>
  );
}
