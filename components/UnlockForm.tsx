import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from './error-text';
import { t } from './i18n';
import { LoginPasswordInput } from './LoginPasswordInput';

/** The login password form that unlocks the vault, in the wallet page and in place in the confirm window. */
export function UnlockForm({ unlock, children }: { unlock: (loginPassword: string) => Promise<unknown>; children?: ComponentChildren }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await unlock(password);
      setPassword('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <LoginPasswordInput id="unlock-password" value={password} onInput={setPassword} error={error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy || password === ''} data-testid="unlock-submit">
          {busy ? t('unlocking') : t('unlockAction')}
        </button>
        {children}
      </div>
    </form>
  );
}
