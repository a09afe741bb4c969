import * as z from 'zod/mini';
import { amountMinor, currencyCode } from '../money-schema';
import { clockAnchor } from '../clock';
import { transfer } from '../ledger/transfer';
import { historyQuery } from '../wallet/history-query';
import { claimRecord, orderRecord, paymentMethod, refundRecord, shippingKind, topUpRecord } from '../wallet/records';
import { topUpMethod } from '../wallet/top-up-rules';
import { walletRecord } from '../wallet/wallet-record';
import { offer } from './checkout';
import { approvalId, checkoutResults } from './checkout-results';

/**
 * Messages between the extension's own parts (content script, popup, confirm window) and the
 * background, namespaced by concern. The background parses every one before use.
 */
const recordId = z.string().check(z.minLength(1), z.maxLength(100));

export const runtimeRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('wallet.balance') }),
  /** From a content script: the shopper clicked Pay with wallet on the offer it received with this request id. */
  z.strictObject({ type: z.literal('approval.open'), requestId: z.string(), offer }),
  /** From the confirm window: what it is asked to approve. */
  z.strictObject({ type: z.literal('approval.get'), approvalId }),
  z.strictObject({ type: z.literal('approval.reject'), approvalId }),
  /** From the confirm window: the shopper approved paying this approval's offer. */
  z.strictObject({ type: z.literal('approval.pay'), approvalId, method: paymentMethod, cardId: z.optional(recordId) }),
  z.strictObject({ type: z.literal('wallet.state') }),
  z.strictObject({ type: z.literal('wallet.open'), currency: currencyCode }),
  z.strictObject({ type: z.literal('topUps.create'), id: recordId, method: topUpMethod, amountMinor, cardId: z.optional(recordId) }),
  /** The buyer's actions on an order, from the wallet's own pages. */
  z.strictObject({ type: z.literal('orders.cancel'), origin: z.string(), orderId: z.string() }),
  z.strictObject({ type: z.literal('orders.confirmReceipt'), origin: z.string(), orderId: z.string() }),
  z.strictObject({
    type: z.literal('orders.dispute'),
    origin: z.string(),
    orderId: z.string(),
    reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  z.strictObject({
    type: z.literal('claims.open'),
    claimId: recordId,
    transferId: z.string(),
    reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  z.strictObject({ type: z.literal('history.page'), query: historyQuery }),
  /** The merchant's actions, relayed by the content script; the origin is always the sender's, as the browser reports it. */
  z.strictObject({ type: z.literal('merchant.ship'), orderId: z.string(), shipping: shippingKind }),
  z.strictObject({
    type: z.literal('merchant.refund'),
    orderId: z.string(),
    refundId: recordId,
    amountMinor: amountMinor.check(z.minimum(1)),
    reason: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  z.strictObject({ type: z.literal('merchant.releaseDispute'), orderId: z.string() }),
  /** Demo speed-up of simulated time (settlement, escrow release, reviews). */
  z.strictObject({ type: z.literal('clock.setSpeedup'), speedup: z.number().check(z.minimum(1), z.maximum(100_000)) }),
]);
export type RuntimeRequest = z.infer<typeof runtimeRequest>;
export type RuntimeRequestType = RuntimeRequest['type'];

export const approvalView = z.strictObject({
  approvalId,
  /** The merchant origin as the browser reported the sender, never as the page claims. */
  origin: z.string(),
  offer,
});
export type ApprovalView = z.infer<typeof approvalView>;

/** What each request answers with when it succeeds. */
export const runtimeResults = {
  ...checkoutResults,
  'approval.get': approvalView,
  'approval.reject': z.strictObject({ rejected: z.literal(true) }),
  'approval.pay': z.strictObject({ order: orderRecord, replayed: z.boolean() }),
  'wallet.state': z.strictObject({ wallet: z.nullable(walletRecord) }),
  'wallet.open': z.strictObject({ wallet: walletRecord }),
  'topUps.create': z.strictObject({ topUp: topUpRecord, replayed: z.boolean() }),
  'orders.cancel': z.strictObject({ order: orderRecord }),
  'orders.confirmReceipt': z.strictObject({ order: orderRecord }),
  'orders.dispute': z.strictObject({ order: orderRecord }),
  'claims.open': z.strictObject({ claim: claimRecord, replayed: z.boolean() }),
  'history.page': z.strictObject({
    transfers: z.array(transfer),
    nextCursor: z.optional(z.strictObject({ timestamp: z.int(), id: z.string() })),
  }),
  'clock.setSpeedup': clockAnchor,
  'merchant.ship': z.strictObject({ order: orderRecord }),
  'merchant.refund': z.strictObject({ order: orderRecord, refund: refundRecord, replayed: z.boolean() }),
  'merchant.releaseDispute': z.strictObject({ order: orderRecord }),
} satisfies Record<RuntimeRequestType, z.core.SomeType>;

export type RuntimeResult<Type extends RuntimeRequestType> = z.infer<(typeof runtimeResults)[Type]>;

export { runtimeResponse, type RuntimeResponse } from './runtime-response';
