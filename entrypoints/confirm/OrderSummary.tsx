import { formatAmount, t } from '@/components/i18n';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { OriginLines } from './OriginLines';

type OrderApproval = Exclude<ApprovalView, { kind: 'fill' }>;

/** The order an approval is about: the offer to pay, or the paid order a buyer's action concerns. */
export const orderOf = (approval: OrderApproval) => (approval.kind === 'payment' ? approval.offer : approval.order);

/** Who is asking and for what. Merchant text is rendered as text, never as markup. */
export function OrderSummary({ approval }: { approval: OrderApproval }) {
  const offer = orderOf(approval);
  return (
    <>
      <section class="card merchant">
        <OriginLines origin={approval.origin} />
        <p class="muted">
          {t('confirmMerchantName')}: <span data-testid="confirm-merchant">{offer.merchantName}</span> · {t('confirmOrder')}{' '}
          <span data-testid="confirm-order">{offer.orderId}</span>
        </p>
      </section>
      <section class="items" aria-label={t('confirmItems')}>
        <ul>
          {offer.items.map((item, index) => (
            <li key={index}>
              <span class="item-name">{item.name}</span>
              <span class="item-price">
                {t('confirmQuantity', [
                  String(item.quantity),
                  formatAmount({ amountMinor: item.unitAmountMinor, currency: offer.currency }),
                ])}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
