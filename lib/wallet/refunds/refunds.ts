import { addBusinessDays } from '../../business-days';
import type { TransferInput } from '../../ledger/transfer';
import { cappedBalanceMinor } from '../../ledger/apply';
import { ACCOUNTS, merchantAccount } from '../accounts';
import { describeAmount, isRefusal, moneyTables, type WalletContext } from '../context';
import { fromLedgerFailure } from '../ledger-refusal';
import { nextHoldId } from '../orders/order-key';
import { holdsMoney } from '../orders/order-state';
import { closeOrder, findOrder, resumeAfterDispute } from '../orders/orders';
import type { OrderRecord, RefundRecord } from '../records';
import { refuse, type WalletResult } from '../result';

/** Card issuers take weeks to return money; the wallet's own refunds arrive at once. */
export const CARD_REFUND_BUSINESS_DAYS = 10;

/** What has been refunded of an order so far, whichever way it went. */
export async function refundedMinor(context: WalletContext, orderKey: string): Promise<number> {
  const refunds = await context.db.refunds.where('orderKey').equals(orderKey).toArray();
  return refunds.reduce((sum, refund) => sum + refund.amountMinor, 0);
}

export interface RefundRequest {
  /** The merchant's request id: the same refund sent twice refunds once. */
  refundId: string;
  amountMinor: number;
  reason: string;
}

/** Where a refund goes: card payments back to their card; wallet payments to the wallet, unless the shopper asked for cards. */
function destinationFor(order: OrderRecord, refundsToWallet: boolean): 'wallet' | 'card' {
  if (order.method === 'card') return 'card';
  if (order.method === 'top_up_and_balance' && !refundsToWallet) return 'card';
  return 'wallet';
}

/**
 * Refunds an order, in full or in part, never beyond what was paid less what was refunded.
 * While the money is held (in check or in escrow), the refunded part comes out of the hold (the
 * hold is voided and the rest held again, so escrow protects what remains); after release it is
 * a new transfer from the merchant. A refund to the wallet that would pass the cap goes back to the card instead.
 */
export async function refundOrder(
  context: WalletContext,
  origin: string,
  orderId: string,
  request: RefundRequest,
): Promise<WalletResult<{ order: OrderRecord; refund: RefundRecord; replayed: boolean }>> {
  const { db, ledger, clock } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const order = await findOrder(context, origin, orderId);
    if (isRefusal(order)) return order;
    const refundKey = `${order.id} refund:${request.refundId}`;
    const existing = await db.refunds.get(refundKey);
    if (existing) {
      return existing.amountMinor === request.amountMinor
        ? { ok: true as const, order, refund: existing, replayed: true }
        : refuse('INVALID_REQUEST', 'exists_with_different_fields', `Refund ${request.refundId} was already made for another amount.`);
    }
    if (order.state === 'cancelled' || order.state === 'refunded')
      return refuse('ALREADY_DONE', `order_${order.state}`, `Order ${orderId} is ${order.state}; nothing is left to refund.`);
    const refundableMinor = order.amountMinor - (await refundedMinor(context, order.id));
    if (request.amountMinor > refundableMinor) {
      return refuse(
        'LIMIT_EXCEEDED',
        'refund_exceeds_paid',
        `At most ${describeAmount(refundableMinor, order.currency)} of this order can still be refunded.`,
      );
    }

    const wallet = (await db.wallet.get('wallet'))!;
    let destination = destinationFor(order, wallet.refundsToWallet);
    const now = clock.now();
    const transfers: TransferInput[] = [];
    let updated: OrderRecord = order;
    if (holdsMoney(order)) {
      const remainingMinor = refundableMinor - request.amountMinor;
      transfers.push({ kind: 'void_pending', id: `void:${order.holdTransferId}`, pendingId: order.holdTransferId });
      if (remainingMinor > 0) {
        const hold = (await db.transfers.get(order.holdTransferId))!;
        const reholdId = nextHoldId(order.id, order.holdTransferId);
        transfers.push({
          kind: 'pending',
          id: reholdId,
          debitAccountId: hold.debitAccountId,
          creditAccountId: hold.creditAccountId,
          amountMinor: remainingMinor,
          currency: hold.currency,
          code: 'purchase',
          orderId: order.id,
        });
        updated = { ...order, holdTransferId: reholdId };
      }
      // Money paid from the balance is back in the wallet once voided; to send it to the card instead it moves on.
      if (destination === 'card' && order.method !== 'card') {
        transfers.push({
          kind: 'single',
          id: refundKey,
          debitAccountId: ACCOUNTS.shopper,
          creditAccountId: ACCOUNTS.cardNetwork,
          amountMinor: request.amountMinor,
          currency: order.currency,
          code: 'card_refund',
          orderId: order.id,
        });
      }
    } else {
      const shopper = (await db.accounts.get(ACCOUNTS.shopper))!;
      const fitsInWallet =
        shopper.balanceLimitMinor === undefined || cappedBalanceMinor(shopper) + request.amountMinor <= shopper.balanceLimitMinor;
      if (destination === 'wallet' && !fitsInWallet) {
        if (!order.cardId) {
          return refuse(
            'LIMIT_EXCEEDED',
            'refund_over_cap',
            'This refund would take the wallet over its limit and the order has no card to send it to; the shopper can verify their identity to raise the limit.',
          );
        }
        destination = 'card';
      }
      transfers.push({
        kind: 'single',
        id: refundKey,
        debitAccountId: merchantAccount(order.origin),
        creditAccountId: destination === 'wallet' ? ACCOUNTS.shopper : ACCOUNTS.cardNetwork,
        amountMinor: request.amountMinor,
        currency: order.currency,
        code: destination === 'wallet' ? 'refund' : 'card_refund',
        orderId: order.id,
      });
    }
    const submitted = await ledger.submit(transfers);
    if (!submitted.ok) return fromLedgerFailure(submitted.failure, 'This refund');

    const refund: RefundRecord = {
      id: refundKey,
      orderKey: order.id,
      amountMinor: request.amountMinor,
      currency: order.currency,
      destination,
      reason: request.reason,
      createdAt: now,
      arrivesAt: destination === 'wallet' ? now : addBusinessDays(now, CARD_REFUND_BUSINESS_DAYS),
      ...(destination === 'card' && order.cardId ? { cardId: order.cardId } : {}),
    };
    await db.refunds.add(refund);
    if (holdsMoney(order)) {
      if (request.amountMinor === refundableMinor) updated = await closeOrder(context, updated, 'refunded');
      else if (updated.dispute) updated = await resumeAfterDispute(context, updated);
      else await db.orders.put(updated);
    }
    return { ok: true as const, order: updated, refund, replayed: false };
  });
}
