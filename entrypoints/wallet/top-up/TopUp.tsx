import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { startOfMonth } from '@/lib/business-days';
import type { WalletDatabase } from '@/lib/db';
import { cappedBalanceMinor } from '@/lib/ledger/apply';
import type { RuntimeClient } from '@/lib/protocol/client';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { pendingTopUps } from '@/lib/wallet/top-ups/pending-top-ups';
import { thisMonthByMethod, walletRoom, type TopUpWallet } from '@/lib/wallet/top-ups/top-up-quote';
import { SettlingTopUps } from './SettlingTopUps';
import { TopUpForm } from './TopUpForm';
import { roomText } from './top-up-text';
import { useWalletNow } from '@/components/use-wallet-now';
import './top-up.css';

/**
 * The top-up section: every method with its rules, a quote before confirming, and the top-ups
 * still settling. Everything is dated by the wallet's clock, which a demo may speed up.
 */
export function TopUp({ call, db }: { call: RuntimeClient; db: WalletDatabase }) {
  // Every second, so a settling top-up's progress moves even at real speed.
  const now = useWalletNow(1_000);
  return (
    <section class="card top-up-section" aria-labelledby="top-up-title" aria-busy={now === undefined}>
      <h2 id="top-up-title">{t('topUpTitle')}</h2>
      {now === undefined ? <p class="muted">{t('topUpLoading')}</p> : <TopUpContent call={call} db={db} now={now} />}
    </section>
  );
}

/** The wallet as the top-up rules see it, read live, so a settled or new top-up changes the terms at once. */
function TopUpContent({ call, db, now }: { call: RuntimeClient; db: WalletDatabase; now: number }) {
  // The month's top-ups are asked for from its first instant, so the query changes once a month, not every tick.
  const monthStart = startOfMonth(now);
  const state = useLiveQuery(async () => {
    const [wallet, shopper, cards, thisMonth, settling] = await Promise.all([
      db.wallet.get('wallet'),
      db.accounts.get(ACCOUNTS.shopper),
      db.cards
        .orderBy('linkedAt')
        .filter((card) => card.status === 'saved')
        .toArray(),
      db.topUps.where('createdAt').aboveOrEqual(monthStart).toArray(),
      pendingTopUps(db),
    ]);
    return { wallet, heldMinor: shopper ? cappedBalanceMinor(shopper) : 0, cards, thisMonth, settling };
  }, [db, monthStart]);

  if (state.status === 'loading') return <p class="muted">{t('topUpLoading')}</p>;
  if (state.status === 'failed')
    return (
      <p class="error" role="alert">
        {t('topUpLoadFailed', [state.error.message])}
      </p>
    );
  const { wallet: record, heldMinor, cards, thisMonth, settling } = state.value;
  if (!record) return null;
  const wallet: TopUpWallet = {
    currency: record.currency,
    verified: record.verified,
    cappedBalanceMinor: heldMinor,
    thisMonthMinor: thisMonthByMethod(thisMonth, now),
  };
  return (
    <>
      <p class="top-up-room" data-testid="top-up-room">
        {roomText(walletRoom(wallet), wallet.currency)}
      </p>
      <TopUpForm call={call} wallet={wallet} cards={cards} defaultCardId={record.defaultCardId} now={now} />
      <SettlingTopUps settling={settling} now={now} />
    </>
  );
}
