import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { VerificationRecord } from '@/lib/identity/review';
import { limitsFor } from '@/lib/wallet/limits';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { rejectionText } from './rejection-text';

/** Where verification stands, in words: what it means, each photo refused and why, and what to do next. */
export interface VerificationText {
  lead: string;
  reasons: string[];
  next?: string;
}

export function verificationText(latest: VerificationRecord | undefined, wallet: WalletRecord): VerificationText {
  const amount = (amountMinor: number) => formatAmount({ amountMinor, currency: wallet.currency });
  const unverified = limitsFor(wallet.currency, false);
  const verified = limitsFor(wallet.currency, true);
  // The wallet's flag is what raises the limits, so it wins over the record.
  if (wallet.verified) return { lead: t('identityApproved', [amount(verified.balanceMinor), amount(verified.purchaseMinor)]), reasons: [] };
  if (latest?.state === 'in_review') return { lead: t('identityInReview', [formatDateTime(latest.reviewDueAt)]), reasons: [] };
  if (latest?.state === 'rejected')
    return { lead: t('identityRejected'), reasons: latest.reasons.map(rejectionText), next: t('identityRejectedNext') };
  return { lead: t('identityNotStarted', [amount(unverified.balanceMinor), amount(verified.balanceMinor)]), reasons: [] };
}
