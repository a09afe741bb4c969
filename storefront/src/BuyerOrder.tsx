import { useState } from 'preact/hooks';
import type { OrderStatus } from '../../lib/protocol/checkout';
import { OrderHead, OrderHistory, OrderLines, OrderNote, OrderState, type Note } from './OrderParts';
import { errorText, isOpen } from './order-words';
import { recordStatus, type Order } from './orders';
import type { WalletPresence } from './wallet-sync';
import { walletRequest, WalletRequestError, type OrderRequestPayload } from '../../lib/protocol/shop-client';
import { DisputeForm } from './DisputeForm';

type BuyerActionType = 'confirmReceipt' | 'cancel' | 'dispute';

const DONE: Record<BuyerActionType, string> = {
  confirmReceipt: 'You confirmed receipt: the seller has been paid.',
  cancel: 'Order cancelled: the money is back in your wallet.',
  dispute: 'Dispute opened: the money stays held until it is resolved.',
};

/** Which of the buyer's actions the wallet would take on now, from its last status. */
function actionsFor(status: OrderStatus | undefined) {
  const open = status !== undefined && isOpen(status);
  const shipped = status?.shippedAt !== undefined;
  return {
    confirmReceipt: open && shipped,
    cancel: open && !shipped,
    dispute: status?.state === 'held' || status?.state === 'shipped',
  };
}

/** One of the shopper's orders, with the actions the wallet lets the buyer take on it. */
export function BuyerOrder({ order, presence, failure }: { order: Order; presence: WalletPresence; failure: string | undefined }) {
  const [pending, setPending] = useState<BuyerActionType>();
  const [note, setNote] = useState<Note>();
  const [disputing, setDisputing] = useState(false);
  // An order the wallet could not be asked about offers no actions: they would fail the same way.
  const can = actionsFor(failure ? undefined : order.status);

  async function act<Type extends BuyerActionType>(type: Type, payload: OrderRequestPayload<Type>): Promise<void> {
    setPending(type);
    // The wallet opens its own window for this; nothing happens until the shopper decides there.
    setNote({ text: 'Confirm in your wallet…', tone: 'progress' });
    try {
      const status = await walletRequest(type, payload);
      recordStatus(order.id, status, DONE[type]);
      setNote({ text: DONE[type], tone: 'done' });
      setDisputing(false);
    } catch (error) {
      const rejected = error instanceof WalletRequestError && error.code === 'USER_REJECTED';
      setNote(rejected ? { text: 'You kept the order as it was.', tone: 'done' } : { text: errorText(error), tone: 'error' });
    } finally {
      setPending(undefined);
    }
  }

  return (
    <li class="card order" data-testid="order" data-order-id={order.id}>
      <OrderHead order={order} />
      <OrderState order={order} presence={presence} failure={failure} testId="order-state" />
      <OrderLines order={order} />
      {(can.confirmReceipt || can.cancel || can.dispute) && (
        <div class="order-actions">
          {can.confirmReceipt && (
            <button
              type="button"
              class="primary"
              data-testid="confirm-receipt"
              disabled={pending !== undefined}
              onClick={() => void act('confirmReceipt', { orderId: order.id })}
            >
              {pending === 'confirmReceipt' ? 'Waiting for the wallet…' : 'Confirm receipt'}
            </button>
          )}
          {can.cancel && (
            <button
              type="button"
              data-testid="cancel-order"
              disabled={pending !== undefined}
              onClick={() => void act('cancel', { orderId: order.id })}
            >
              {pending === 'cancel' ? 'Waiting for the wallet…' : 'Cancel order'}
            </button>
          )}
          {can.dispute && !disputing && (
            <button type="button" data-testid="open-dispute" disabled={pending !== undefined} onClick={() => setDisputing(true)}>
              Open a dispute
            </button>
          )}
        </div>
      )}
      {can.dispute && disputing && (
        <DisputeForm
          busy={pending !== undefined}
          onSubmit={(reason) => void act('dispute', { orderId: order.id, reason })}
          onClose={() => setDisputing(false)}
        />
      )}
      <OrderNote note={note} testId="order-message" />
      <OrderHistory order={order} />
    </li>
  );
}
