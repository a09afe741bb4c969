import { browser } from 'wxt/browser';
import { BalanceSummary } from '@/components/BalanceSummary';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletDatabase } from '@/lib/db';
import { readBalance } from '@/lib/wallet/balance';

/**
 * The toolbar popup: the balance, read straight from the ledger and kept live (locked or not), the
 * saved cards and the top-ups still on their way, and the way into the wallet page.
 */
export function Popup({ db }: { db: WalletDatabase }) {
  const balance = useLiveQuery(() => readBalance(db));
  const wallet = useLiveQuery(() => db.wallet.get('wallet'));
  const signedUp = wallet.status === 'ready' && wallet.value !== undefined;
  const openWallet = () => void browser.tabs.create({ url: browser.runtime.getURL('/wallet.html') }).then(() => window.close());

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
      {signedUp && <WalletLists db={db} />}
      <div class="form-actions">
        <button type="button" class="primary" onClick={openWallet} data-testid="popup-open-wallet">
          {signedUp ? t('popupOpenWallet') : t('popupSignUp')}
        </button>
      </div>
    </main>
  );
}

/** The saved cards and the top-ups that have not settled yet, from the database. */
function WalletLists({ db }: { db: WalletDatabase }) {
  const lists = useLiveQuery(async () => {
    const [cards, wallet, jobs] = await Promise.all([db.cards.toArray(), db.wallet.get('wallet'), db.jobs.toArray()]);
    // A top-up is on its way while its settling job waits: the wallet's clock, not this computer's, decides when.
    const settling = jobs.filter((job) => job.kind === 'settle_top_up').map((job) => job.ref);
    const pending = (await db.topUps.bulkGet(settling)).filter((topUp) => topUp !== undefined);
    return { cards: cards.filter((card) => card.status === 'saved'), defaultCardId: wallet?.defaultCardId, pending };
  });
  if (lists.status !== 'ready') return null;
  const { cards, defaultCardId, pending } = lists.value;
  return (
    <>
      {cards.length > 0 && (
        <section aria-labelledby="popup-cards-title">
          <h2 id="popup-cards-title">{t('section_cards')}</h2>
          <ul class="popup-list" data-testid="popup-cards">
            {cards.map((card) => (
              <li key={card.id}>
                {t('cardLabel', [card.brand, card.last4])}
                {card.id === defaultCardId && <span class="muted"> · {t('popupDefaultCard')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {pending.length > 0 && (
        <section aria-labelledby="popup-top-ups-title">
          <h2 id="popup-top-ups-title">{t('popupPendingTopUps')}</h2>
          <ul class="popup-list" data-testid="popup-pending-top-ups">
            {pending.map((topUp) => (
              <li key={topUp.id}>
                {formatAmount({ amountMinor: topUp.amountMinor, currency: topUp.currency })}{' '}
                <span class="muted">{t('popupSettlesAt', [formatDateTime(topUp.settlesAt)])}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
