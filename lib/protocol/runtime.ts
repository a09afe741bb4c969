import { walletBalance } from '../wallet/balance-schema';
import * as z from 'zod/mini';
import { offer, paymentOutcome } from './checkout';
import { protocolError } from './errors';

/**
 * Messages between the extension's own parts (content script, popup, confirm window) and the
 * background, namespaced by concern. The background parses every one before use.
 */
const approvalId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

export const runtimeRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('wallet.balance') }),
  /** From a content script: the shopper clicked Pay with wallet on the offer it received with this request id. */
  z.strictObject({ type: z.literal('approval.open'), requestId: z.string(), offer }),
  /** From the confirm window: what it is asked to approve. */
  z.strictObject({ type: z.literal('approval.get'), approvalId }),
  z.strictObject({ type: z.literal('approval.reject'), approvalId }),
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
  'wallet.balance': walletBalance,
  'approval.open': z.strictObject({ approvalId, reused: z.boolean() }),
  'approval.get': approvalView,
  'approval.reject': z.strictObject({ rejected: z.literal(true) }),
} satisfies Record<RuntimeRequestType, z.core.SomeType>;

export type RuntimeResult<Type extends RuntimeRequestType> = z.infer<(typeof runtimeResults)[Type]>;

export const runtimeResponse = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: protocolError }),
]);
export type RuntimeResponse = z.infer<typeof runtimeResponse>;

/** Messages the background pushes to a content script about a page's offer. */
export const tabNotice = z.strictObject({
  type: z.literal('payment.outcome'),
  requestId: z.string(),
  outcome: paymentOutcome,
});
export type TabNotice = z.infer<typeof tabNotice>;
