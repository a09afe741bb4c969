import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorText } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';
import { WALLET_SECTIONS, type WalletSection } from '@/components/wallet-sections';
import { Backup } from './backup/Backup';
import { Cards } from './cards/Cards';
import { Claims } from './claims/Claims';
import { Help } from './help/Help';
import { History } from './history/History';
import { Orders } from './orders/Orders';
import { Overview } from './Overview';
import { TopUp } from './top-up/TopUp';
import { ContactConfirmation } from './contacts/ContactConfirmation';
import { Inbox } from './inbox/Inbox';
import { Unlock } from './lock/Unlock';
import { Security } from './security/Security';
import { SignUp } from './sign-up/SignUp';
import { SignedUpChoice } from './sign-up/SignedUpChoice';
import { Verification } from './verification/Verification';

const sectionFromHash = (): WalletSection => WALLET_SECTIONS.find((section) => location.hash === `#${section}`) ?? 'overview';

/**
 * The wallet's own page: sign-up when there is no wallet, the unlock form when it is locked, and
 * the sections otherwise. The lock state comes from the background (only it holds the key); it
 * is asked again whenever session storage changes, which is where the key lives while unlocked.
 */
export function WalletPage({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; value: WalletState } | { status: 'failed'; message: string }
  >({
    status: 'loading',
  });
  const [section, setSection] = useState<WalletSection>(sectionFromHash);
  const [justSignedUp, setJustSignedUp] = useState(false);

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
        <SignUp
          call={call}
          onDone={() => {
            setJustSignedUp(true);
            void refresh();
          }}
          onRestored={refresh}
        />
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
            <Overview call={call} reads={reads} locked />
            <Unlock call={call} state={value} onUnlocked={refresh} />
          </>
        ) : (
          <>
            <ContactConfirmation call={call} reads={reads} />
            <nav class="wallet-nav" aria-label={t('walletSections')}>
              {WALLET_SECTIONS.map((name) => (
                <a href={`#${name}`} aria-current={section === name ? 'page' : undefined} key={name}>
                  {tKey(`section_${name}`)}
                </a>
              ))}
            </nav>
            {section === 'overview' &&
              (justSignedUp ? (
                <SignedUpChoice
                  wallet={value.wallet}
                  onChoose={(chosen) => {
                    setJustSignedUp(false);
                    location.hash = chosen;
                    setSection(chosen);
                  }}
                />
              ) : (
                <Overview call={call} reads={reads} locked={false} />
              ))}
            {section === 'orders' && <Orders call={call} reads={reads} />}
            {section === 'history' && <History call={call} reads={reads} />}
            {section === 'topup' && <TopUp call={call} reads={reads} />}
            {section === 'cards' && <Cards call={call} reads={reads} />}
            {section === 'verification' && <Verification call={call} reads={reads} />}
            {section === 'security' && <Security call={call} reads={reads} state={value} onChanged={refresh} />}
            {section === 'claims' && <Claims call={call} reads={reads} />}
            {section === 'backup' && <Backup call={call} reads={reads} />}
            {section === 'help' && <Help call={call} reads={reads} />}
          </>
        )}
      </main>
      <Inbox reads={reads} />
    </div>
  );
}
