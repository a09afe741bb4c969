import * as z from 'zod/mini';
import { currencyCode } from '../money-schema';

const balanceField = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

/**
 * A ledger account with TigerBeetle's four balances. Balances are kept up to date in the same
 * transaction as each transfer, so reading one is a single `get`.
 */
export const account = z.object({
  id: z.string().check(z.minLength(1)),
  currency: currencyCode,
  debitsPending: balanceField,
  debitsPosted: balanceField,
  creditsPending: balanceField,
  creditsPosted: balanceField,
  /** The shopper's accounts may never have debits exceed credits; external ones may. */
  debitsMustNotExceedCredits: z.boolean(),
});
export type Account = z.infer<typeof account>;
