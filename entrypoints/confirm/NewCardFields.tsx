import { Field } from '@/components/Field';
import { t } from '@/components/i18n';
import type { NewCardDetails } from '@/lib/protocol/runtime';

export const emptyCard: NewCardDetails = { number: '', expiry: '', holderName: '', cvv: '' };

/** A card typed for this purchase only. The wallet checks it; the CVV is used for the check and never kept. */
export function NewCardFields({ value, onInput }: { value: NewCardDetails; onInput: (value: NewCardDetails) => void }) {
  const field = (name: keyof NewCardDetails, label: string, attributes: Record<string, string>) => (
    <Field id={`new-card-${name}`} label={label}>
      <input
        id={`new-card-${name}`}
        name={`newCard.${name}`}
        value={value[name]}
        onInput={(event) => onInput({ ...value, [name]: event.currentTarget.value })}
        {...attributes}
      />
    </Field>
  );
  return (
    <fieldset class="new-card">
      <legend>{t('confirmNewCard')}</legend>
      {field('number', t('cardNumberLabel'), { inputMode: 'numeric', autoComplete: 'cc-number' })}
      {field('expiry', t('cardExpiryLabel'), { autoComplete: 'cc-exp', placeholder: 'MM/YY' })}
      {field('holderName', t('cardHolderLabel'), { autoComplete: 'cc-name' })}
      {field('cvv', t('cardCvvLabel'), { inputMode: 'numeric', autoComplete: 'cc-csc', type: 'password' })}
      <p class="muted">{t('cardCvvNeverStored')}</p>
    </fieldset>
  );
}
