import { useEffect, useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { errorText, formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { ContactChannel } from '@/lib/account/contact-codes';
import type { ContactRecord } from '@/lib/account/records';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';

/** Banners asking for the codes of an unconfirmed email or phone, or of a new phone number being confirmed. */
export function ContactConfirmation({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const contacts = useLiveQuery(() => reads.contacts());
  if (contacts.status !== 'ready') return null;
  const waiting = contacts.value.filter((contact) => contact.confirmedAt === undefined || contact.pendingChange);
  return (
    <>
      {waiting.map((contact) => (
        <CodeForm call={call} contact={contact} key={`${contact.id}-${contact.pendingChange?.masked ?? ''}`} />
      ))}
    </>
  );
}

function CodeForm({ call, contact }: { call: RuntimeClient; contact: ContactRecord }) {
  const channel: ContactChannel = contact.id;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'confirming' | 'resending'>();
  const [error, setError] = useState<string>();
  const now = useNow();
  const to = contact.pendingChange?.masked ?? contact.masked;
  const resendIn = contact.challenge ? Math.max(0, Math.ceil((contact.challenge.resendAt - now) / 1000)) : 0;
  const inputId = `code-${channel}`;

  async function run(kind: 'confirming' | 'resending', request: () => Promise<unknown>) {
    setBusy(kind);
    setError(undefined);
    try {
      await request();
      setCode('');
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section class="card banner" aria-labelledby={`${inputId}-title`} data-testid={`confirm-${channel}-banner`}>
      <h2 id={`${inputId}-title`}>{channel === 'phone' ? t('confirmPhoneTitle', [to]) : t('confirmEmailTitle', [to])}</h2>
      <p class="muted">{t('confirmCodeExplanation')}</p>
      {contact.challenge && (
        <p class="muted">{t('confirmCodeStatus', [formatDateTime(contact.challenge.expiresAt), String(contact.challenge.triesLeft)])}</p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run('confirming', () => call({ type: 'contacts.confirm', channel, code }));
        }}
        aria-busy={busy !== undefined}
      >
        <Field id={inputId} label={t('confirmCodeLabel')} error={error}>
          <input
            id={inputId}
            name={inputId}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onInput={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
            {...describedBy(inputId, error)}
          />
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy !== undefined || code.length !== 6} data-testid={`confirm-${channel}`}>
            {busy === 'confirming' ? t('confirmingCode') : t('confirmCodeAction')}
          </button>
          <button
            type="button"
            disabled={busy !== undefined || resendIn > 0}
            onClick={() => void run('resending', () => call({ type: 'contacts.resend', channel }))}
          >
            {resendIn > 0 ? t('resendCodeIn', [String(resendIn)]) : t('resendCode')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The time, ticking every second, for the resend countdown. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
