import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BalanceSummary } from '@/components/BalanceSummary';
import { errorText } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletDatabase } from '@/lib/db';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';
import { readBalance } from '@/lib/wallet/balance';
import { Cards } from './cards/Cards';
import { ContactConfirmation } from './contacts/ContactConfirmation';
import { Inbox } from './inbox/Inbox';
import { Unlock } from './lock/Unlock';
import { Security } from './security/Security';
import { SignUp } from './sign-up/SignUp';
import { Verification } from './verification/Verification';

const SECTIONS = ['overview', 'cards', 'verification', 'security'] as const;
type Section = (typeof SECTIONS)[number];
const sectionFromHash = (): Section => SECTIONS.find((section) => location.hash === `#${section}`) ?? 'overview';

/**
 * The wallet's own page: sign-up when there is no wallet, the unlock form when it is locked, and
 * the sections otherwise. The lock state comes from the background (only it holds the key); it
 * is asked again whenever session storage changes, which is where the key lives while unlocked.
 */
export function WalletPage({ call, db }: { call: RuntimeClient; db: WalletDatabase }) {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; value: WalletState } | { status: 'failed'; message: string }
  >({
    status: 'loading',
  });
  const [section, setSection] = useState<Section>(sectionFromHash);

  const refresh = () =>
    call({ type: 'wallet.state' }).then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) => setState({ status: 'failed', message: errorText(error) }),
    );

  useEffect(() => {
    void refresh();
    const onSessionChange = (_changes: unknown, area: string) => area === 'session' && void refresh();
    const onHash = () => setSection(sectionFromHash());
    browser.storage.onChanged.addListener(onSessionChange);
    addEventListener('hashchange', onHash);
    return () => {
      browser.storage.onChanged.removeListener(onSessionChange);
      removeEventListener('hashchange', onHash);
    };
  }, []);

  if (state.status === 'loading')
    return (
      <main class="wallet-page">
        <p class="muted">{t('walletLoading')}</p>
      </main>
    );
  if (state.status === 'failed')
    return (
      <main class="wallet-page">
        <p class="error" role="alert">
          {state.message}
        </p>
      </main>
    );
  const { value } = state;
  if (!value.wallet)
    return (
      <main class="wallet-page">
        <SignUp call={call} onDone={refresh} />
      </main>
    );

  return (
    <div class="wallet-layout">
      <main class="wallet-page">
        <header class="wallet-header">
          <h1>{t('walletTitle')}</h1>
          {!value.locked && (
            <button type="button" data-testid="lock" onClick={() => void call({ type: 'account.lock' }).then(refresh)}>
              {t('lockNow')}
            </button>
          )}
        </header>
        {value.locked ? (
          <>
            <Overview db={db} />
            <Unlock call={call} state={value} onUnlocked={refresh} />
          </>
        ) : (
          <>
            <ContactConfirmation call={call} db={db} />
            <nav class="wallet-nav" aria-label={t('walletSections')}>
              {SECTIONS.map((name) => (
                <a href={`#${name}`} aria-current={section === name ? 'page' : undefined} key={name}>
                  {tKey(`section_${name}`)}
                </a>
              ))}
            </nav>
            {section === 'overview' && <Overview db={db} />}
            {section === 'cards' && <Cards call={call} db={db} />}
            {section === 'verification' && <Verification call={call} db={db} />}
            {section === 'security' && <Security call={call} state={value} onChanged={refresh} />}
          </>
        )}
      </main>
      <Inbox db={db} />
    </div>
  );
}

function Overview({ db }: { db: WalletDatabase }) {
  const balance = useLiveQuery(() => readBalance(db));
  return (
    <section class="card" aria-labelledby="overview-title" aria-busy={balance.status === 'loading'}>
      <h2 id="overview-title">{t('section_overview')}</h2>
      {balance.status === 'ready' && <BalanceSummary balance={balance.value} />}
      {balance.status === 'failed' && (
        <p class="error" role="alert">
          {t('balanceLoadFailed', [balance.error.message])}
        </p>
      )}
    </section>
  );
}
