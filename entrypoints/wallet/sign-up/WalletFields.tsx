import { t } from '@/components/i18n';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { currencyOptions } from './options';
import { SelectField } from './SelectField';

export function WalletFields({ bind }: { bind: FormBinding }) {
  return (
    <Group id="signup-group-wallet" legend={t('signUpWalletLegend')}>
      <SelectField bind={bind} path="currency" label={t('signUpCurrency')} hint={t('signUpCurrencyHint')} options={currencyOptions()} />
    </Group>
  );
}
