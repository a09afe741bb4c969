import { days } from '../../business-days';
import { ACCOUNTS } from '../accounts';
import { isRefusal, moneyTables, type WalletContext } from '../context';
import { refundOrder, refundedMinor } from '../refunds/refunds';
import type { ClaimRecord } from '../records';
import { refuse, type WalletResult } from '../result';

/** Unauthorised transfers can be claimed within 90 days, as with the real wallet. */
export const CLAIM_WINDOW_MS = days(90);
/** How long the (simulated) review takes before the money comes back. */
export const CLAIM_REVIEW_MS = days(5);

/**
 * Opens a claim that the shopper did not make a purchase. The review is simulated by the clock
 * and, with no merchant evidence to weigh, finds for the shopper: the order is refunded in full.
 */
export async function openClaim(
  context: WalletContext,
  request: { claimId: string; transferId: string; reason: string },
): Promise<WalletResult<{ claim: ClaimRecord; replayed: boolean }>> {
  const { db, clock } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const existing = await db.claims.get(request.claimId);
    if (existing)
      return existing.transferId === request.transferId
        ? { ok: true as const, claim: existing, replayed: true }
        : refuse('INVALID_REQUEST', 'exists_with_different_fields', 'This claim id was used for another transfer.');
    const transfer = await db.transfers.get(request.transferId);
    const paidByShopper =
      transfer &&
      transfer.code === 'purchase' &&
      transfer.kind === 'pending' &&
      (transfer.debitAccountId === ACCOUNTS.shopper || transfer.debitAccountId === ACCOUNTS.cardNetwork);
    if (!transfer || !paidByShopper || !transfer.orderId)
      return refuse('NOT_FOUND', 'claimable_transfer_not_found', 'Choose a purchase from your history to claim.');
    const now = clock.now();
    if (now - transfer.timestamp > CLAIM_WINDOW_MS)
      return refuse('LIMIT_EXCEEDED', 'claim_window_passed', 'Claims can be opened within 90 days of the purchase.');
    if ((await db.claims.where('transferId').equals(request.transferId).count()) > 0)
      return refuse('ALREADY_DONE', 'claim_exists', 'A claim for this purchase is already open.');
    const claim: ClaimRecord = {
      id: request.claimId,
      transferId: transfer.id,
      orderKey: transfer.orderId,
      reason: request.reason,
      openedAt: now,
      state: 'in_review',
    };
    await db.claims.add(claim);
    await db.jobs.add({ id: `review_claim:${claim.id}`, kind: 'review_claim', ref: claim.id, dueAt: now + CLAIM_REVIEW_MS });
    return { ok: true as const, claim, replayed: false };
  });
}

/** Finishes a claim's review: whatever of the order is still unrefunded comes back. Run by the job sweeper. */
export async function reviewClaim(context: WalletContext, claimId: string): Promise<WalletResult<object>> {
  const { db, clock } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const claim = await db.claims.get(claimId);
    if (!claim || claim.state !== 'in_review' || !claim.orderKey) return { ok: true as const };
    const order = await db.orders.get(claim.orderKey);
    if (!order) return refuse('NOT_FOUND', 'order_not_found', 'The claimed order is missing.');
    const remainingMinor = order.amountMinor - (await refundedMinor(context, order.id));
    if (remainingMinor > 0 && order.state !== 'cancelled') {
      const result = await refundOrder(context, order.origin, order.orderId, {
        refundId: `claim:${claim.id}`,
        amountMinor: remainingMinor,
        reason: `Claim: ${claim.reason}`,
      });
      if (isRefusal(result)) return result;
    }
    await db.claims.put({ ...claim, state: 'refunded', resolvedAt: clock.now() });
    return { ok: true as const };
  });
}
