import { Dexie } from 'dexie';
import type { WalletDatabase } from '../../db';
import type { Transfer } from '../../ledger/transfer';
import { ACCOUNTS } from '../accounts';
import { CLAIM_WINDOW_MS } from './claims';
import { holdId } from '../orders/order-key';
import type { OrderRecord } from '../records';

/** A purchase the shopper may still say they did not make. */
export interface ClaimablePurchase {
  /** The purchase's original hold, the transfer a claim names. */
  transferId: string;
  order: OrderRecord;
  paidAt: number;
}

/**
 * The rule openClaim applies, plus one of its own: a claim names the purchase itself (the order's
 * first hold, not a smaller hold a partial refund left behind), paid by the shopper from the
 * balance or a card, within the 90-day window by the wallet's clock.
 */
export function isClaimablePurchase(transfer: Transfer, now: number): boolean {
  return (
    transfer.code === 'purchase' &&
    transfer.kind === 'pending' &&
    (transfer.debitAccountId === ACCOUNTS.shopper || transfer.debitAccountId === ACCOUNTS.cardNetwork) &&
    transfer.orderId !== undefined &&
    transfer.id === holdId(transfer.orderId) &&
    now - transfer.timestamp <= CLAIM_WINDOW_MS
  );
}

/**
 * The purchases a claim can still be opened for, newest first: claimable, not claimed yet, and with
 * money left to give back (a cancelled or fully refunded order has none). Purchases are read through
 * the `[code+timestamp]` index from the window's start only, never the whole history.
 */
export async function claimablePurchases(db: WalletDatabase, now: number): Promise<ClaimablePurchase[]> {
  const purchases = (
    await db.transfers
      .where('[code+timestamp]')
      .between(['purchase', now - CLAIM_WINDOW_MS], ['purchase', Dexie.maxKey], true, true)
      .reverse()
      .toArray()
  ).filter((transfer) => isClaimablePurchase(transfer, now));
  if (purchases.length === 0) return [];
  const ids = purchases.map((transfer) => transfer.id);
  const [claims, orders] = await Promise.all([
    db.claims.where('transferId').anyOf(ids).toArray(),
    db.orders.bulkGet(purchases.map((transfer) => transfer.orderId!)),
  ]);
  const claimed = new Set(claims.map((claim) => claim.transferId));
  return purchases.flatMap((transfer, index) => {
    const order = orders[index];
    const open = order !== undefined && order.state !== 'cancelled' && order.state !== 'refunded';
    return open && !claimed.has(transfer.id) ? [{ transferId: transfer.id, order, paidAt: transfer.timestamp }] : [];
  });
}
