import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { TopUpRecord } from '@/lib/wallet/records';
import { settleProgress } from '@/lib/wallet/top-ups/top-up-quote';
import { methodName } from './top-up-text';

/** Progress bars count in thousandths, fine enough to move visibly in a sped-up demo. */
const STEPS = 1000;

const describe = (topUp: TopUpRecord) => formatAmount({ amountMinor: topUp.amountMinor, currency: topUp.currency });

/**
 * The top-ups still on their way, each with how far it has come by the wallet's clock and when it
 * arrives. One leaves the list as soon as the background settles it, and the page says so.
 */
export function SettlingTopUps({ settling, now }: { settling: TopUpRecord[]; now: number }) {
  const previous = useRef<TopUpRecord[]>(settling);
  const [arrived, setArrived] = useState<string>();
  useEffect(() => {
    const still = new Set(settling.map(({ id }) => id));
    const gone = previous.current.filter(({ id }) => !still.has(id));
    previous.current = settling;
    if (gone.length > 0) setArrived(gone.map((topUp) => t('topUpSettledNotice', [describe(topUp), methodName(topUp.method)])).join(' '));
  }, [settling]);

  return (
    <section class="top-up-settling" aria-labelledby="top-up-settling-title">
      <h3 id="top-up-settling-title">{t('topUpSettlingTitle')}</h3>
      <p class="muted top-up-status" role="status" data-testid="top-up-settled-notice">
        {arrived}
      </p>
      {settling.length === 0 ? (
        <p class="muted">{t('topUpSettlingEmpty')}</p>
      ) : (
        <ul class="top-up-settling-list" data-testid="top-up-settling">
          {settling.map((topUp) => {
            const labelId = `top-up-settling-${topUp.id}`;
            const due = now >= topUp.settlesAt;
            return (
              <li key={topUp.id} class="top-up-settling-item" data-testid="top-up-settling-item">
                <p class="top-up-settling-label" id={labelId}>
                  {t('topUpSettlingItem', [describe(topUp), methodName(topUp.method)])}
                </p>
                <progress
                  max={STEPS}
                  value={Math.round(settleProgress(topUp, now) * STEPS)}
                  aria-labelledby={labelId}
                  aria-describedby={`${labelId}-when`}
                />
                <p class="muted" id={`${labelId}-when`}>
                  {due ? t('topUpSettlingDue') : t('topUpSettlingArrives', [formatDateTime(topUp.settlesAt)])}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
