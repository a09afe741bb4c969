import { useMemo } from 'preact/hooks';
import { describedBy, Field } from '@/components/Field';
import { t, uiLocale } from '@/components/i18n';
import { countryCode } from '@/lib/account/countries';
import type { PostalAddress } from '@/lib/account/profile-fields';

export type AddressDraft = Record<keyof PostalAddress, string>;
export type AddressErrors = Partial<Record<keyof PostalAddress, string>>;

export const EMPTY_ADDRESS: AddressDraft = { street: '', city: '', region: '', country: '', postcode: '' };

const LINES = [
  { key: 'street', label: 'cardsBillingStreet', autoComplete: 'billing street-address', required: true },
  { key: 'city', label: 'cardsBillingCity', autoComplete: 'billing address-level2', required: true },
  { key: 'region', label: 'cardsBillingRegion', autoComplete: 'billing address-level1', required: false },
  { key: 'postcode', label: 'cardsBillingPostcode', autoComplete: 'billing postal-code', required: true },
] as const;

/** Countries by name in the shopper's language, so the list reads in the order they expect. */
function countryOptions(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([uiLocale()], { type: 'region' });
  return countryCode.options
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, uiLocale()));
}

/** The card's billing address; the form fills it from the profile, since for most cards it is the same. */
export function BillingAddressFields({
  value,
  errors,
  disabled,
  onChange,
}: {
  value: AddressDraft;
  errors: AddressErrors;
  disabled: boolean;
  onChange: (key: keyof PostalAddress, text: string) => void;
}) {
  const id = (key: keyof PostalAddress) => `card-billing-${key}`;
  const countries = useMemo(countryOptions, []);
  return (
    <fieldset class="billing-address" disabled={disabled} aria-describedby="card-billing-hint">
      <legend>{t('cardsBillingLegend')}</legend>
      <p class="muted" id="card-billing-hint">
        {t('cardsBillingHint')}
      </p>
      {LINES.map(({ key, label, autoComplete, required }) => (
        <Field key={key} id={id(key)} label={t(label)} error={errors[key]}>
          <input
            id={id(key)}
            name={`billing.${key}`}
            autoComplete={autoComplete}
            required={required}
            value={value[key]}
            onInput={(event) => onChange(key, event.currentTarget.value)}
            {...describedBy(id(key), errors[key])}
          />
        </Field>
      ))}
      <Field id={id('country')} label={t('cardsBillingCountry')} error={errors.country}>
        <select
          id={id('country')}
          name="billing.country"
          autoComplete="billing country"
          required
          value={value.country}
          onChange={(event) => onChange('country', event.currentTarget.value)}
          {...describedBy(id('country'), errors.country)}
        >
          <option value="">{t('cardsBillingCountryChoose')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
    </fieldset>
  );
}
