import * as z from 'zod/mini';
import { orderStatus } from './checkout';

export const approvalId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));
/** A confirm window opened, or an open one for the same request found again. */
export const openedApproval = z.strictObject({ approvalId, reused: z.boolean() });

/**
 * The answers a content script needs. Kept apart from the other answers so the content script,
 * which runs on every storefront page, bundles only these schemas (its size budget).
 */
export const checkoutResults = {
  'inline.present': z.strictObject({ registered: z.literal(true) }),
  'approval.openOrder': openedApproval,
  'merchant.status': z.strictObject({ status: orderStatus }),
  'merchant.ship': z.strictObject({ status: orderStatus }),
  'merchant.refund': z.strictObject({ status: orderStatus }),
  'merchant.releaseDispute': z.strictObject({ status: orderStatus }),
};
