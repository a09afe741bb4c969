import { formatAmount, t } from '@/components/i18n';
import type { SpendingByMonth } from '@/lib/wallet/spending/spending-by-month';
import type { SpendingSplit } from '@/lib/wallet/spending/spending-month';
import { PARTS, allMonths, monthName, totalOf } from './spending-text';

/** The chart's figures as a table: a row a month, oldest first, and the twelve months together. */
export function SpendingTable({ spending }: { spending: SpendingByMonth }) {
  const { months, currency } = spending;
  const cells = (split: SpendingSplit) => (
    <>
      {PARTS.map(({ sum }) => (
        <td key={sum} data-part={sum}>
          {formatAmount({ amountMinor: split[sum], currency })}
        </td>
      ))}
      <td data-part="total">{formatAmount({ amountMinor: totalOf(split), currency })}</td>
    </>
  );
  return (
    <table class="figures-table spending-table" data-testid="spending-table">
      <caption>{t('spendingTableCaption', [monthName(months[0]!.month, 'long'), monthName(months.at(-1)!.month, 'long')])}</caption>
      <thead>
        <tr>
          <th scope="col">{t('spendingMonth')}</th>
          {PARTS.map(({ sum, name }) => (
            <th scope="col" key={sum}>
              {name()}
            </th>
          ))}
          <th scope="col">{t('spendingTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.month} data-month={month.month}>
            <th scope="row">{monthName(month.month, 'long')}</th>
            {cells(month)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('spendingAllMonths')}</th>
          {cells(allMonths(months))}
        </tr>
      </tfoot>
    </table>
  );
}
