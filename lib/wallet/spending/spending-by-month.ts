import type { WalletDatabase } from '../../db';
import { monthsAfter } from '../../local-day';
import type { CurrencyCode } from '../../money';
import type { SpendingSplit } from './spending-month';

/** How many months the overview shows, the last one the month the wallet's clock is in. */
export const SPENDING_MONTHS = 12;

export interface SpendingByMonth {
  currency: CurrencyCode;
  /** Every month of the span, oldest first, each with what its orders came to (nothing for a month without any). */
  months: ({ month: string } & SpendingSplit)[];
  /** Whether the wallet paid for any order at all, in the span or before it. */
  anyOrders: boolean;
}

/**
 * The wallet's spending in the `SPENDING_MONTHS` months up to `lastMonth` (`YYYY-MM` of the
 * shopper's calendar), in the wallet's own currency: one range of the kept monthly totals, so a
 * wallet of years of orders reads as few rows as a new one. Undefined before the wallet exists.
 */
export async function spendingByMonth(db: WalletDatabase, lastMonth: string): Promise<SpendingByMonth | undefined> {
  const wallet = await db.wallet.get('wallet');
  if (!wallet) return undefined;
  const firstMonth = monthsAfter(lastMonth, 1 - SPENDING_MONTHS);
  const [kept, anyRow] = await Promise.all([
    db.spendingMonths.where('[currency+month]').between([wallet.currency, firstMonth], [wallet.currency, lastMonth], true, true).toArray(),
    db.spendingMonths.where('[currency+month]').between([wallet.currency, ''], [wallet.currency, '\uffff']).first(),
  ]);
  const byMonth = new Map(kept.map((row) => [row.month, row]));
  const months = Array.from({ length: SPENDING_MONTHS }, (_, index) => {
    const month = monthsAfter(firstMonth, index);
    const row = byMonth.get(month);
    return { month, paidMinor: row?.paidMinor ?? 0, heldMinor: row?.heldMinor ?? 0, refundedMinor: row?.refundedMinor ?? 0 };
  });
  return { currency: wallet.currency, months, anyOrders: anyRow !== undefined };
}
