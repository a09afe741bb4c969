import { MerchantText } from '@/components/MerchantText';
import { formatAmount, t } from '@/components/i18n';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { OriginLines } from './OriginLines';

type OrderApproval = Exclude<ApprovalView, { kind: 'fill' }>;

/** The order an approval is about: the offer to pay, or the paid order a buyer's action concerns. */
export const orderOf = (approval: OrderApproval) => (approval.kind === 'payment' ? approval.offer : approval.order);

/** Who is asking and for what. The page's words are shown so that they cannot reorder the wallet's around them. */
export function OrderSummary({ approval }: { approval: OrderApproval }) {
  const offer = orderOf(approval);
  return (
    <>
      <section class="card merchant">
        <OriginLines origin={approval.origin} />
        <p class="muted">
          {t('confirmMerchantName')}: <MerchantText text={offer.merchantName} testId="confirm-merchant" /> · {t('confirmOrder')}{' '}
          <MerchantText text={offer.orderId} testId="confirm-order" />
        </p>
      </section>
      <section class="items" aria-label={t('confirmItems')}>
        <ul>
          {offer.items.map((item, index) => (
            <li key={index}>
              <MerchantText text={item.name} />
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
