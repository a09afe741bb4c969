import type { WalletDatabase } from '../../db';
import { moneyTables, type WalletContext } from '../context';
import type { CardLabel, OrderRecord } from '../records';
import { refuse, type Refusal, type WalletResult } from '../result';
import type { WalletRecord } from '../wallet-record';

/**
 * How long a payment stays in check: the articles promise a decision within 24 hours, and the
 * simulated check takes all of it, so the date the shopper and the shop are shown is the date it
 * happens.
 */
export const PAYMENT_CHECK_MS = 24 * 60 * 60 * 1000;

export const paymentCheckJobId = (key: string) => `end_payment_check:${key}`;

/**
 * A purchase is checked first unless the wallet vouches for the shopper: an identity that was
 * verified, or a saved card that passed its card check. A card typed once at checkout and not
 * saved is checked too, but it is not linked to the wallet, so it does not vouch. The confirm
 * window asks the same with the wallet and cards it was given.
 */
export const vouchesForShopper = (
  wallet: Pick<WalletRecord, 'verified'>,
  cards: readonly Pick<CardLabel, 'status' | 'checkedAt'>[],
): boolean => wallet.verified || cards.some((card) => card.status === 'saved' && card.checkedAt !== undefined);

export const needsPaymentCheck = async (db: WalletDatabase, wallet: WalletRecord): Promise<boolean> =>
  // A verified wallet needs no look at its cards.
  !wallet.verified && !vouchesForShopper(wallet, await db.cards.toArray());

/** A paid order that goes into its check first: the money is held, the clock accepts it a day later. */
export const inPaymentCheck = (order: OrderRecord): OrderRecord => ({
  ...order,
  state: 'checking',
  checkEndsAt: order.paidAt + PAYMENT_CHECK_MS,
});

/** The job that ends an order's check, written inside the payment's transaction. */
export const schedulePaymentCheck = (db: WalletDatabase, order: OrderRecord) =>
  db.jobs.put({
    id: paymentCheckJobId(order.id),
    kind: 'end_payment_check',
    ref: order.id,
    dueAt: order.checkEndsAt ?? order.paidAt + PAYMENT_CHECK_MS,
  });

/**
 * What the shop and the buyer may not do while the payment is in check: ship it, confirm its
 * receipt or dispute it. Cancelling and refunding give money back, so they stay open.
 */
export function refuseWhileInCheck(order: OrderRecord, what: string): Refusal | undefined {
  if (order.state !== 'checking') return undefined;
  return refuse(
    'INVALID_REQUEST',
    'payment_in_check',
    `Order ${order.orderId}'s payment is in check until ${new Date(order.checkEndsAt ?? order.paidAt).toISOString()}: ${what}`,
  );
}

/**
 * The check's time is up (the sweeper runs the job at `checkEndsAt`): the order is accepted into
 * escrow, held for the shop to ship. The same pending transfer holds the money, so nothing moves.
 * An order cancelled or refunded in full during its check has nothing left to accept.
 */
export async function endPaymentCheck(context: WalletContext, key: string): Promise<WalletResult<object>> {
  const { db } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const order = await db.orders.get(key);
    if (!order || order.state !== 'checking') return { ok: true as const };
    const accepted: OrderRecord = { ...order, state: 'held' };
    delete accepted.checkEndsAt;
    await db.orders.put(accepted);
    return { ok: true as const };
  });
}
