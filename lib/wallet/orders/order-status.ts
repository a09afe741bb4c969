import type { OrderStatus, PaymentOutcome } from '../../protocol/checkout';
import type { WalletContext } from '../context';
import type { OrderRecord } from '../records';
import { refundedMinor } from '../refunds/refunds';

/** What the paying page is told: the money is held, in check first or already in escrow. */
export function paymentOutcomeOf(order: OrderRecord): PaymentOutcome {
  return {
    status: 'held',
    orderId: order.orderId,
    amountMinor: order.amountMinor,
    currency: order.currency,
    paidAt: order.paidAt,
    state: order.state === 'checking' ? 'checking' : 'held',
    ...(order.checkEndsAt !== undefined ? { checkEndsAt: order.checkEndsAt } : {}),
  };
}

/** An order as a page may see it: where its money stands, from the wallet's own records. */
export async function orderStatusOf(context: WalletContext, order: OrderRecord): Promise<OrderStatus> {
  const state = order.state !== 'held' ? order.state : order.dispute ? 'disputed' : order.shipping ? 'shipped' : 'held';
  return {
    orderId: order.orderId,
    state,
    amountMinor: order.amountMinor,
    refundedMinor: await refundedMinor(context, order.id),
    currency: order.currency,
    paidAt: order.paidAt,
    ...(order.checkEndsAt !== undefined ? { checkEndsAt: order.checkEndsAt } : {}),
    ...(order.shipping ? { shippedAt: order.shipping.shippedAt } : {}),
    ...(order.releaseAt !== undefined && order.state === 'held' ? { releaseAt: order.releaseAt } : {}),
    ...(order.closedAt !== undefined ? { closedAt: order.closedAt } : {}),
  };
}
