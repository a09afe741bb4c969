import { t } from '@/components/i18n';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { countryOptions } from './options';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export function PersonalFields({ bind }: { bind: FormBinding }) {
  const genders = [
    { value: 'female', label: t('signUpGenderFemale') },
    { value: 'male', label: t('signUpGenderMale') },
    { value: 'other', label: t('signUpGenderOther') },
  ];
  return (
    <Group id="signup-group-personal" legend={t('signUpPersonalLegend')}>
      <TextField bind={bind} path="givenName" label={t('signUpGivenName')} input={{ autoComplete: 'given-name' }} />
      <TextField bind={bind} path="familyName" label={t('signUpFamilyName')} input={{ autoComplete: 'family-name' }} />
      <SelectField bind={bind} path="gender" label={t('signUpGender')} options={genders} />
      <TextField
        bind={bind}
        path="dateOfBirth"
        label={t('signUpDateOfBirth')}
        hint={t('signUpDateOfBirthHint')}
        input={{ type: 'date', autoComplete: 'bday' }}
      />
      <SelectField
        bind={bind}
        path="citizenship"
        label={t('signUpCitizenship')}
        hint={t('signUpCitizenshipHint')}
        options={countryOptions()}
        autoComplete="off"
      />
    </Group>
  );
}
