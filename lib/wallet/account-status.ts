import type { Money } from '../money-schema';
import { limitsFor } from './limits';
import type { WalletRecord } from './wallet-record';

/** The account's status at a glance, as the overview and the popup show it: verified or not, and the balance limit that follows. */
export interface AccountStatus {
  verified: boolean;
  limit: Money;
}

export const accountStatus = ({ currency, verified }: Pick<WalletRecord, 'currency' | 'verified'>): AccountStatus => ({
  verified,
  limit: { amountMinor: limitsFor(currency, verified).balanceMinor, currency },
});
