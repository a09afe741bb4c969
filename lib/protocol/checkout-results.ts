import * as z from 'zod/mini';
import { walletBalance } from '../wallet/balance-schema';
import { orderStatus } from './checkout';

export const approvalId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

/**
 * The answers a content script needs. Kept apart from the other answers so the content script,
 * which runs on every storefront page, bundles only these schemas (its size budget).
 */
export const checkoutResults = {
  'wallet.balance': walletBalance,
  'approval.open': z.strictObject({ approvalId, reused: z.boolean() }),
  'approval.openOrder': z.strictObject({ approvalId, reused: z.boolean() }),
  'approval.openFill': z.strictObject({ approvalId, reused: z.boolean() }),
  'merchant.status': z.strictObject({ status: orderStatus }),
  'merchant.ship': z.strictObject({ status: orderStatus }),
  'merchant.refund': z.strictObject({ status: orderStatus }),
  'merchant.releaseDispute': z.strictObject({ status: orderStatus }),
};
