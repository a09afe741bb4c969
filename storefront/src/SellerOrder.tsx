import { useState } from 'preact/hooks';
import type { OrderStatus, ShippingKind } from '../../lib/protocol/checkout';
import { OrderHead, OrderHistory, OrderLines, OrderNote, OrderState, type Note } from './OrderParts';
import { checkEndText, errorText, formatAmount, isOpen, refundableMinor } from './order-words';
import { recordStatus, type Order } from './orders';
import { RefundForm, type RefundRequest } from './RefundForm';
import { ShipForm } from './ShipForm';
import type { WalletPresence } from './wallet-sync';
import { walletRequest, WalletRequestError } from '../../lib/protocol/shop-client';

/**
 * LIMIT_EXCEEDED also covers a refund the shopper's wallet cannot take in; only one beyond what was
 * left is said to be too large. The wallet's own message adds the figures.
 */
function refundErrorText(error: unknown, tooLarge: boolean): string {
  if (error instanceof WalletRequestError && error.code === 'LIMIT_EXCEEDED' && tooLarge)
    return `This refund is larger than what is left to refund. ${error.message}`;
  return errorText(error);
}

function MoneyFacts({ status }: { status: OrderStatus }) {
  const { currency } = status;
  return (
    <dl class="money-facts">
      <div>
        <dt>Paid</dt>
        <dd>{formatAmount(status.amountMinor, currency)}</dd>
      </div>
      <div>
        <dt>Refunded so far</dt>
        <dd data-testid="refunded-so-far">{formatAmount(status.refundedMinor, currency)}</dd>
      </div>
      <div>
        <dt>Still refundable</dt>
        <dd data-testid="refundable">{formatAmount(refundableMinor(status), currency)}</dd>
      </div>
    </dl>
  );
}

/** One wallet order as the merchant sees it, with the merchant's actions the wallet would accept now. */
export function SellerOrder({ order, presence, failure }: { order: Order; presence: WalletPresence; failure: string | undefined }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>();
  const { status } = order;
  // An order the wallet could not be asked about offers no actions: they would fail the same way.
  const actionable = failure ? undefined : status;
  const refundable = actionable ? refundableMinor(actionable) : 0;

  async function run(request: () => Promise<OrderStatus>, done: string, explain: (error: unknown) => string = errorText): Promise<void> {
    setBusy(true);
    setNote({ text: 'Sending to the wallet…', tone: 'progress' });
    try {
      recordStatus(order.id, await request(), done);
      setNote({ text: done, tone: 'done' });
    } catch (error) {
      setNote({ text: explain(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  const ship = (shipping: ShippingKind) =>
    run(() => walletRequest('ship', { orderId: order.id, shipping }), `Marked shipped (${shipping}).`);
  const refund = ({ refundId, amountMinor, reason }: RefundRequest) =>
    run(
      () => walletRequest('refund', { orderId: order.id, refundId, amountMinor, reason }),
      `Refunded ${formatAmount(amountMinor, order.total.currency)}: ${reason}`,
      (error) => refundErrorText(error, amountMinor > refundable),
    );
  const release = () =>
    run(() => walletRequest('releaseDispute', { orderId: order.id }), 'Dispute resolved: the money was released to the shop.');

  return (
    <li class="card order" data-testid="seller-order" data-order-id={order.id}>
      <OrderHead order={order} />
      <OrderState order={order} presence={presence} failure={failure} testId="seller-state" />
      <OrderLines order={order} />
      {status && <MoneyFacts status={status} />}
      {actionable && isOpen(actionable) && actionable.shippedAt === undefined && (
        <ShipForm
          busy={busy}
          notYet={
            actionable.state === 'checking'
              ? {
                  id: `ship-not-yet-${order.id}`,
                  text: `The wallet is checking this payment: ship once it is accepted, by ${checkEndText(actionable)}. The buyer can still cancel until then.`,
                }
              : undefined
          }
          onShip={(kind) => void ship(kind)}
        />
      )}
      {actionable?.state === 'disputed' && (
        <div class="order-actions">
          <button type="button" class="primary" data-testid="release-dispute" disabled={busy} onClick={() => void release()}>
            Resolve the dispute: release to the shop
          </button>
          <span class="muted small">Or refund below to settle it in the buyer's favour.</span>
        </div>
      )}
      {/* Keyed by what is left: once a refund goes through the form starts over, with a fresh refund id. */}
      {actionable && refundable > 0 && (
        <RefundForm key={refundable} status={actionable} refundable={refundable} busy={busy} onRefund={(request) => void refund(request)} />
      )}
      <OrderNote note={note} testId="seller-message" />
      <OrderHistory order={order} />
    </li>
  );
}
