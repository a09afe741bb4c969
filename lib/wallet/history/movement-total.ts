import * as z from 'zod/mini';
import { transferCode } from '../../ledger/transfer';
import { amountMinor, currencyCode } from '../../money-schema';

/**
 * The history's movements of one kind in one day, month or year of the shopper's calendar, summed
 * by direction as the history shows them: a hold counts for what it still holds or was posted for,
 * a voided one not at all. Days answer a filter's first and last month, months its first and last
 * year, years the rest, so the totals of any dates take a few dozen rows however many movements
 * they hold. `lib/wallet/totals/` keeps them with every transfer.
 */
export const movementTotal = z.strictObject({
  currency: currencyCode,
  unit: z.enum(['day', 'month', 'year']),
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, `YYYY` for a year. */
  period: z.string(),
  code: transferCode,
  inMinor: amountMinor,
  outMinor: amountMinor,
});
export type MovementTotal = z.infer<typeof movementTotal>;
export type MovementUnit = MovementTotal['unit'];
export type MovementTotalKey = [MovementTotal['currency'], MovementUnit, string, MovementTotal['code']];
