import { formatAmount, t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { HistoryFilter } from '@/lib/wallet/history/history-filter';

/**
 * What every page of the filtered history adds up to: money in, money out and the difference. A
 * query of its own, so the first page never waits for it; it reads kept totals, not the movements.
 */
export function HistoryTotals({ reads, filter }: { reads: WalletReads; filter: HistoryFilter }) {
  const totals = useLiveQuery(() => reads.historyTotals(filter), [reads, filter]);
  if (totals.status === 'loading') return null;
  if (totals.status === 'failed')
    return (
      <p class="error" role="alert">
        {t('historyLoadFailed', [totals.error.message])}
      </p>
    );
  if (!totals.value) return null;
  const { currency, inMinor, outMinor } = totals.value;
  const netMinor = inMinor - outMinor;
  const signed = (amountMinor: number) =>
    amountMinor === 0
      ? formatAmount({ amountMinor, currency })
      : t(amountMinor > 0 ? 'historyAmountIn' : 'historyAmountOut', [formatAmount({ amountMinor: Math.abs(amountMinor), currency })]);
  return (
    <div class="history-totals" role="group" aria-labelledby="history-totals-title" data-testid="history-totals">
      <p id="history-totals-title" class="muted">
        {t('historyTotalsLabel')}
      </p>
      <dl class="history-totals-list">
        <div>
          <dt>{t('historyTotalsIn')}</dt>
          <dd class="history-in" data-testid="history-total-in">
            {signed(inMinor)}
          </dd>
        </div>
        <div>
          <dt>{t('historyTotalsOut')}</dt>
          <dd data-testid="history-total-out">{signed(-outMinor)}</dd>
        </div>
        <div>
          <dt>{t('historyTotalsNet')}</dt>
          <dd data-testid="history-total-net">{signed(netMinor)}</dd>
        </div>
      </dl>
      <p class="muted">{t('historyTotalsNote')}</p>
    </div>
  );
}
