import { useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t, tKey } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { escrowStateOf, type OrderView } from '@/lib/wallet/orders/order-view';
import { orderCase } from '../letters/letter-cases';
import { SupportLetter } from '../letters/SupportLetter';
import { OrderActions, type BuyerAction } from './OrderActions';
import { RefundList } from './RefundList';
import { escrowText, paymentText } from './order-text';

/**
 * One order: the shop as it named itself and as the browser reported it, what was bought, how it
 * was paid, where the money stands, the refunds so far, and what the buyer can still do. Every
 * text the shop sent (its name, items, refund reasons) is rendered as text.
 */
export function OrderItem({ call, view, now }: { call: RuntimeClient; view: OrderView; now: number }) {
  const { order, card, refunds, refundedMinor, heldMinor } = view;
  const [done, setDone] = useState<BuyerAction>();
  const title = useRef<HTMLHeadingElement>(null);
  const money = (amountMinor: number) => formatAmount({ amountMinor, currency: order.currency });
  const state = escrowStateOf(order);
  const idPrefix = `order-${order.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const titleId = `${idPrefix}-title`;

  return (
    <li class="card order-item" aria-labelledby={titleId} data-testid="order-item" data-order-id={order.orderId}>
      <h3 id={titleId} ref={title} tabIndex={-1} class="order-item-title" data-testid="order-merchant">
        {order.merchantName}
      </h3>
      <dl class="order-facts">
        <div>
          <dt>{t('confirmOrigin')}</dt>
          <dd class="order-origin" data-testid="order-origin">
            {order.origin}
          </dd>
        </div>
        <div>
          <dt>{t('confirmOrder')}</dt>
          <dd>{order.orderId}</dd>
        </div>
        <div>
          <dt>{t('ordersPaidOn')}</dt>
          <dd>{formatDateTime(order.paidAt)}</dd>
        </div>
        <div>
          <dt>{t('confirmTotal')}</dt>
          <dd class="order-amount" data-testid="order-amount">
            {money(order.amountMinor)}
          </dd>
        </div>
        <div>
          <dt>{t('ordersPaidWith')}</dt>
          <dd data-testid="order-payment">{paymentText(order, card)}</dd>
        </div>
        {heldMinor > 0 && heldMinor < order.amountMinor && (
          <div>
            <dt>{t('ordersStillHeld')}</dt>
            <dd>{money(heldMinor)}</dd>
          </div>
        )}
      </dl>
      <ul class="order-items" aria-label={t('confirmItems')}>
        {order.items.map((item, index) => (
          <li key={index}>
            <span class="order-item-name">{item.name}</span>{' '}
            <span class="muted">{t('confirmQuantity', [String(item.quantity), money(item.unitAmountMinor)])}</span>
          </li>
        ))}
      </ul>
      <p class="order-state" data-testid="order-state">
        <span class="order-state-label">{tKey(`ordersStateLabel_${state.kind}`)}</span> {escrowText(state)}
        {'closedAt' in state && state.closedAt !== undefined && <span class="muted"> · {formatDateTime(state.closedAt)}</span>}
      </p>
      {state.kind === 'disputed' && (
        <p class="muted">
          {t('orderDisputeReason')}: {state.reason}
        </p>
      )}
      {refunds.length > 0 && (
        <>
          <p id={`${titleId}-refunds`} class="order-refunds-title">
            {t('ordersRefundsTitle', [money(refundedMinor)])}
          </p>
          <RefundList refunds={refunds} now={now} labelledBy={`${titleId}-refunds`} />
        </>
      )}
      <p class="muted order-status" role="status">
        {done && tKey(`ordersDone_${done}`)}
      </p>
      <OrderActions
        call={call}
        view={view}
        onDone={(action) => {
          setDone(action);
          // The buttons the shopper used may be gone now; the order's name is the nearest stable place.
          title.current?.focus();
        }}
      />
      <SupportLetter call={call} id={`${idPrefix}-support`} letterCase={orderCase(view)} />
    </li>
  );
}
