import * as z from 'zod/mini';
import { transferCode } from '../../ledger/transfer';
import { amountMinor } from '../../money-schema';

/** A history page request; kept apart from the query code so pages that only send it do not load Dexie. */
export const historyQuery = z.strictObject({
  accountId: z.optional(z.string()),
  code: z.optional(transferCode),
  orderKey: z.optional(z.string()),
  /** Inclusive bounds on the transfer's timestamp. */
  from: z.optional(z.int()),
  to: z.optional(z.int()),
  /** Inclusive bounds on the transfer's amount in minor units. */
  minAmountMinor: z.optional(amountMinor),
  maxAmountMinor: z.optional(amountMinor),
  /** Where the previous page ended: the last transfer's timestamp and id. */
  cursor: z.optional(z.strictObject({ timestamp: z.int(), id: z.string() })),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
});
export type HistoryQuery = z.infer<typeof historyQuery>;
