import { t } from '@/components/i18n';
import { CheckField } from './CheckField';
import type { FormBinding } from './form-values';
import { Group } from './Group';

// In reading order: what the wallet is, what it does with money, then what the shopper must keep safe.
const PARAGRAPHS = [
  'signUpTermsDemo',
  'signUpTermsSimulated',
  'signUpTermsLimits',
  'signUpTermsNoWithdrawal',
  'signUpTermsEscrow',
  'signUpTermsRefunds',
  'signUpTermsPasswords',
  'signUpTermsPaymentLock',
  'signUpTermsInactivity',
] as const;

/** The terms in full, where they are accepted, and the refund choice they explain. */
export function Terms({ bind }: { bind: FormBinding }) {
  return (
    <Group id="signup-group-terms" legend={t('signUpTermsLegend')}>
      {/* Focusable so keyboard users can scroll it; a region so screen readers can find it by name. */}
      <div class="sign-up-terms" role="region" tabIndex={0} aria-labelledby="signup-terms-title">
        <h2 id="signup-terms-title">{t('signUpTermsTitle')}</h2>
        {PARAGRAPHS.map((key) => (
          <p key={key}>{t(key)}</p>
        ))}
      </div>
      <CheckField bind={bind} path="termsAccepted" label={t('signUpTermsAccept')} />
      <CheckField
        bind={bind}
        path="refundsToWallet"
        role="switch"
        label={t('signUpRefundsToWallet')}
        hint={t('signUpRefundsToWalletHint')}
      />
    </Group>
  );
}
