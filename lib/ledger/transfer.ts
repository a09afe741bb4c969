import * as z from 'zod/mini';
import { amountMinor, currencyCode } from '../money-schema';
import { accountId } from './account';

/**
 * Why money moved, in TigerBeetle's sense of a transfer `code`. A card check charges a newly
 * linked card one minor unit and refunds it: two movements, so the card's statement shows both.
 */
export const transferCode = z.enum(['top_up', 'purchase', 'refund', 'fee', 'card_refund', 'card_check', 'card_check_refund']);
export type TransferCode = z.infer<typeof transferCode>;

export const transferId = z.string().check(z.minLength(1), z.maxLength(200));
const reference = z.optional(z.string().check(z.minLength(1), z.maxLength(200)));

/** A transfer that names both accounts: posted at once (`single`) or held as `pending`. */
const movement = {
  id: transferId,
  debitAccountId: accountId,
  creditAccountId: accountId,
  amountMinor: amountMinor.check(z.minimum(1)),
  currency: currencyCode,
  code: transferCode,
  orderId: reference,
  paymentId: reference,
};

/** What a caller submits. Post and void name the pending transfer and take the rest from it. */
export const transferInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('single'), ...movement }),
  z.strictObject({ kind: z.literal('pending'), ...movement }),
  /** Posts the pending transfer, in full or for less (the rest goes back to the debit account). */
  z.strictObject({ kind: z.literal('post_pending'), id: transferId, pendingId: transferId, amountMinor: z.optional(amountMinor) }),
  z.strictObject({ kind: z.literal('void_pending'), id: transferId, pendingId: transferId }),
]);
export type TransferInput = z.infer<typeof transferInput>;

/**
 * An immutable, append-only transfer as stored: post and void carry the accounts, currency,
 * code and references of the pending transfer they resolve, and the amount they moved or released.
 */
export const transfer = z.strictObject({
  ...movement,
  amountMinor,
  kind: z.enum(['single', 'pending', 'post_pending', 'void_pending']),
  pendingId: z.optional(transferId),
  timestamp: z.int(),
});
export type Transfer = z.infer<typeof transfer>;
export type TransferKind = Transfer['kind'];
