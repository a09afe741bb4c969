import type { PaymentAuthorisation } from '../../account/payment-auth';
import { isRefusal, moneyTables, type WalletContext } from '../context';
import { fromLedgerFailure } from '../ledger-refusal';
import { orderKey } from './order-key';
import { holdsMoney } from './order-state';
import { paymentCheckJobId, refuseWhileInCheck } from './payment-check';
import { PROTECTION_PERIOD_MS } from './protection';
import type { ShippingKind } from '../../protocol/checkout';
import type { OrderRecord } from '../records';
import { refuse, type Refusal, type WalletResult } from '../result';

export type OrderResult = Promise<WalletResult<{ order: OrderRecord }>>;

const releaseJobId = (key: string) => `release_order:${key}`;

/** Sets (or moves) the job that releases an order's escrow when its protection period ends. */
const scheduleRelease = (context: WalletContext, key: string, dueAt: number) =>
  context.db.jobs.put({ id: releaseJobId(key), kind: 'release_order', ref: key, dueAt });

/** Finds an order by the origin that asks and its order id: another origin's orders are simply not there. */
export async function findOrder(context: WalletContext, origin: string, orderId: string): Promise<OrderRecord | Refusal> {
  const order = await context.db.orders.get(orderKey(origin, orderId));
  return order ?? refuse('NOT_FOUND', 'order_not_found', `No order ${orderId} was paid to ${origin} through this wallet.`);
}

function requireHeld(order: OrderRecord): Refusal | undefined {
  if (holdsMoney(order)) return undefined;
  return refuse('ALREADY_DONE', `order_${order.state}`, `Order ${order.orderId} is ${order.state}; its money is no longer held.`);
}

/** Settles the order's hold: `post` pays the merchant what is still held, `void` returns it. */
async function settleHold(context: WalletContext, order: OrderRecord, action: 'post' | 'void', what: string) {
  const id = `${action}:${order.holdTransferId}`;
  const submitted = await context.ledger.submit([
    action === 'post'
      ? { kind: 'post_pending', id, pendingId: order.holdTransferId }
      : { kind: 'void_pending', id, pendingId: order.holdTransferId },
  ]);
  return submitted.ok ? undefined : fromLedgerFailure(submitted.failure, what);
}

async function close(context: WalletContext, order: OrderRecord, state: OrderRecord['state']): Promise<OrderRecord> {
  const closed: OrderRecord = { ...order, state, closedAt: context.clock.now() };
  delete closed.checkEndsAt;
  delete closed.releaseAt;
  delete closed.pausedRemainingMs;
  await context.db.orders.put(closed);
  await context.db.jobs.bulkDelete([paymentCheckJobId(order.id), releaseJobId(order.id)]);
  return closed;
}

/** One read-check-write transaction per order action, so two windows acting on one order cannot both succeed. */
function withOrder(
  context: WalletContext,
  origin: string,
  orderId: string,
  action: (order: OrderRecord) => Promise<WalletResult<{ order: OrderRecord }>>,
): OrderResult {
  return context.db.transaction('rw', moneyTables(context.db), async () => {
    const order = await findOrder(context, origin, orderId);
    return isRefusal(order) ? order : action(order);
  });
}

/** Cancelling before shipment, in check or after, gives the whole hold back at once. */
export function cancelOrder(context: WalletContext, origin: string, orderId: string): OrderResult {
  return withOrder(context, origin, orderId, async (order) => {
    const notHeld = requireHeld(order);
    if (notHeld) return notHeld;
    if (order.shipping)
      return refuse(
        'ALREADY_DONE',
        'already_shipped',
        'The order has shipped, so it can no longer be cancelled: ask the seller for a refund or open a dispute.',
      );
    const failed = await settleHold(context, order, 'void', 'Cancelling this order');
    return failed ?? { ok: true as const, order: await close(context, order, 'cancelled') };
  });
}

/** The merchant ships, once the payment is out of check: the protection period starts, after which escrow releases by itself. */
export function shipOrder(context: WalletContext, origin: string, orderId: string, kind: ShippingKind): OrderResult {
  return withOrder(context, origin, orderId, async (order) => {
    const refused = requireHeld(order) ?? refuseWhileInCheck(order, 'ship it once the wallet has accepted the payment.');
    if (refused) return refused;
    if (order.shipping) return refuse('ALREADY_DONE', 'already_shipped', `Order ${orderId} was already marked shipped.`);
    const now = context.clock.now();
    const period = PROTECTION_PERIOD_MS[kind];
    const shipped: OrderRecord = { ...order, shipping: { kind, shippedAt: now } };
    if (order.dispute) shipped.pausedRemainingMs = period;
    else {
      shipped.releaseAt = now + period;
      await scheduleRelease(context, order.id, shipped.releaseAt);
    }
    await context.db.orders.put(shipped);
    return { ok: true as const, order: shipped };
  });
}

/** The buyer confirms receipt: the merchant is paid what is held, so it takes the payment password's authorisation. */
export function confirmReceipt(context: WalletContext, origin: string, orderId: string, _authorisation: PaymentAuthorisation): OrderResult {
  return withOrder(context, origin, orderId, async (order) => {
    const refused = requireHeld(order) ?? refuseWhileInCheck(order, 'nothing can have arrived yet; cancel it if you no longer want it.');
    if (refused) return refused;
    if (!order.shipping)
      return refuse(
        'INVALID_REQUEST',
        'not_shipped',
        'The seller has not shipped this order yet; cancel it instead if you no longer want it.',
      );
    const failed = await settleHold(context, order, 'post', 'Confirming receipt');
    return failed ?? { ok: true as const, order: await close(context, order, 'released') };
  });
}

/** The protection period ran out with no dispute open: escrow releases. Run by the job sweeper. */
export async function releaseIfDue(context: WalletContext, key: string): Promise<WalletResult<object>> {
  return context.db.transaction('rw', moneyTables(context.db), async () => {
    const order = await context.db.orders.get(key);
    if (!order || order.state !== 'held' || order.dispute || order.releaseAt === undefined || order.releaseAt > context.clock.now())
      return { ok: true as const };
    const failed = await settleHold(context, order, 'post', 'Releasing this order');
    if (failed) return failed;
    await close(context, order, 'released');
    return { ok: true as const };
  });
}

/**
 * A dispute, open only while the money is held in escrow, pauses the protection clock. During the
 * payment check the shop has not been told to ship, so there is nothing to dispute: cancelling
 * gives the money back at once.
 */
export function openDispute(context: WalletContext, origin: string, orderId: string, reason: string): OrderResult {
  return withOrder(context, origin, orderId, async (order) => {
    const refused = requireHeld(order) ?? refuseWhileInCheck(order, 'cancel it instead to have the money back at once.');
    if (refused) return refused;
    if (order.dispute) return refuse('ALREADY_DONE', 'dispute_open', 'A dispute is already open for this order.');
    const now = context.clock.now();
    const disputed: OrderRecord = { ...order, dispute: { openedAt: now, reason } };
    if (order.releaseAt !== undefined) {
      disputed.pausedRemainingMs = Math.max(0, order.releaseAt - now);
      delete disputed.releaseAt;
      await context.db.jobs.delete(releaseJobId(order.id));
    }
    await context.db.orders.put(disputed);
    return { ok: true as const, order: disputed };
  });
}

/**
 * Ends a dispute. Resolving by release pays the merchant; a dispute settled by a refund closes
 * through refundOrder, which resumes the clock for whatever stays held.
 */
export function releaseDisputedOrder(context: WalletContext, origin: string, orderId: string): OrderResult {
  return withOrder(context, origin, orderId, async (order) => {
    const notHeld = requireHeld(order);
    if (notHeld) return notHeld;
    if (!order.dispute) return refuse('INVALID_REQUEST', 'no_dispute', 'No dispute is open for this order.');
    const failed = await settleHold(context, order, 'post', 'Releasing this order');
    if (failed) return failed;
    const released = await close(context, order, 'released');
    return { ok: true as const, order: released };
  });
}

/** Restarts the paused protection clock once a dispute closes with money still held. */
export async function resumeAfterDispute(context: WalletContext, order: OrderRecord): Promise<OrderRecord> {
  const resumed: OrderRecord = { ...order };
  delete resumed.dispute;
  if (order.pausedRemainingMs !== undefined) {
    resumed.releaseAt = context.clock.now() + order.pausedRemainingMs;
    delete resumed.pausedRemainingMs;
    await scheduleRelease(context, order.id, resumed.releaseAt);
  }
  await context.db.orders.put(resumed);
  return resumed;
}

export { close as closeOrder };
