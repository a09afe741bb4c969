import type { RuntimeHandlers } from '@/lib/protocol/router';
import { actOnOrder } from '@/lib/wallet/orders/buyer-actions';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/** The shopper's own actions on orders from the wallet page. */
export function orderHandlers({ context, unlocked, authorised, afterChange }: BackgroundServices) {
  return {
    'orders.confirmReceipt': async ({ origin, orderId, paymentPassword }) => {
      const { authorisation } = await authorised(paymentPassword);
      return afterChange(actOnOrder(context, origin, { kind: 'confirmReceipt', orderId }, authorisation).then(unwrap));
    },
    'orders.cancel': ({ origin, orderId }) =>
      unlocked(() => afterChange(actOnOrder(context, origin, { kind: 'cancel', orderId }).then(unwrap))),
    'orders.dispute': ({ origin, orderId, reason }) =>
      unlocked(() => afterChange(actOnOrder(context, origin, { kind: 'dispute', orderId, reason }).then(unwrap))),
  } satisfies Pick<RuntimeHandlers, 'orders.confirmReceipt' | 'orders.cancel' | 'orders.dispute'>;
}
