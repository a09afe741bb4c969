import { t } from '@/components/i18n';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import type { FormBinding } from './form-values';
import { Group } from './Group';
import { StrengthMeter } from './StrengthMeter';
import { TextField } from './TextField';
import type { PasswordMeter } from './use-password-strength';

/** The login password, which unlocks and encrypts the wallet, and the payment password, which approves payments. */
export function SecretsFields({ bind, meter }: { bind: FormBinding; meter: PasswordMeter }) {
  return (
    <>
      <Group id="signup-group-login-password" legend={t('signUpLoginPasswordLegend')}>
        <TextField
          bind={bind}
          path="loginPassword"
          label={t('signUpLoginPassword')}
          hint={t('signUpLoginPasswordHint')}
          input={{ type: 'password', autoComplete: 'new-password', onFocus: meter.preload }}
        />
        <TextField
          bind={bind}
          path="loginPasswordRepeat"
          label={t('signUpLoginPasswordRepeat')}
          input={{ type: 'password', autoComplete: 'new-password' }}
        />
        <StrengthMeter id="signup-login-password-strength" meter={meter} values={bind.values} />
      </Group>
      <Group id="signup-group-payment-password" legend={t('signUpPaymentPasswordLegend')} description={t('signUpPaymentPasswordHint')}>
        {/* The component names the input by its id, so the id is the schema's path, as every other control's name is. */}
        <PaymentPasswordInput
          id="paymentPassword"
          value={bind.text('paymentPassword')}
          onInput={(value) => bind.set('paymentPassword', value)}
          error={bind.error('paymentPassword')}
        />
        <PaymentPasswordInput
          id="paymentPasswordRepeat"
          label={t('signUpPaymentPasswordRepeat')}
          value={bind.text('paymentPasswordRepeat')}
          onInput={(value) => bind.set('paymentPasswordRepeat', value)}
          error={bind.error('paymentPasswordRepeat')}
        />
      </Group>
    </>
  );
}
