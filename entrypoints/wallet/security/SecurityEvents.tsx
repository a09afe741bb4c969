import { formatDateTime } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';

/** How many of the latest security events the page lists. */
const SHOWN = 10;

/** The wallet's history of security events, so a shopper can see a change they did not make. */
export function SecurityEvents({ reads }: { reads: WalletReads }) {
  const events = useLiveQuery(() => reads.securityEvents(SHOWN), [reads]);
  return (
    <section class="card" aria-labelledby="security-events-title">
      <h2 id="security-events-title">{t('securityEventsTitle')}</h2>
      {events.status === 'failed' && (
        <p class="error" role="alert">
          {t('securityEventsLoadFailed', [events.error.message])}
        </p>
      )}
      {events.status === 'ready' && events.value.length === 0 && <p class="muted">{t('securityEventsEmpty')}</p>}
      {events.status === 'ready' && events.value.length > 0 && (
        <ul class="compact-list" data-testid="security-events">
          {events.value.map((event) => (
            <li key={event.id}>
              {tKey(`securityEvent_${event.kind}`)} <span class="muted">· {formatDateTime(event.at)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
