import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { days } from '@/lib/business-days';
import { ORDERS_PAGE_SIZE } from '@/lib/wallet/orders/order-view';
import { PROTECTION_PERIOD_MS } from '@/lib/wallet/orders/protection';
import { OrderItem } from './OrderItem';
import { useWalletNow } from '@/components/use-wallet-now';
import './orders.css';

const periodDays = (kind: keyof typeof PROTECTION_PERIOD_MS) => String(PROTECTION_PERIOD_MS[kind] / days(1));

/**
 * The orders section: the orders paid through the wallet, newest first, a page at a time, read
 * live so a shop shipping or refunding shows at once. It changes orders only through the background.
 */
export function Orders({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const [limit, setLimit] = useState(ORDERS_PAGE_SIZE);
  const page = useLiveQuery(() => reads.orders(limit), [reads, limit]);
  const now = useWalletNow();
  const list = useRef<HTMLUListElement>(null);
  // After "Show more", focus goes to the first order that was not there before.
  const focusIndex = useRef<number | undefined>(undefined);
  const shown = page.status === 'ready' ? page.value.orders.length : 0;
  useEffect(() => {
    if (focusIndex.current === undefined || shown <= focusIndex.current) return;
    list.current?.querySelectorAll<HTMLElement>('.order-item-title')[focusIndex.current]?.focus();
    focusIndex.current = undefined;
  }, [shown]);

  const loadingMore = page.status === 'ready' && page.value.more && shown < limit;
  const showMore = () => {
    focusIndex.current = shown;
    setLimit(shown + ORDERS_PAGE_SIZE);
  };

  return (
    <section class="card orders-section" aria-labelledby="orders-title" aria-busy={page.status === 'loading' || loadingMore}>
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
        <div class="form-actions">
          <button type="button" disabled={loadingMore} aria-busy={loadingMore} onClick={showMore} data-testid="orders-show-more">
            {loadingMore ? t('ordersLoadingMore') : t('ordersShowMore')}
          </button>
        </div>
      )}
    </section>
  );
}
