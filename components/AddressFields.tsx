import { useMemo } from 'preact/hooks';
import { describedBy, Field } from './Field';
import { t, uiLocale } from './i18n';

/** The profile's schema words its issues as message keys, so they read the same here as on the sign-up form. */
type MessageKey = Parameters<typeof t>[0];
import { countryCode } from '@/lib/account/countries';
import { enteredPostalAddress, type PostalAddress } from '@/lib/account/profile-fields';

export type AddressDraft = Record<keyof PostalAddress, string>;
export type AddressErrors = Partial<Record<keyof PostalAddress, string>>;

export const EMPTY_ADDRESS: AddressDraft = { street: '', city: '', region: '', country: '', postcode: '' };

/** The typed address by the address rules: the address itself, or each line's first problem in the UI language. */
export function checkAddress(draft: AddressDraft): { ok: true; address: PostalAddress } | { ok: false; errors: AddressErrors } {
  const parsed = enteredPostalAddress.safeParse(draft);
  if (parsed.success) return { ok: true, address: parsed.data };
  const errors: AddressErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as keyof AddressDraft] ??= t(issue.message as MessageKey);
  return { ok: false, errors };
}

/** The first line with a problem, in the order the form shows them, for focus. */
export const firstAddressProblem = (errors: AddressErrors) =>
  (Object.keys(EMPTY_ADDRESS) as (keyof AddressDraft)[]).find((key) => errors[key]);

const LINES = [
  { key: 'street', label: 'cardsBillingStreet', autoComplete: 'street-address' },
  { key: 'city', label: 'cardsBillingCity', autoComplete: 'address-level2' },
  { key: 'region', label: 'cardsBillingRegion', autoComplete: 'address-level1' },
  { key: 'postcode', label: 'cardsBillingPostcode', autoComplete: 'postal-code' },
] as const;

/** A card's billing address or the shopper's own: the same lines, named for the browser's autofill and told apart by id. */
const KINDS = {
  billing: { id: 'card-billing', autofill: 'billing ', legend: 'cardsBillingLegend', hint: 'cardsBillingHint' },
  home: { id: 'home-address', autofill: '', legend: 'changeAddressLegend', hint: 'changeAddressHint' },
} as const;

/** Countries by name in the shopper's language, so the list reads in the order they expect. */
function countryOptions(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([uiLocale()], { type: 'region' });
  return countryCode.options
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, uiLocale()));
}

/** A postal address with every line required; a card's form fills its billing address from the profile, since for most cards it is the same. */
export function AddressFields({
  kind,
  value,
  errors,
  disabled,
  onChange,
}: {
  kind: keyof typeof KINDS;
  value: AddressDraft;
  errors: AddressErrors;
  disabled: boolean;
  onChange: (key: keyof PostalAddress, text: string) => void;
}) {
  const { id: prefix, autofill, legend, hint } = KINDS[kind];
  const id = (key: keyof PostalAddress) => `${prefix}-${key}`;
  const countries = useMemo(countryOptions, []);
  return (
    <fieldset class="billing-address" disabled={disabled} aria-describedby={`${prefix}-hint`}>
      <legend>{t(legend)}</legend>
      <p class="muted" id={`${prefix}-hint`}>
        {t(hint)}
      </p>
      {LINES.map(({ key, label, autoComplete }) => (
        <Field key={key} id={id(key)} label={t(label)} error={errors[key]}>
          <input
            id={id(key)}
            name={`${kind}.${key}`}
            autoComplete={`${autofill}${autoComplete}`}
            required
            value={value[key]}
            onInput={(event) => onChange(key, event.currentTarget.value)}
            {...describedBy(id(key), errors[key])}
          />
        </Field>
      ))}
      <Field id={id('country')} label={t('cardsBillingCountry')} error={errors.country}>
        <select
          id={id('country')}
          name={`${kind}.country`}
          autoComplete={`${autofill}country`}
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
