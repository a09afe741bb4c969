import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { startOfMonth } from '@/lib/business-days';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { walletRoom } from '@/lib/wallet/top-ups/top-up-quote';
import { topUpWallet } from '@/lib/wallet/top-ups/top-up-standing';
import { SettlingTopUps } from './SettlingTopUps';
import { TopUpForm } from './TopUpForm';
import { roomText } from './top-up-text';
import { useWalletNow } from '@/components/use-wallet-now';
import './top-up.css';

/**
 * The top-up section: every method with its rules, a quote before confirming, and the top-ups
 * still settling. Everything is dated by the wallet's clock, which a demo may speed up.
 */
export function TopUp({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  // Every second, so a settling top-up's progress moves even at real speed.
  const now = useWalletNow(1_000);
  return (
    <section class="card top-up-section" aria-labelledby="top-up-title" aria-busy={now === undefined}>
      <h2 id="top-up-title">{t('topUpTitle')}</h2>
      {now === undefined ? <p class="muted">{t('topUpLoading')}</p> : <TopUpContent call={call} reads={reads} now={now} />}
    </section>
  );
}

/** The wallet as the top-up rules see it, read live, so a settled or new top-up changes the terms at once. */
function TopUpContent({ call, reads, now }: { call: RuntimeClient; reads: WalletReads; now: number }) {
  // The month's top-ups are asked for from its first instant, so the query changes once a month, not every tick.
  const monthStart = startOfMonth(now);
  const state = useLiveQuery(async () => {
    const [wallet, standing, saved, settling] = await Promise.all([
      reads.wallet(),
      reads.topUpStanding(monthStart),
      reads.savedCards(),
      reads.pendingTopUps(),
    ]);
    return { wallet, standing, saved, settling };
  }, [reads, monthStart]);

  if (state.status === 'loading') return <p class="muted">{t('topUpLoading')}</p>;
  if (state.status === 'failed')
    return (
      <p class="error" role="alert">
        {t('topUpLoadFailed', [state.error.message])}
      </p>
    );
  const { wallet: record, standing, saved, settling } = state.value;
  if (!record) return null;
  const wallet = topUpWallet(record, standing, now);
  return (
    <>
      <p class="top-up-room" data-testid="top-up-room">
        {roomText(walletRoom(wallet), wallet.currency)}
      </p>
      <TopUpForm call={call} wallet={wallet} cards={saved.cards} defaultCardId={saved.defaultCardId} now={now} />
      <SettlingTopUps settling={settling} now={now} />
    </>
  );
}
