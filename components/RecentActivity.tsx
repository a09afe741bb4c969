import { formatDateTime } from './error-text';
import { counterpartyText, signedAmountText, statusText } from './history-text';
import { t, tKey } from './i18n';
import { useLiveQuery } from './useLiveQuery';
import type { GlanceReads } from '@/lib/reads/glance-reads';

const SHOWN = 5;

/** The last few movements; reading them costs the same whatever the history's size. */
export function RecentActivity({ reads, class: className }: { reads: GlanceReads; class?: string }) {
  const rows = useLiveQuery(() => reads.recentActivity(SHOWN));
  if (rows.status === 'loading') return null;
  return (
    <section class={className} aria-labelledby="recent-activity-title" data-testid="recent-activity">
      <h2 id="recent-activity-title">{t('recentActivityTitle')}</h2>
      {rows.status === 'failed' ? (
        <p class="error" role="alert">
          {t('recentActivityFailed', [rows.error.message])}
        </p>
      ) : rows.value.length === 0 ? (
        <p class="muted">{t('recentActivityEmpty')}</p>
      ) : (
        <ul class="compact-list">
          {rows.value.map((row) => (
            <li key={row.transferId} class="activity-row">
              <span>
                {tKey(`historyKind_${row.kind}`)} · <bdi>{counterpartyText(row.counterparty).name}</bdi>
                <br />
                <span class="muted">
                  {formatDateTime(row.timestamp)} · {statusText(row)}
                </span>
              </span>
              <span class={`amount history-${row.direction}`}>{signedAmountText(row)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
