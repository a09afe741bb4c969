import { formatMoney } from '../../lib/money';
import type { OrderStatus } from '../../lib/protocol/checkout';

type State = OrderStatus['state'];

/** The wallet's states as shoppers and sellers read them; `released` is the buyer's "received". */
export const STATE_LABELS: Record<State, string> = {
  checking: 'Payment check',
  held: 'Held in escrow',
  shipped: 'Shipped',
  disputed: 'Disputed',
  released: 'Received',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (at: number | string): string => dateTime.format(new Date(at));

export const formatAmount = (amountMinor: number, currency: OrderStatus['currency']): string =>
  formatMoney({ amountMinor, currency }, 'en-US');

/** What is still the seller's to give back: nothing once the order was cancelled or fully refunded. */
export const refundableMinor = (status: OrderStatus): number =>
  status.state === 'cancelled' || status.state === 'refunded' ? 0 : status.amountMinor - status.refundedMinor;

/** The money is still held while the order is open, so the buyer and the seller can still act on it. */
export const isOpen = (status: OrderStatus): boolean =>
  status.state === 'checking' || status.state === 'held' || status.state === 'shipped' || status.state === 'disputed';

/** When the wallet accepts a payment still in check, as both pages say it. */
export const checkEndText = (status: OrderStatus): string => formatDateTime(status.checkEndsAt ?? status.paidAt);

/** One line on where the order's money stands, beyond its state's name. */
export function stateDetail(status: OrderStatus): string {
  const refunded = formatAmount(status.refundedMinor, status.currency);
  const main = {
    checking: `The wallet is checking this payment and accepts it by ${checkEndText(status)}; until then it can be cancelled, not shipped`,
    held: 'Waiting for the seller to ship',
    shipped:
      status.releaseAt === undefined
        ? `Shipped ${formatDateTime(status.shippedAt ?? status.paidAt)}`
        : `Goes to the seller on ${formatDateTime(status.releaseAt)} unless a dispute is opened`,
    disputed: 'The money stays held until the dispute is resolved',
    released: `Paid to the seller${status.closedAt === undefined ? '' : ` on ${formatDateTime(status.closedAt)}`}`,
    cancelled: 'The money went back to the wallet',
    refunded: `${refunded} refunded`,
  }[status.state];
  return status.refundedMinor > 0 && status.state !== 'refunded' ? `${main} · ${refunded} refunded` : main;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
