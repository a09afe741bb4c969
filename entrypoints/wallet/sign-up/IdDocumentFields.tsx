import { t } from '@/components/i18n';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

export function IdDocumentFields({ bind }: { bind: FormBinding }) {
  const types = [
    { value: 'passport', label: t('signUpIdPassport') },
    { value: 'driving_licence', label: t('signUpIdDrivingLicence') },
  ];
  return (
    <Group id="signup-group-id-document" legend={t('signUpIdLegend')}>
      <SelectField bind={bind} path="idDocument.type" label={t('signUpIdType')} options={types} />
      <TextField
        bind={bind}
        path="idDocument.number"
        label={t('signUpIdNumber')}
        hint={t('signUpIdNumberHint')}
        input={{ autoComplete: 'off', autoCapitalize: 'characters', spellcheck: false }}
      />
    </Group>
  );
}
