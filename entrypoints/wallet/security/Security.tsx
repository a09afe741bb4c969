import { formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';
import { ChangeLoginPassword } from './ChangeLoginPassword';
import { ChangePaymentPassword } from './ChangePaymentPassword';
import { ChangeAddress } from './ChangeAddress';
import { ChangeContact } from './ChangeContact';
import { Preferences } from './Preferences';
import { ProfileSummary } from './ProfileSummary';
import { SecurityEvents } from './SecurityEvents';
import type { WalletReads } from '@/lib/reads/wallet-reads';

/** Profile and security: the profile as given at sign-up, the everyday preferences, then the changes that need the payment password. */
export function Security({
  call,
  reads,
  state,
  onChanged,
}: {
  call: RuntimeClient;
  reads: WalletReads;
  state: WalletState;
  onChanged: () => void;
}) {
  const lockedUntil = state.security?.paymentLockedUntil;
  return (
    <>
      {lockedUntil !== undefined && (
        <p class="card error" role="alert" data-testid="payment-locked">
          {t('paymentLockedUntil', [formatDateTime(lockedUntil)])}
        </p>
      )}
      <ProfileSummary call={call} reads={reads} />
      <Preferences call={call} state={state} onChanged={onChanged} />
      <ChangeLoginPassword call={call} onChanged={onChanged} />
      <ChangePaymentPassword call={call} state={state} onChanged={onChanged} />
      <ChangeContact call={call} channel="email" onChanged={onChanged} />
      <ChangeContact call={call} channel="phone" onChanged={onChanged} />
      <ChangeAddress call={call} onChanged={onChanged} />
      <SecurityEvents reads={reads} />
    </>
  );
}
