import type { ComponentChildren } from 'preact';
import { formatDateTime } from './error-text';
import { t } from './i18n';
import { useWalletNow } from './use-wallet-now';
import { activityStanding } from '@/lib/account/inactivity';
import type { WalletRecord } from '@/lib/wallet/wallet-record';

/**
 * The terms' inactivity, told in time: a month before, when the wallet will become inactive and
 * what keeps it active; once inactive, that payments and top-ups wait for reactivation and the
 * balance stays the shopper's. `children` is the way to reactivate where the page offers one.
 */
export function ActivityNotice({ wallet, children }: { wallet: WalletRecord; children?: ComponentChildren }) {
  // Every second: a demo running the clock fast crosses the month in moments.
  const now = useWalletNow(1_000);
  if (now === undefined) return null;
  const standing = activityStanding(wallet, now);
  if (standing.state === 'active') return null;
  const when = formatDateTime(standing.inactiveAt);
  return standing.state === 'warned' ? (
    <p class="notice" role="status" data-testid="inactivity-warning">
      {t('inactivityWarning', [when])}
    </p>
  ) : (
    <section class="notice" aria-labelledby="inactive-title" data-testid="wallet-inactive">
      <h2 id="inactive-title">{t('inactiveTitle')}</h2>
      <p>{t('inactiveExplanation', [when])}</p>
      {children}
    </section>
  );
}
