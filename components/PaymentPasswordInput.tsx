import { Field, describedBy } from './Field';
import { t } from './i18n';

/** The six-digit payment password, asked before payments, card fills and security changes; never autofilled. */
export function PaymentPasswordInput({
  id,
  value,
  onInput,
  error,
  label = t('paymentPasswordLabel'),
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  label?: string;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        name={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        pattern="[0-9]{6}"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value.replace(/\D/g, ''))}
        {...describedBy(id, error)}
      />
    </Field>
  );
}
