import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { RefundView } from '@/lib/wallet/orders/order-view';
import { cardText } from './order-text';

/**
 * The refunds the shop made on an order: how much, where it went, and when it arrives (at once in
 * the wallet, days later on a card). The shop's reason is its own text, shown as text.
 */
export function RefundList({ refunds, now, labelledBy }: { refunds: RefundView[]; now: number; labelledBy: string }) {
  return (
    <ul class="order-refunds" aria-labelledby={labelledBy} data-testid="order-refunds">
      {refunds.map(({ refund, card }) => {
        const amount = formatAmount({ amountMinor: refund.amountMinor, currency: refund.currency });
        const when = formatDateTime(refund.arrivesAt);
        return (
          <li key={refund.id} data-testid="order-refund">
            <span>
              {refund.destination === 'wallet'
                ? t('ordersRefundToWallet', [amount, when])
                : refund.arrivesAt <= now
                  ? t('ordersRefundToCardArrived', [amount, cardText(card), when])
                  : t('ordersRefundToCardArriving', [amount, cardText(card), when])}
            </span>
            {refund.reason && (
              <span class="muted">
                {' '}
                · {t('ordersRefundReason')}: {refund.reason}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
