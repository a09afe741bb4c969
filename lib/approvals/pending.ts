import { fillRequest } from '../protocol/card-fill';
import { buyerAction, offer } from '../protocol/checkout';
import * as z from 'zod/mini';

/** What a page asked the shopper to approve: paying an offer, or a buyer's action on an order. */
export const approvalSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('payment'), offer }),
  z.strictObject({ kind: z.literal('order'), action: buyerAction }),
  z.extend(fillRequest, { kind: z.literal('fill') }),
]);
export type ApprovalSubject = z.infer<typeof approvalSubject>;

/** An approval waiting in its confirm window, as kept in session storage. */
export const pendingApproval = z.strictObject({
  approvalId: z.string(),
  origin: z.string(),
  tabId: z.int(),
  frameId: z.int(),
  requestId: z.string(),
  subject: approvalSubject,
  windowId: z.optional(z.int()),
});
export type PendingApproval = z.infer<typeof pendingApproval>;
