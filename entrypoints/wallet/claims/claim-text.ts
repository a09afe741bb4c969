import { formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import type { ClaimView } from '@/lib/wallet/claims/claim-view';

/** Where a claim stands, in one sentence, with the date its answer comes by while it is in review. */
export function claimStateText({ claim, reviewDueAt }: ClaimView): string {
  switch (claim.state) {
    case 'in_review':
      return t('claimsStateInReview', [formatDateTime(reviewDueAt)]);
    case 'refunded':
      return t('claimsStateRefunded');
    case 'rejected':
      return t('claimsStateRejected');
  }
}
