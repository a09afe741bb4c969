import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { days } from '@/lib/business-days';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { CLAIMS_PAGE_SIZE } from '@/lib/wallet/claims/claim-view';
import { CLAIM_REVIEW_MS, CLAIM_WINDOW_MS } from '@/lib/wallet/claims/claims';
import { useWalletNow } from '@/components/use-wallet-now';
import { usePagedList } from '@/components/use-paged-list';
import { ShowMoreButton } from '@/components/ShowMoreButton';
import { ClaimList } from './ClaimList';
import { OpenClaimForm } from './OpenClaimForm';
import './claims.css';

/**
 * The claims section: what a claim is for and how it ends, the claims made so far (newest first,
 * a page at a time), and the form to claim a purchase the shopper did not make.
 */
export function Claims({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const { limit, list, loadingMore, showMore } = usePagedList(CLAIMS_PAGE_SIZE, '.claim-item-title');
  const claims = useLiveQuery(() => reads.claims(limit), [reads, limit]);
  const now = useWalletNow();
  const purchases = useLiveQuery(async () => (now === undefined ? undefined : reads.claimablePurchases(now)), [reads, now]);
  const shown = claims.status === 'ready' ? claims.value.claims.length : 0;
  const busyMore = claims.status === 'ready' && loadingMore(shown, claims.value.more);
  const failure = claims.status === 'failed' ? claims.error : purchases.status === 'failed' ? purchases.error : undefined;

  return (
    <section
      class="card claims-section"
      aria-labelledby="claims-title"
      aria-busy={claims.status === 'loading' || purchases.status === 'loading' || busyMore || now === undefined}
    >
      <h2 id="claims-title">{t('claimsTitle')}</h2>
      <p>{t('claimsIntro', [String(CLAIM_WINDOW_MS / days(1))])}</p>
      <p class="muted">{t('claimsOutcome', [String(CLAIM_REVIEW_MS / days(1))])}</p>
      {failure && (
        <p class="error" role="alert">
          {t('claimsLoadFailed', [failure.message])}
        </p>
      )}
      {purchases.status === 'ready' && purchases.value && <OpenClaimForm call={call} purchases={purchases.value} />}
      <h3 id="claims-list-title">{t('claimsListTitle')}</h3>
      {claims.status === 'loading' && <p class="muted">{t('claimsLoading')}</p>}
      {claims.status === 'ready' && claims.value.claims.length === 0 && (
        <p class="muted" data-testid="claims-empty">
          {t('claimsEmpty')}
        </p>
      )}
      {claims.status === 'ready' && claims.value.claims.length > 0 && (
        <ClaimList call={call} claims={claims.value.claims} labelledBy="claims-list-title" listRef={list} />
      )}
      {claims.status === 'ready' && claims.value.more && (
        <ShowMoreButton
          loading={busyMore}
          label={t('claimsShowMore')}
          loadingLabel={t('claimsLoadingMore')}
          onClick={() => showMore(shown)}
          testId="claims-show-more"
        />
      )}
    </section>
  );
}
