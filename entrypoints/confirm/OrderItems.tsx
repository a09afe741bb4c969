import { MerchantText } from '@/components/MerchantText';
import { formatAmount, t } from '@/components/i18n';
import type { Offer } from '@/lib/protocol/checkout';

/**
 * What the order holds, as the page listed it, in a region that scrolls by itself (and by keyboard,
 * once focused): a hundred long items never push the origin, the total or the buttons off screen.
 */
export function OrderItems({ order }: { order: Pick<Offer, 'items' | 'currency'> }) {
  return (
    <section class="items" aria-label={t('confirmItems')} tabIndex={0} data-testid="confirm-items">
      <ul>
        {order.items.map((item, index) => (
          <li key={index}>
            <MerchantText text={item.name} />
            <span class="item-price">
              {t('confirmQuantity', [String(item.quantity), formatAmount({ amountMinor: item.unitAmountMinor, currency: order.currency })])}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
