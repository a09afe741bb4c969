import { formatAmount, t, uiLocale } from '@/components/i18n';
import { toDecimalString, type CurrencyCode } from '@/lib/money';
import type { SpendingByMonth } from '@/lib/wallet/spending/spending-by-month';
import type { SpendingSplit } from '@/lib/wallet/spending/spending-month';

/** The parts of a month's bar, bottom to top, with their names as the key and the table give them. */
export const PARTS = [
  { sum: 'paidMinor', name: () => t('spendingPaid') },
  { sum: 'heldMinor', name: () => t('spendingHeld') },
  { sum: 'refundedMinor', name: () => t('spendingRefunded') },
] as const;
export type PartSum = (typeof PARTS)[number]['sum'];

export const totalOf = (split: SpendingSplit): number => split.paidMinor + split.heldMinor + split.refundedMinor;

/** The parts summed over every month shown. */
export const allMonths = (months: readonly SpendingSplit[]): SpendingSplit => ({
  paidMinor: months.reduce((sum, month) => sum + month.paidMinor, 0),
  heldMinor: months.reduce((sum, month) => sum + month.heldMinor, 0),
  refundedMinor: months.reduce((sum, month) => sum + month.refundedMinor, 0),
});

function firstDay(month: string): Date {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(year, monthNumber - 1, 1);
}

/** A month in the UI language: `short` names it under its bar, `long` with its year in text and the table. */
export const monthName = (month: string, style: 'short' | 'long' | 'year'): string =>
  new Intl.DateTimeFormat(
    uiLocale(),
    style === 'short' ? { month: 'short' } : style === 'year' ? { year: 'numeric' } : { month: 'long', year: 'numeric' },
  ).format(firstDay(month));

/** An axis mark, in the currency's short form ("$1.5K"): the table beside the chart has the exact amounts. */
export const axisAmount = (amountMinor: number, currency: CurrencyCode): string =>
  new Intl.NumberFormat(uiLocale(), { style: 'currency', currency, notation: 'compact' }).format(
    toDecimalString({ amountMinor, currency }),
  );

/** The chart's accessible name: the span, what each part came to over it, and the month with the most. */
export function chartLabel({ currency, months }: SpendingByMonth): string {
  const most = months.reduce((best, month) => (totalOf(month) > totalOf(best) ? month : best));
  const sums = allMonths(months);
  const amount = (amountMinor: number) => formatAmount({ amountMinor, currency });
  return t('spendingChartLabel', [
    monthName(months[0]!.month, 'long'),
    monthName(months.at(-1)!.month, 'long'),
    amount(sums.paidMinor),
    amount(sums.heldMinor),
    amount(sums.refundedMinor),
    monthName(most.month, 'long'),
    amount(totalOf(most)),
  ]);
}
