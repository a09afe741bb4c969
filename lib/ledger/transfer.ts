import { amountMinor, currencyCode } from '../money-schema';
import * as z from 'zod/mini';

/** Why money moved, in TigerBeetle's sense of a transfer `code`. */
export const transferCode = z.enum(['top_up', 'purchase', 'refund', 'fee']);

/** An immutable, append-only transfer; the caller makes the id and reuses it on retry. */
export const transfer = z.object({
  id: z.string().check(z.minLength(1)),
  debitAccountId: z.string().check(z.minLength(1)),
  creditAccountId: z.string().check(z.minLength(1)),
  amountMinor,
  currency: currencyCode,
  code: transferCode,
  timestamp: z.int(),
  orderId: z.optional(z.string()),
});
export type Transfer = z.infer<typeof transfer>;
