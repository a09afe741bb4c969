import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { t } from '@/components/i18n';
import { LoginPasswordInput } from '@/components/LoginPasswordInput';
import { useRequest } from '@/components/use-request';
import type { RuntimeClient } from '@/lib/protocol/client';

/** Reactivation in two steps: the login password sends a code to the phone; the code wakes the wallet. */
export function Reactivate({ call }: { call: RuntimeClient }) {
  const [loginPassword, setLoginPassword] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const { busy, error, run } = useRequest();

  async function send(event: Event) {
    event.preventDefault();
    await run(async () => setSentTo((await call({ type: 'account.reactivate', loginPassword })).sentTo));
  }
  async function confirm(event: Event) {
    event.preventDefault();
    await run(() => call({ type: 'account.confirmReactivation', code }));
  }

  return sentTo === undefined ? (
    <form onSubmit={send} aria-busy={busy}>
      <LoginPasswordInput id="reactivate-password" value={loginPassword} onInput={setLoginPassword} error={error} />
      <button type="submit" class="primary" disabled={busy || loginPassword === ''} data-testid="reactivate-send">
        {busy ? t('savingChange') : t('reactivateSendCode')}
      </button>
    </form>
  ) : (
    <form onSubmit={confirm} aria-busy={busy}>
      <Field id="reactivate-code" label={t('reactivateCodeLabel', [sentTo])} error={error}>
        <input
          id="reactivate-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
          {...describedBy('reactivate-code', error)}
        />
      </Field>
      <button type="submit" class="primary" disabled={busy || code === ''} data-testid="reactivate-confirm">
        {busy ? t('savingChange') : t('reactivateAction')}
      </button>
    </form>
  );
}
