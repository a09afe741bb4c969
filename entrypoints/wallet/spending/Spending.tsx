import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { localMonth } from '@/lib/local-day';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { SpendingByMonth } from '@/lib/wallet/spending/spending-by-month';
import { SpendingChart } from './SpendingChart';
import { SpendingKey } from './SpendingKey';
import { SpendingTable } from './SpendingTable';
import { totalOf } from './spending-text';
import './spending.css';

/** The chart with its key and its table, or why there is nothing to draw. */
function SpendingFigure({ spending }: { spending: SpendingByMonth }) {
  const [tableShown, setTableShown] = useState(false);
  if (!spending.anyOrders)
    return (
      <p class="muted" data-testid="spending-empty">
        {t('spendingNoOrders')}
      </p>
    );
  if (spending.months.every((month) => totalOf(month) === 0))
    return (
      <p class="muted" data-testid="spending-empty">
        {t('spendingNoneRecently')}
      </p>
    );
  return (
    <figure class="spending-figure">
      <figcaption class="muted">{t('spendingCaption')}</figcaption>
      <div class="spending-chart-wrap">
        <SpendingChart spending={spending} />
      </div>
      <SpendingKey spending={spending} />
      <button
        type="button"
        class="link-button spending-table-toggle"
        aria-expanded={tableShown}
        aria-controls="spending-table"
        onClick={() => setTableShown(!tableShown)}
        data-testid="spending-table-toggle"
      >
        {tableShown ? t('spendingHideTable') : t('spendingShowTable')}
      </button>
      <div id="spending-table" class="spending-table-wrap" hidden={!tableShown}>
        <SpendingTable spending={spending} />
      </div>
    </figure>
  );
}

/**
 * Where the shopper's money went in the last twelve months by the wallet's clock: a chart for the
 * eye, named for screen readers, with its figures as a table a button shows. Reading it costs twelve
 * kept totals however many orders there were.
 */
export function Spending({ reads, now, class: className }: { reads: WalletReads; now: number; class?: string }) {
  // Asked by month, so the query changes once a month rather than with every tick of the clock.
  const lastMonth = localMonth(now);
  const spending = useLiveQuery(() => reads.spendingByMonth(lastMonth), [reads, lastMonth]);
  const shown = spending.status === 'ready' ? spending.value : undefined;
  if (spending.status === 'loading' || (spending.status === 'ready' && !shown)) return null;
  return (
    <section class={`${className ?? ''} spending`} aria-labelledby="spending-title" data-testid="spending">
      <h2 id="spending-title">{t('spendingTitle')}</h2>
      {spending.status === 'failed' ? (
        <p class="error" role="alert">
          {t('spendingLoadFailed', [spending.error.message])}
        </p>
      ) : (
        shown && <SpendingFigure spending={shown} />
      )}
    </section>
  );
}
