import { useState } from 'preact/hooks';
import { UnlockForm } from '@/components/UnlockForm';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';
import { Recover } from './Recover';

/**
 * The locked wallet: the balance stays visible in the popup, but paying, filling cards and
 * security changes wait for the login password. A forgotten password is reset with the security answers.
 */
export function Unlock({ call, state, onUnlocked }: { call: RuntimeClient; state: WalletState; onUnlocked: () => void }) {
  const [recovering, setRecovering] = useState(false);
  if (recovering) return <Recover call={call} state={state} onRecovered={onUnlocked} onCancel={() => setRecovering(false)} />;
  return (
    <section class="card" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlockTitle')}</h2>
      <p class="muted">{t('unlockExplanation')}</p>
      <UnlockForm unlock={(loginPassword) => call({ type: 'account.unlock', loginPassword }).then(onUnlocked)}>
        <button type="button" onClick={() => setRecovering(true)} data-testid="forgot-password">
          {t('forgotPassword')}
        </button>
      </UnlockForm>
    </section>
  );
}
