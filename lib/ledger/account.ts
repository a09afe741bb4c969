import * as z from 'zod/mini';
import { amountMinor, currencyCode } from '../money-schema';

export const accountId = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * A ledger account with TigerBeetle's four balances. Balances are kept up to date in the same
 * IndexedDB transaction as each transfer, so reading one is a single `get`.
 */
export const account = z.strictObject({
  id: accountId,
  currency: currencyCode,
  debitsPending: amountMinor,
  debitsPosted: amountMinor,
  creditsPending: amountMinor,
  creditsPosted: amountMinor,
  /** The shopper's accounts may never have debits exceed credits; external ones may. */
  debitsMustNotExceedCredits: z.boolean(),
  /** The most the account may hold, counting credits still pending (the wallet's balance cap). */
  balanceLimitMinor: z.optional(amountMinor),
});
export type Account = z.infer<typeof account>;

/** What a caller states to open an account; balances always start at zero. */
export const accountInput = z.strictObject({
  id: accountId,
  currency: currencyCode,
  debitsMustNotExceedCredits: z.boolean(),
  balanceLimitMinor: z.optional(amountMinor),
});
export type AccountInput = z.infer<typeof accountInput>;
