import { BalanceSummary } from '@/components/BalanceSummary';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletDatabase } from '@/lib/db';
import { readBalance } from '@/lib/wallet/balance';

/** The toolbar popup: the balance, read straight from the ledger and kept live. */
export function Popup({ db }: { db: WalletDatabase }) {
  const balance = useLiveQuery(() => readBalance(db));
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <section class="card" aria-live="polite" aria-busy={balance.status === 'loading'}>
        {balance.status === 'loading' && <p class="muted">{t('balanceLoading')}</p>}
        {balance.status === 'failed' && (
          <p class="error" role="alert">
            {t('balanceLoadFailed', [balance.error.message])}
          </p>
        )}
        {balance.status === 'ready' && <BalanceSummary balance={balance.value} />}
      </section>
    </main>
  );
}
