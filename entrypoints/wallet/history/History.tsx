import { useRef, useState } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { CurrencyCode } from '@/lib/money';
import type { RuntimeClient } from '@/lib/protocol/client';
import {
  EMPTY_HISTORY_FILTER_FORM,
  isUnfiltered,
  parseHistoryFilter,
  type HistoryFilter,
  type HistoryFilterField,
  type HistoryFilterForm,
  type HistoryFilterProblem,
} from '@/lib/wallet/history/history-filter';
import type { HistoryCursor } from '@/lib/wallet/history/history-statement';
import { HistoryExport } from './HistoryExport';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';
import { HistoryTotals } from './HistoryTotals';
import './history.css';

/**
 * The history section: every movement of the shopper's money, filtered, paged and exportable,
 * with what the filter's movements add up to.
 *
 * Pages are read from Dexie inside useLiveQuery rather than asked of the background with
 * `history.page`: the page then updates by itself when a payment, refund or settlement lands
 * (a message would be a snapshot), and it costs one bounded index walk with no round trip
 * through the service worker. Reading is all it does; the background stays the only writer.
 */
export function History({ reads }: { call: RuntimeClient; reads: WalletReads }) {
  const [form, setForm] = useState<HistoryFilterForm>(EMPTY_HISTORY_FILTER_FORM);
  const [problems, setProblems] = useState<Partial<Record<HistoryFilterField, HistoryFilterProblem>>>({});
  const [filter, setFilter] = useState<HistoryFilter>({});
  // Where each page after the first starts; going back pops one. Pages are cursor-bound, so rows
  // arriving while the shopper reads page 3 show on page 1 instead of shifting page 3 under them.
  const [cursors, setCursors] = useState<HistoryCursor[]>([]);
  const cursor = cursors.at(-1);
  const table = useRef<HTMLTableElement>(null);

  const state = useLiveQuery(async () => {
    const [wallet, page] = await Promise.all([reads.wallet(), reads.statementPage(filter, cursor)]);
    return { currency: wallet?.currency, page, cursor };
  }, [reads, filter, cursor]);
  // Until the page for a new cursor arrives the previous one stays on screen; paging from it would skip or repeat a page.
  const turning = state.status === 'ready' && state.value.cursor !== cursor;

  const apply = (next: HistoryFilter) => {
    setFilter(next);
    setCursors([]);
  };
  const clear = () => {
    setForm(EMPTY_HISTORY_FILTER_FORM);
    setProblems({});
    apply({});
  };
  const applyForm = (currency: CurrencyCode) => {
    const parsed = parseHistoryFilter(form, currency, uiLocale());
    setProblems(parsed.ok ? {} : parsed.problems);
    if (parsed.ok) apply(parsed.filter);
  };
  const turnPage = (next: HistoryCursor[]) => {
    setCursors(next);
    // The button pressed may be disabled on the new page; the table's caption says where the shopper is.
    table.current?.focus();
  };

  return (
    <section
      class="card history-section"
      aria-labelledby="history-title"
      aria-busy={state.status === 'loading' || turning}
      data-testid="history-section"
    >
      <h2 id="history-title">{t('historyTitle')}</h2>
      {state.status === 'loading' && <p class="muted">{t('historyLoading')}</p>}
      {state.status === 'failed' && (
        <p class="error" role="alert">
          {t('historyLoadFailed', [state.error.message])}
        </p>
      )}
      {state.status === 'ready' && state.value.currency && (
        <>
          <HistoryFilters
            form={form}
            problems={problems}
            currency={state.value.currency}
            onChange={(field, value) => setForm({ ...form, [field]: value })}
            onApply={applyForm}
            onClear={clear}
          />
          {state.value.page.rows.length === 0 && cursors.length === 0 ? (
            <div class="history-empty" data-testid="history-empty">
              {isUnfiltered(filter) ? (
                <p class="muted">{t('historyNoMovements')}</p>
              ) : (
                <>
                  <p>{t('historyNoMatches')}</p>
                  <button type="button" onClick={clear} data-testid="history-empty-clear">
                    {t('historyFilterClear')}
                  </button>
                </>
              )}
            </div>
          ) : (
            <>
              <HistoryTotals reads={reads} filter={filter} />
              <HistoryTable rows={state.value.page.rows} pageNumber={cursors.length + 1} tableRef={table} />
              <nav class="form-actions history-pages" aria-label={t('historyPagesLabel')}>
                <button
                  type="button"
                  disabled={turning || cursors.length === 0}
                  onClick={() => turnPage(cursors.slice(0, -1))}
                  data-testid="history-previous"
                >
                  {t('historyPrevious')}
                </button>
                <button
                  type="button"
                  disabled={turning || !state.value.page.nextCursor}
                  onClick={() => state.value.page.nextCursor && turnPage([...cursors, state.value.page.nextCursor])}
                  data-testid="history-next"
                >
                  {t('historyNext')}
                </button>
              </nav>
            </>
          )}
          <HistoryExport reads={reads} filter={filter} />
        </>
      )}
    </section>
  );
}
