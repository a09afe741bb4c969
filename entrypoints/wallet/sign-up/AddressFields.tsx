import { t } from '@/components/i18n';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { countryOptions } from './options';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export function AddressFields({ bind }: { bind: FormBinding }) {
  return (
    <Group id="signup-group-address" legend={t('signUpAddressLegend')}>
      <TextField bind={bind} path="address.street" label={t('signUpStreet')} input={{ autoComplete: 'street-address' }} />
      <TextField bind={bind} path="address.city" label={t('signUpCity')} input={{ autoComplete: 'address-level2' }} />
      <TextField bind={bind} path="address.region" label={t('signUpRegion')} input={{ autoComplete: 'address-level1' }} />
      <SelectField bind={bind} path="address.country" label={t('signUpCountry')} options={countryOptions()} autoComplete="country" />
      <TextField
        bind={bind}
        path="address.postcode"
        label={t('signUpPostcode')}
        input={{ autoComplete: 'postal-code', spellcheck: false }}
      />
    </Group>
  );
}
