import type { Ref } from 'preact';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { ClaimView } from '@/lib/wallet/claims/claim-view';
import type { RuntimeClient } from '@/lib/protocol/client';
import { claimCase } from '../letters/letter-cases';
import { SupportLetter } from '../letters/SupportLetter';
import { claimStateText } from './claim-text';

/** The shopper's claims, newest first, each with the shop it concerns, its state and its dates, and a letter to write about it. */
export function ClaimList({
  call,
  claims,
  labelledBy,
  listRef,
}: {
  call: RuntimeClient;
  claims: ClaimView[];
  labelledBy: string;
  listRef: Ref<HTMLUListElement>;
}) {
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
            <SupportLetter call={call} id={`claim-${claim.id.replace(/[^A-Za-z0-9_-]/g, '_')}-support`} letterCase={claimCase(view)} />
          </li>
        );
      })}
    </ul>
  );
}
