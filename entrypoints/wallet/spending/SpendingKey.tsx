import { formatAmount, t } from '@/components/i18n';
import type { SpendingByMonth } from '@/lib/wallet/spending/spending-by-month';
import { PART_FILL } from './SpendingChart';
import { PARTS, allMonths } from './spending-text';

/** Names each part of the bars beside its pattern, with what it came to over the twelve months. */
export function SpendingKey({ spending }: { spending: SpendingByMonth }) {
  const sums = allMonths(spending.months);
  return (
    <ul class="spending-key" aria-label={t('spendingKeyLabel')} data-testid="spending-key">
      {PARTS.map(({ sum, name }) => (
        <li key={sum}>
          <svg class="spending-swatch" viewBox="0 0 16 16" aria-hidden="true">
            <rect class={`spending-part spending-part-${sum}`} x="1" y="1" width="14" height="14" fill={PART_FILL[sum]} />
          </svg>
          <span>{name()}</span>
          <span class="amount">{formatAmount({ amountMinor: sums[sum], currency: spending.currency })}</span>
        </li>
      ))}
    </ul>
  );
}
