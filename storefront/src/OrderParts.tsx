import type { Order } from './orders';
import { formatAmount, formatDateTime, STATE_LABELS, stateDetail } from './order-words';
import type { WalletPresence } from './wallet-sync';

// The pieces of an order that the shopper's page and the seller's console both show.

export function OrderHead({ order }: { order: Order }) {
  return (
    <div class="order-head">
      <h2>
        Order <span class="order-id">{order.id}</span>
      </h2>
      <p class="muted small">
        Placed {formatDateTime(order.createdAt)} · {order.method === 'wallet' ? 'Paid with the wallet (escrow)' : 'Paid by card'}
      </p>
    </div>
  );
}

/** The state as the wallet last reported it; the shop never works one out for itself. */
export function OrderState({
  order,
  presence,
  failure,
  testId,
}: {
  order: Order;
  presence: WalletPresence;
  failure: string | undefined;
  testId: string;
}) {
  const { status } = order;
  if (order.method === 'card') {
    return (
      <p class="order-state" data-testid={testId} data-state="card">
        <span class="state-pill">Paid by card</span>
        <span class="muted">No escrow: card orders are not held by the wallet</span>
      </p>
    );
  }
  return (
    <>
      <p class="order-state" data-testid={testId} data-state={status?.state ?? 'unknown'}>
        {status ? (
          <>
            <span class={`state-pill state-${status.state}`}>{STATE_LABELS[status.state]}</span>
            <span class="muted">{stateDetail(status)}</span>
          </>
        ) : (
          <span class="muted">{failure || presence === 'absent' ? 'The wallet has not reported this order' : 'Asking the wallet…'}</span>
        )}
      </p>
      {failure && <p class="order-note error small">{failure}</p>}
    </>
  );
}

export function OrderLines({ order }: { order: Order }) {
  const { currency } = order.total;
  return (
    <ul class="summary-lines order-lines">
      {order.items.map((item) => (
        <li class="summary-row" key={item.name}>
          <span>
            {item.name}
            {item.quantity > 1 && <span class="muted"> × {item.quantity}</span>}
          </span>
          <span>{formatAmount(item.quantity * item.unitAmountMinor, currency)}</span>
        </li>
      ))}
      <li class="summary-row total">
        <span>Total</span>
        <span>{formatAmount(order.total.amountMinor, currency)}</span>
      </li>
    </ul>
  );
}

export function OrderHistory({ order }: { order: Order }) {
  if (order.history.length === 0) return null;
  return (
    <details class="order-history">
      <summary>History</summary>
      <ol>
        {order.history.map((event, index) => (
          <li key={index}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> {event.text}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** What became of the last action: progress, the outcome, or why it failed. */
export type Note = { text: string; tone: 'progress' | 'done' | 'error' };

export function OrderNote({ note, testId }: { note: Note | undefined; testId: string }) {
  return (
    <p class={`order-note ${note?.tone === 'error' ? 'error' : 'muted'}`} role="status" data-testid={testId}>
      {note?.text}
    </p>
  );
}
