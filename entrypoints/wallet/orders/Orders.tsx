import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { days } from '@/lib/business-days';
import { ORDERS_PAGE_SIZE } from '@/lib/wallet/orders/order-view';
import { PROTECTION_PERIOD_MS } from '@/lib/wallet/orders/protection';
import { OrderItem } from './OrderItem';
import { useWalletNow } from '@/components/use-wallet-now';
import { usePagedList } from '@/components/use-paged-list';
import { ShowMoreButton } from '@/components/ShowMoreButton';
import './orders.css';

const periodDays = (kind: keyof typeof PROTECTION_PERIOD_MS) => String(PROTECTION_PERIOD_MS[kind] / days(1));

/**
 * The orders section: the orders paid through the wallet, newest first, a page at a time, read
 * live so a shop shipping or refunding shows at once. It changes orders only through the background.
 */
export function Orders({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const { limit, list, loadingMore, showMore } = usePagedList(ORDERS_PAGE_SIZE, '.order-item-title');
  const page = useLiveQuery(() => reads.orders(limit), [reads, limit]);
  const now = useWalletNow();
  const shown = page.status === 'ready' ? page.value.orders.length : 0;
  const busyMore = page.status === 'ready' && loadingMore(shown, page.value.more);

  return (
    <section class="card orders-section" aria-labelledby="orders-title" aria-busy={page.status === 'loading' || busyMore}>
      <h2 id="orders-title">{t('ordersTitle')}</h2>
      <p class="muted">{t('ordersIntro', [periodDays('express'), periodDays('surface'), periodDays('virtual')])}</p>
      {page.status === 'loading' && <p class="muted">{t('ordersLoading')}</p>}
      {page.status === 'failed' && (
        <p class="error" role="alert">
          {t('ordersLoadFailed', [page.error.message])}
        </p>
      )}
      {page.status === 'ready' && page.value.orders.length === 0 && (
        <p class="orders-empty" data-testid="orders-empty">
          {t('ordersEmpty')}
        </p>
      )}
      {page.status === 'ready' && page.value.orders.length > 0 && now !== undefined && (
        <ul class="order-list" ref={list} data-testid="order-list">
          {page.value.orders.map((view) => (
            <OrderItem key={view.order.id} call={call} view={view} now={now} />
          ))}
        </ul>
      )}
      {page.status === 'ready' && page.value.more && (
        <ShowMoreButton
          loading={busyMore}
          label={t('ordersShowMore')}
          loadingLabel={t('ordersLoadingMore')}
          onClick={() => showMore(shown)}
          testId="orders-show-more"
        />
      )}
    </section>
  );
}
