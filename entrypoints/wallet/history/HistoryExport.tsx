import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { t, uiLocale } from '@/components/i18n';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { historyCsv, historyCsvFileName } from '@/lib/wallet/history/history-csv';
import type { HistoryFilter } from '@/lib/wallet/history/history-filter';
import type { HistoryRow } from '@/lib/wallet/history/history-row';
import { saveFile } from '@/components/save-file';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; count: number }
  | { phase: 'done'; count: number; fileName: string }
  | { phase: 'cancelled'; count: number }
  | { phase: 'failed'; message: string };

const countText = (count: number) => new Intl.NumberFormat(uiLocale()).format(count);

/**
 * Exports the filtered history as CSV. It reads page by page by cursor, so a long history never
 * holds one long read, the progress can be shown, and Cancel stops before the next page.
 */
export function HistoryExport({ reads, filter }: { reads: WalletReads; filter: HistoryFilter }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  async function start() {
    cancelled.current = false;
    setState({ phase: 'running', count: 0 });
    const rows: HistoryRow[] = [];
    try {
      for await (const page of reads.statementPages(filter)) {
        if (cancelled.current) break;
        rows.push(...page);
        setState({ phase: 'running', count: rows.length });
      }
      if (cancelled.current) {
        setState({ phase: 'cancelled', count: rows.length });
        return;
      }
      const fileName = historyCsvFileName(Date.now());
      // A byte-order mark makes spreadsheets read the file as UTF-8, not the system's code page,
      // so shop names in Cyrillic or Chinese come out right.
      saveFile(fileName, ['\uFEFF', historyCsv(rows)], 'text/csv;charset=utf-8');
      setState({ phase: 'done', count: rows.length, fileName });
    } catch (error) {
      setState({ phase: 'failed', message: errorText(error) });
    }
  }

  const running = state.phase === 'running';
  return (
    <div class="history-export" aria-busy={running}>
      <div class="form-actions">
        <button type="button" onClick={() => void start()} disabled={running} data-testid="history-export">
          {running ? t('historyExporting') : t('historyExport')}
        </button>
        {running && (
          <button type="button" onClick={() => (cancelled.current = true)} data-testid="history-export-cancel">
            {t('historyExportCancel')}
          </button>
        )}
      </div>
      <p class="muted">{t('historyExportHint')}</p>
      <p class="muted history-export-status" role="status" data-testid="history-export-status">
        {state.phase === 'running' && t('historyExportProgress', [countText(state.count)])}
        {state.phase === 'done' && t('historyExportDone', [countText(state.count), state.fileName])}
        {state.phase === 'cancelled' && t('historyExportCancelled', [countText(state.count)])}
      </p>
      {state.phase === 'failed' && (
        <p class="error" role="alert">
          {t('historyExportFailed', [state.message])}
        </p>
      )}
    </div>
  );
}
