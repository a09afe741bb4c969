import * as z from 'zod/mini';
import { currencyCode } from '../money-schema';

/** The wallet's own settings: one row, written at sign-up and by the profile. */
export const walletRecord = z.strictObject({
  id: z.literal('wallet'),
  /** Chosen at sign-up; the wallet never converts between currencies. */
  currency: currencyCode,
  verified: z.boolean(),
  /** "Receive refunds to my wallet": fast refunds to the balance instead of slow ones to the card. */
  refundsToWallet: z.boolean(),
  openedAt: z.int(),
  /** The last payment, top-up or sign-in, which keeps the account active; absent until the first. */
  lastActivityAt: z.optional(z.int()),
  /** The card checkout and top-ups offer first. */
  defaultCardId: z.optional(z.string()),
});
export type WalletRecord = z.infer<typeof walletRecord>;
