import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from './error-text';
import { t } from './i18n';
import { PaymentPasswordInput } from './PaymentPasswordInput';

/**
 * An inline region asking the payment password before a card action. It takes focus when it opens
 * so keyboard and screen reader users land in it; the caller puts focus back when it closes. The
 * password is dropped from state as soon as the request is answered.
 */
export function PasswordPrompt({
  id,
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
}: {
  id: string;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  busyLabel: string;
  onConfirm: (paymentPassword: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const region = useRef<HTMLElement>(null);

  useEffect(() => region.current?.querySelector('input')?.focus(), []);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await onConfirm(password);
    } catch (error) {
      setFailure(errorText(error));
      region.current?.querySelector('input')?.focus();
    } finally {
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <section ref={region} class="inline-prompt" aria-labelledby={`${id}-title`}>
      <form aria-busy={busy} noValidate onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}>
        <p id={`${id}-title`} class="inline-prompt-title">
          {title}
        </p>
        {children}
        <PaymentPasswordInput id={`${id}-password`} value={password} onInput={setPassword} error={failure} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy || password.length !== 6} data-testid="password-prompt-submit">
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            {t('cardsCancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
