import { t } from '@/components/i18n';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { TextField } from './TextField';

export function ContactFields({ bind }: { bind: FormBinding }) {
  return (
    <Group id="signup-group-contact" legend={t('signUpContactLegend')}>
      <TextField
        bind={bind}
        path="phone"
        label={t('signUpPhone')}
        hint={t('signUpPhoneHint')}
        input={{ type: 'tel', autoComplete: 'tel' }}
      />
      <TextField bind={bind} path="email" label={t('signUpEmail')} input={{ type: 'email', autoComplete: 'email', spellcheck: false }} />
    </Group>
  );
}
