import { formatDateTime } from '@/components/error-text';
import { signedAmountText } from '@/components/history-text';
import { t, tKey } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';

/** The card's own movements, as the history names them: its card check's charge and refund. */
export function CardHistory({ reads, cardId, label }: { reads: WalletReads; cardId: string; label: string }) {
  const rows = useLiveQuery(() => reads.cardCheckRows(cardId), [reads, cardId]);
  if (rows.status !== 'ready' || rows.value.length === 0) return null;
  return (
    <ul class="compact-list card-history" aria-label={t('cardsHistoryLabel', [label])} data-testid="card-history">
      {rows.value.map((row) => (
        <li key={row.transferId} class="activity-row" data-testid="card-history-row">
          <span>
            {tKey(`historyKind_${row.kind}`)} <span class="muted">· {formatDateTime(row.timestamp)}</span>
          </span>
          <span class={`amount history-${row.direction}`}>{signedAmountText(row)}</span>
        </li>
      ))}
    </ul>
  );
}
