import { cardLabel } from '@/components/card-label';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { GlanceReads } from '@/lib/reads/glance-reads';

/** How many refunds that have already arrived are listed after those still on their way. */
const ARRIVED_SHOWN = 3;

/**
 * Refunds on their way and the latest that arrived: the shop, where the money goes and when it
 * gets there. A refund to a card is on its way until its arrival date on the wallet's clock.
 */
export function RecentRefunds({ reads, now, class: className }: { reads: GlanceReads; now: number; class?: string }) {
  const refunds = useLiveQuery(() => reads.refunds(now, ARRIVED_SHOWN), [reads, now]);
  if (refunds.status !== 'ready' || refunds.value.length === 0) return null;

  return (
    <section class={className} aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('refundsTitle')}</h2>
      <ul class="compact-list" data-testid="refund-list">
        {refunds.value.map(({ refund, merchantName, card }) => {
          const destination = refund.destination === 'wallet' ? t('refundToWallet') : card ? cardLabel(card) : t('refundToCard');
          const when = formatDateTime(refund.arrivesAt);
          return (
            <li key={refund.id}>
              <span class="amount">+{formatAmount({ amountMinor: refund.amountMinor, currency: refund.currency })}</span>{' '}
              {merchantName ?? ''}
              <br />
              <span class="muted">
                {refund.arrivesAt > now ? t('refundInProgress', [destination, when]) : t('refundDone', [destination, when])}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
