import { DEFAULT_AUTO_LOCK_MINUTES } from '@/lib/account/records';
import { t } from '@/components/i18n';
import { AUTO_LOCK_MINUTES, autoLockMinutes } from '@/lib/account/records';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletState } from '@/lib/protocol/runtime';
import { useRequest } from '@/components/use-request';

/** How soon the wallet locks itself, and where refunds go; each change is saved as it is made. */
export function Preferences({ call, state, onChanged }: { call: RuntimeClient; state: WalletState; onChanged: () => void }) {
  const { busy, error, done, run } = useRequest();
  const save = (change: { autoLockMinutes?: (typeof AUTO_LOCK_MINUTES)[number]; refundsToWallet?: boolean }) =>
    void run(() => call({ type: 'settings.preferences', ...change })).then((saved) => saved && onChanged());

  return (
    <section class="card" aria-labelledby="preferences-title" aria-busy={busy}>
      <h2 id="preferences-title">{t('preferencesTitle')}</h2>
      <div class="field">
        <label for="auto-lock">{t('autoLockLabel')}</label>
        <select
          id="auto-lock"
          name="autoLockMinutes"
          value={String(state.security?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES)}
          onChange={(event) => {
            const parsed = autoLockMinutes.safeParse(Number(event.currentTarget.value));
            if (parsed.success) save({ autoLockMinutes: parsed.data });
          }}
        >
          {AUTO_LOCK_MINUTES.map((minutes) => (
            <option value={String(minutes)} key={minutes}>
              {t('autoLockMinutes', [String(minutes)])}
            </option>
          ))}
        </select>
      </div>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          name="refundsToWallet"
          checked={state.wallet?.refundsToWallet ?? true}
          onChange={(event) => save({ refundsToWallet: event.currentTarget.checked })}
        />
        <span>{t('refundsToWalletLabel')}</span>
      </label>
      <p class="muted">{t('refundsToWalletHint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="muted" role="status">
          {t('settingsSaved')}
        </p>
      )}
    </section>
  );
}
