import type { RuntimeHandlers } from '@/lib/protocol/router';
import { findOrder, releaseDisputedOrder, shipOrder } from '@/lib/wallet/orders/orders';
import { orderStatusOf } from '@/lib/wallet/orders/order-status';
import type { OrderRecord } from '@/lib/wallet/records';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import type { WalletResult } from '@/lib/wallet/result';
import { unwrap, unwrapOrder } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';
import { originOf } from '../sender';

/** A merchant's actions on the orders its own origin was paid for, as the browser reports the origin; each answered with where the order stands. */
export function merchantHandlers({ context, afterChange }: BackgroundServices) {
  const statusAfter = async (work: Promise<WalletResult<{ order: OrderRecord }>>) => {
    const { order } = unwrap(await afterChange(work));
    return { status: await orderStatusOf(context, order) };
  };
  return {
    'merchant.status': async ({ orderId }, from) => ({
      status: await orderStatusOf(context, unwrapOrder(await findOrder(context, originOf(from), orderId))),
    }),
    'merchant.ship': ({ orderId, shipping }, from) => statusAfter(shipOrder(context, originOf(from), orderId, shipping)),
    'merchant.refund': ({ orderId, refundId, amountMinor, reason }, from) =>
      statusAfter(refundOrder(context, originOf(from), orderId, { refundId, amountMinor, reason })),
    'merchant.releaseDispute': ({ orderId }, from) => statusAfter(releaseDisputedOrder(context, originOf(from), orderId)),
  } satisfies Pick<RuntimeHandlers, 'merchant.status' | 'merchant.ship' | 'merchant.refund' | 'merchant.releaseDispute'>;
}
