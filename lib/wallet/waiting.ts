import { Dexie } from 'dexie';
import type { WalletDatabase } from '../db';
import { escrowStateOf } from './orders/order-view';

/** What waits for the shopper, as the toolbar's badge counts it. */
export interface Waiting {
  /** Shipped orders whose receipt only the shopper can confirm (a disputed one waits for the shop instead). */
  toConfirm: number;
  /** Refunds that arrived after the shopper last saw the popup's lists. */
  refundsArrived: number;
  /** Payments still in their check: the shop may not ship them yet, and the shopper may cancel them. */
  inCheck: number;
  /** When the next refund on its way arrives, which changes the count with no change to any record. */
  nextArrivalAt?: number;
}

const inState = (db: WalletDatabase, state: 'checking' | 'held') =>
  db.orders.where('[state+paidAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]);

/**
 * Counts what waits for the shopper at `now`. Refunds count once they have arrived and only if they
 * arrived after `refundsSeenAt` (all of them before the shopper has ever looked). Each part reads one
 * index range, so a long history costs nothing: only open orders and unseen refunds are read.
 */
export async function waitingForShopper(db: WalletDatabase, now: number, refundsSeenAt?: number): Promise<Waiting> {
  const [held, inCheck, refundsArrived, next] = await Promise.all([
    inState(db, 'held').toArray(),
    inState(db, 'checking').count(),
    db.refunds
      .where('arrivesAt')
      .between(refundsSeenAt ?? Dexie.minKey, now, false, true)
      .count(),
    db.refunds.where('arrivesAt').above(now).first(),
  ]);
  return {
    toConfirm: held.filter((order) => escrowStateOf(order).kind === 'shipped').length,
    refundsArrived,
    inCheck,
    ...(next ? { nextArrivalAt: next.arrivesAt } : {}),
  };
}

export const waitingCount = ({ toConfirm, refundsArrived, inCheck }: Waiting): number => toConfirm + refundsArrived + inCheck;
