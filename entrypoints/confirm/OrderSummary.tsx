import { MerchantText } from '@/components/MerchantText';
import { formatAmount, t } from '@/components/i18n';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { OriginLines } from './OriginLines';

type OrderApproval = Exclude<ApprovalView, { kind: 'fill' }>;

/** The order an approval is about: the offer to pay, or the paid order a buyer's action concerns. */
export const orderOf = (approval: OrderApproval) => (approval.kind === 'payment' ? approval.offer : approval.order);

/** Who is asking and how much, for the window's header; the page's words cannot reorder the wallet's around them. */
export function OrderSummary({ approval }: { approval: OrderApproval }) {
  const order = orderOf(approval);
  return (
    <>
      <section class="card merchant">
        <OriginLines origin={approval.origin} />
        <p class="muted" data-testid="confirm-merchant-line">
          {t('confirmMerchantName')}: <MerchantText text={order.merchantName} testId="confirm-merchant" /> · {t('confirmOrder')}{' '}
          <MerchantText text={order.orderId} testId="confirm-order" />
        </p>
      </section>
      <p class="confirm-total">
        <span>{t('confirmTotal')}</span>
        <strong data-testid="confirm-amount">{formatAmount({ amountMinor: order.amountMinor, currency: order.currency })}</strong>
      </p>
    </>
  );
}
