import type { WalletDatabase } from '../../db';
import type { ShippingKind } from '../../protocol/checkout';
import { holdsMoney } from './order-state';
import { PROTECTION_PERIOD_MS } from './protection';
import type { CardRecord, OrderRecord, RefundRecord } from '../records';

/** How many orders the wallet page shows at first, and how many more each "Show more" adds. */
export const ORDERS_PAGE_SIZE = 20;

/** Where an order's money stands, in the terms the shopper reads it. */
export type EscrowState =
  /** The payment waits for its check; the wallet's clock accepts it at `checkEndsAt` unless the shopper cancels. */
  | { kind: 'checking'; checkEndsAt: number }
  | { kind: 'held' }
  | { kind: 'shipped'; shipping: ShippingKind; shippedAt: number; releaseAt: number }
  /** `remainingMs` is the protection time left when the dispute closes; absent while the shop has not shipped. */
  | { kind: 'disputed'; openedAt: number; reason: string; remainingMs?: number }
  | { kind: 'released' | 'cancelled' | 'refunded'; closedAt?: number };

export function escrowStateOf(order: OrderRecord): EscrowState {
  if (order.state === 'checking') return { kind: 'checking', checkEndsAt: order.checkEndsAt ?? order.paidAt };
  if (order.state !== 'held') return { kind: order.state, ...(order.closedAt !== undefined ? { closedAt: order.closedAt } : {}) };
  if (order.dispute) {
    const { openedAt, reason } = order.dispute;
    return {
      kind: 'disputed',
      openedAt,
      reason,
      ...(order.pausedRemainingMs !== undefined ? { remainingMs: order.pausedRemainingMs } : {}),
    };
  }
  if (!order.shipping) return { kind: 'held' };
  const { kind, shippedAt } = order.shipping;
  return { kind: 'shipped', shipping: kind, shippedAt, releaseAt: order.releaseAt ?? shippedAt + PROTECTION_PERIOD_MS[kind] };
}

/** What the buyer may still do with an order, by the same rules orders.ts enforces. */
export interface BuyerActions {
  /** Only once shipped: before that, cancelling is how to get out. */
  confirmReceipt: boolean;
  /** Before shipment, during the payment check too. */
  cancel: boolean;
  /** Only once the payment is out of check. */
  dispute: boolean;
}

export function buyerActionsFor(order: OrderRecord): BuyerActions {
  const held = order.state === 'held';
  return {
    confirmReceipt: held && order.shipping !== undefined,
    cancel: holdsMoney(order) && order.shipping === undefined,
    dispute: held && order.dispute === undefined,
  };
}

export interface RefundView {
  refund: RefundRecord;
  /** The card a refund to a card goes back to, when the wallet still knows it. */
  card?: CardRecord;
}

export interface OrderView {
  order: OrderRecord;
  /** The card that paid, or that topped up the difference. */
  card?: CardRecord;
  /** Oldest first, as they happened. */
  refunds: RefundView[];
  refundedMinor: number;
  /** What escrow still holds for the shop (nothing once the order is closed). */
  heldMinor: number;
}

export interface OrdersPage {
  orders: OrderView[];
  /** Whether older orders remain beyond this page. */
  more: boolean;
}

/**
 * The newest `limit` orders with their refunds and cards, read through the `paidAt` index and
 * then only for the orders shown, so the cost follows the page, not the number of orders.
 */
export async function ordersNewestFirst(db: WalletDatabase, limit: number): Promise<OrdersPage> {
  const found = await db.orders
    .orderBy('paidAt')
    .reverse()
    .limit(limit + 1)
    .toArray();
  const orders = found.slice(0, limit);
  const refunds =
    orders.length === 0
      ? []
      : await db.refunds
          .where('orderKey')
          .anyOf(orders.map((order) => order.id))
          .sortBy('createdAt');
  const cardIds = [...new Set([...orders.map((order) => order.cardId), ...refunds.map((refund) => refund.cardId)])].filter(
    (id): id is string => id !== undefined,
  );
  const cards = new Map((await db.cards.bulkGet(cardIds)).filter((card) => card !== undefined).map((card) => [card.id, card]));
  const withCard = <T extends object>(value: T, cardId: string | undefined): T & { card?: CardRecord } => {
    const card = cardId === undefined ? undefined : cards.get(cardId);
    return card ? { ...value, card } : value;
  };

  return {
    more: found.length > limit,
    orders: orders.map((order) => {
      const own = refunds.filter((refund) => refund.orderKey === order.id).map((refund) => withCard({ refund }, refund.cardId));
      const refundedMinor = own.reduce((sum, { refund }) => sum + refund.amountMinor, 0);
      const heldMinor = holdsMoney(order) ? order.amountMinor - refundedMinor : 0;
      return withCard({ order, refunds: own, refundedMinor, heldMinor }, order.cardId);
    }),
  };
}
