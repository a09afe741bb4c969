import { localMonth } from '../../local-day';
import { holdsMoney } from '../orders/order-state';
import type { OrderRecord, RefundRecord } from '../records';
import type { SpendingMonth, SpendingSplit } from './spending-month';

export type SpendingMonthKey = [SpendingMonth['currency'], SpendingMonth['month']];

/** One order's part of its month's totals, with the key of that month. */
export interface OrderShare extends SpendingSplit {
  key: SpendingMonthKey;
}

/**
 * What an order adds to the month it was paid in: whatever was refunded of it, and the rest as
 * paid to the shop once released or held while escrow or the payment check holds it. A cancelled
 * order's rest went back to the balance without ever leaving it, so it is no spending at all.
 */
export function orderShare(order: OrderRecord, refunds: readonly Pick<RefundRecord, 'amountMinor'>[]): OrderShare {
  const refundedMinor = refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
  const restMinor = order.amountMinor - refundedMinor;
  return {
    key: [order.currency, localMonth(order.paidAt)],
    paidMinor: order.state === 'released' ? restMinor : 0,
    heldMinor: holdsMoney(order) ? restMinor : 0,
    refundedMinor,
  };
}
