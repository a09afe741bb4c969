import type { Ref } from 'preact';
import { formatDateTime } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import type { HistoryRow } from '@/lib/wallet/history/history-row';
import { counterpartyText, signedAmountText, statusText } from '@/components/history-text';

/** One page of movements as a table; the caption names the page, so moving between pages is announced. */
export function HistoryTable({ rows, pageNumber, tableRef }: { rows: HistoryRow[]; pageNumber: number; tableRef: Ref<HTMLTableElement> }) {
  return (
    <div class="history-table-wrap">
      <table class="figures-table history-table" ref={tableRef} tabIndex={-1} data-testid="history-table">
        <caption>{t('historyTableCaption', [String(pageNumber)])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('historyColumnDate')}</th>
            <th scope="col">{t('historyColumnKind')}</th>
            <th scope="col">{t('historyColumnCounterparty')}</th>
            <th scope="col">{t('historyColumnOrder')}</th>
            <th scope="col">{t('historyColumnStatus')}</th>
            <th scope="col" class="history-amount">
              {t('historyColumnAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const counterparty = counterpartyText(row.counterparty);
            return (
              <tr key={row.transferId} data-testid="history-row" data-transfer-id={row.transferId}>
                <td>
                  <time dateTime={new Date(row.timestamp).toISOString()}>{formatDateTime(row.timestamp)}</time>
                </td>
                <td>{tKey(`historyKind_${row.kind}`)}</td>
                <td>
                  <bdi>{counterparty.name}</bdi>
                  {counterparty.detail && <span class="muted history-detail">{counterparty.detail}</span>}
                </td>
                <td>{row.order && <bdi>{row.order.merchantOrderId}</bdi>}</td>
                <td class={`history-status history-status-${row.status}`}>{statusText(row)}</td>
                <td class={`history-amount history-${row.direction}`}>{signedAmountText(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
