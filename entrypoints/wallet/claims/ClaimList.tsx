import type { Ref } from 'preact';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { ClaimView } from '@/lib/wallet/claims/claim-view';
import { claimStateText } from './claim-text';

/** The shopper's claims, newest first, each with the shop it concerns, its state and its dates. */
export function ClaimList({ claims, labelledBy, listRef }: { claims: ClaimView[]; labelledBy: string; listRef: Ref<HTMLUListElement> }) {
  return (
    <ul class="claim-list" aria-labelledby={labelledBy} ref={listRef} data-testid="claim-list">
      {claims.map((view) => {
        const { claim, order } = view;
        return (
          <li key={claim.id} class="card claim-item" data-testid="claim-item">
            <p class="claim-item-title" tabIndex={-1}>
              {order ? (
                <>
                  <span class="claim-merchant">{order.merchantName}</span>{' '}
                  <span class="muted">
                    {order.origin} · {formatAmount({ amountMinor: order.amountMinor, currency: order.currency })}
                  </span>
                </>
              ) : (
                t('claimsUnknownPurchase')
              )}
            </p>
            <p class="muted">
              {t('claimsOpenedOn', [formatDateTime(claim.openedAt)])}
              {claim.resolvedAt !== undefined && ` · ${t('claimsResolvedOn', [formatDateTime(claim.resolvedAt)])}`}
            </p>
            <p data-testid="claim-state">{claimStateText(view)}</p>
            <p class="muted claim-reason">
              {t('orderDisputeReason')}: {claim.reason}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
