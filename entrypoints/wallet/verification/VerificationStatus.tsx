import type { Ref } from 'preact';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { VerificationRecord } from '@/lib/identity/review';
import { limitsFor } from '@/lib/wallet/limits';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { rejectionText } from './rejection-text';

/** Where verification stands, in words: what happens next and, after a rejection, what to send instead. */
export function VerificationStatus({
  latest,
  wallet,
  statusRef,
}: {
  latest: VerificationRecord | undefined;
  wallet: WalletRecord;
  statusRef: Ref<HTMLDivElement>;
}) {
  const amount = (amountMinor: number) => formatAmount({ amountMinor, currency: wallet.currency });
  const unverified = limitsFor(wallet.currency, false);
  const verified = limitsFor(wallet.currency, true);
  return (
    <div class="identity-status" data-testid="identity-status" role="status" ref={statusRef} tabIndex={-1}>
      {/* The wallet's flag is what raises the limits, so it wins over the record. */}
      {wallet.verified ? (
        <p>{t('identityApproved', [amount(verified.balanceMinor), amount(verified.purchaseMinor)])}</p>
      ) : latest?.state === 'in_review' ? (
        <p>{t('identityInReview', [formatDateTime(latest.reviewDueAt)])}</p>
      ) : latest?.state === 'rejected' ? (
        <>
          <p>{t('identityRejected')}</p>
          <ul class="identity-reasons">
            {latest.reasons.map((reason, index) => (
              <li key={index}>{rejectionText(reason)}</li>
            ))}
          </ul>
          <p>{t('identityRejectedNext')}</p>
        </>
      ) : (
        <p>{t('identityNotStarted', [amount(unverified.balanceMinor), amount(verified.balanceMinor)])}</p>
      )}
    </div>
  );
}
