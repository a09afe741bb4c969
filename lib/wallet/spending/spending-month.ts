import * as z from 'zod/mini';
import { amountMinor, currencyCode } from '../../money-schema';

/** A month of the shopper's calendar, `YYYY-MM`. */
export const calendarMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** Where the money of a month's orders went: to the shops, still held, or back to the shopper. */
export const spendingSplit = z.strictObject({ paidMinor: amountMinor, heldMinor: amountMinor, refundedMinor: amountMinor });
export type SpendingSplit = z.infer<typeof spendingSplit>;

/**
 * The orders paid in one month, kept as totals so the overview reads twelve rows however many
 * orders there were; `lib/wallet/totals/` keeps them with every order and refund written.
 */
export const spendingMonth = z.strictObject({ currency: currencyCode, month: calendarMonth, ...spendingSplit.shape });
export type SpendingMonth = z.infer<typeof spendingMonth>;
