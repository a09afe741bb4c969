import { useEffect } from 'preact/hooks';
import { AccountStatusLine } from '@/components/AccountStatusLine';
import { ActivityNotice } from '@/components/ActivityNotice';
import { BalanceSummary } from '@/components/BalanceSummary';
import { cardLabel } from '@/components/card-label';
import { t } from '@/components/i18n';
import { PendingTopUps } from '@/components/PendingTopUps';
import { RecentActivity } from '@/components/RecentActivity';
import { RecentRefunds } from '@/components/RecentRefunds';
import { UnlockForm } from '@/components/UnlockForm';
import { useWalletNow } from '@/components/use-wallet-now';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { GlanceReads } from '@/lib/reads/glance-reads';
import { openWalletPage } from './open-wallet-page';
import { QuickActions } from './QuickActions';
import { useLocked } from './use-session';
import { askWallet } from './wallet-requests';

/**
 * The toolbar popup: the balance, read straight from the ledger and kept live (locked or not);
 * unlocked, the quick actions, money on its way (top-ups, refunds), recent activity and cards;
 * locked, the unlock form in place. Every list reads a bounded slice through an index, so the
 * popup opens as fast with a long history as with none.
 */
export function Popup({ reads }: { reads: GlanceReads }) {
  const balance = useLiveQuery(() => reads.balance());
  const wallet = useLiveQuery(() => reads.wallet());
  const locked = useLocked();
  const now = useWalletNow();
  const signedUp = wallet.status === 'ready' && wallet.value !== undefined;
  const showsLists = signedUp && locked === false;
  // Refunds count on the toolbar's badge until the shopper could see them here, which is only while unlocked;
  // should the background not answer, the badge keeps counting them, which is nothing the popup need say.
  useEffect(() => {
    if (showsLists) void askWallet({ type: 'badge.seen' }).catch(() => undefined);
  }, [showsLists]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        {showsLists && (
          <button type="button" onClick={() => void askWallet({ type: 'account.lock' })} data-testid="popup-lock">
            {t('lockNow')}
          </button>
        )}
      </header>
      {wallet.status === 'ready' && wallet.value && (
        <ActivityNotice wallet={wallet.value}>
          <button type="button" class="primary" onClick={() => openWalletPage('overview')}>
            {t('reactivateOpenWallet')}
          </button>
        </ActivityNotice>
      )}
      <section class="card" aria-live="polite" aria-busy={balance.status === 'loading'}>
        {balance.status === 'loading' && <p class="muted">{t('balanceLoading')}</p>}
        {balance.status === 'failed' && (
          <p class="error" role="alert">
            {t('balanceLoadFailed', [balance.error.message])}
          </p>
        )}
        {balance.status === 'ready' && <BalanceSummary balance={balance.value} />}
        {wallet.status === 'ready' && wallet.value && (
          <AccountStatusLine wallet={wallet.value} onOpenVerification={() => openWalletPage('verification')} />
        )}
      </section>
      {signedUp && locked === true && (
        <section aria-labelledby="popup-locked-title" data-testid="popup-locked">
          <h2 id="popup-locked-title">{t('popupLockedTitle')}</h2>
          <p class="muted">{t('popupLockedHint')}</p>
          <UnlockForm unlock={(loginPassword) => askWallet({ type: 'account.unlock', loginPassword })} />
        </section>
      )}
      {showsLists && (
        <>
          <QuickActions />
          <PendingTopUps reads={reads} />
          {now !== undefined && <RecentRefunds reads={reads} now={now} />}
          <RecentActivity reads={reads} />
          <SavedCards reads={reads} />
        </>
      )}
      {wallet.status === 'ready' && !signedUp && (
        <div class="form-actions">
          <button type="button" class="primary" onClick={() => openWalletPage()} data-testid="popup-open-wallet">
            {t('popupSignUp')}
          </button>
        </div>
      )}
    </main>
  );
}

function SavedCards({ reads }: { reads: GlanceReads }) {
  const cards = useLiveQuery(() => reads.savedCards(), [reads]);
  if (cards.status !== 'ready' || cards.value.cards.length === 0) return null;
  return (
    <section aria-labelledby="popup-cards-title">
      <h2 id="popup-cards-title">{t('section_cards')}</h2>
      <ul class="compact-list" data-testid="popup-cards">
        {cards.value.cards.map((card) => (
          <li key={card.id}>
            {cardLabel(card)}
            {card.id === cards.value.defaultCardId && <span class="muted"> · {t('popupDefaultCard')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
