import { formatDateTime } from './error-text';
import { formatAmount, t } from './i18n';
import { useLiveQuery } from './useLiveQuery';
import type { GlanceReads } from '@/lib/reads/glance-reads';

/** Top-ups on their way, with when each settles. */
export function PendingTopUps({ reads, class: className }: { reads: GlanceReads; class?: string }) {
  const pending = useLiveQuery(() => reads.pendingTopUps());
  if (pending.status !== 'ready' || pending.value.length === 0) return null;
  return (
    <section class={className} aria-labelledby="pending-top-ups-title">
      <h2 id="pending-top-ups-title">{t('pendingTopUpsTitle')}</h2>
      <ul class="compact-list" data-testid="pending-top-ups">
        {pending.value.map((topUp) => (
          <li key={topUp.id}>
            {formatAmount({ amountMinor: topUp.amountMinor, currency: topUp.currency })}{' '}
            <span class="muted">{t('pendingTopUpSettlesAt', [formatDateTime(topUp.settlesAt)])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
