import { AccountStatusLine } from '@/components/AccountStatusLine';
import { ActivityNotice } from '@/components/ActivityNotice';
import type { RuntimeClient } from '@/lib/protocol/client';
import { Reactivate } from './lock/Reactivate';
import { Spending } from './spending/Spending';
import { BalanceSummary } from '@/components/BalanceSummary';
import { PendingTopUps } from '@/components/PendingTopUps';
import { RecentActivity } from '@/components/RecentActivity';
import { RecentRefunds } from '@/components/RecentRefunds';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import { useWalletNow } from '@/components/use-wallet-now';
import type { WalletReads } from '@/lib/reads/wallet-reads';

/**
 * The answers a shopper looks for first: how much they have and how much is held, the account's
 * status and limit, and, once unlocked, the money on its way, what happened last and where the
 * money went month by month. Locked, only the balance shows.
 */
export function Overview({ call, reads, locked }: { call: RuntimeClient; reads: WalletReads; locked: boolean }) {
  const balance = useLiveQuery(() => reads.balance());
  const wallet = useLiveQuery(() => reads.wallet(), [reads]);
  const now = useWalletNow();
  return (
    <>
      {wallet.status === 'ready' && wallet.value && (
        <ActivityNotice wallet={wallet.value}>{!locked && <Reactivate call={call} />}</ActivityNotice>
      )}
      <section class="card" aria-labelledby="overview-title" aria-busy={balance.status === 'loading'}>
        <h2 id="overview-title">{t('section_overview')}</h2>
        {balance.status === 'ready' && <BalanceSummary balance={balance.value} />}
        {wallet.status === 'ready' && wallet.value && <AccountStatusLine wallet={wallet.value} />}
        {balance.status === 'failed' && (
          <p class="error" role="alert">
            {t('balanceLoadFailed', [balance.error.message])}
          </p>
        )}
      </section>
      {!locked && (
        <>
          <PendingTopUps reads={reads} class="card" />
          {now !== undefined && <RecentRefunds reads={reads} now={now} class="card" />}
          <RecentActivity reads={reads} class="card" />
          {now !== undefined && <Spending reads={reads} now={now} class="card" />}
        </>
      )}
    </>
  );
}
