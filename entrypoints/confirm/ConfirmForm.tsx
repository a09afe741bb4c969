import type { ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import { ForgotPassword } from './forgot-password';

/** What the window is waiting for after the shopper decided, if anything. */
export type Busy = 'paying' | 'cancelling' | undefined;

/**
 * The confirm window's form, laid out so that what the shopper approves with never leaves the
 * window: the details scroll between the window's header and a footer holding the payment
 * password and the buttons, however long the order a page sent.
 */
export function ConfirmForm({
  label,
  labelledBy,
  busy,
  asksPassword,
  passwordError,
  cancelLabel,
  onCancel,
  approve,
  onApprove,
  terms,
  children,
}: {
  /** The form's accessible name, or the id of the heading that gives it. */
  label?: string;
  labelledBy?: string;
  busy: Busy;
  asksPassword: boolean;
  passwordError: string | undefined;
  cancelLabel: string;
  onCancel: () => void;
  /** The approving button; without it (nothing the shopper could approve) only cancelling is offered. */
  approve: { label: string; busyLabel: string; testId: string; ready: boolean } | undefined;
  onApprove: (paymentPassword: string) => void;
  /** What approving agrees to: kept above the password, never scrolled out of sight with the details. */
  terms?: ComponentChildren;
  children: ComponentChildren;
}) {
  const [paymentPassword, setPaymentPassword] = useState('');
  const forgotPassword = useContext(ForgotPassword);
  const passwordReady = !asksPassword || paymentPassword.length === 6;
  return (
    <form
      class="confirm-form"
      aria-label={label}
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        event.preventDefault();
        onApprove(paymentPassword);
      }}
    >
      <div class="confirm-details">{children}</div>
      <div class="confirm-footer">
        {terms && <p class="muted confirm-terms">{terms}</p>}
        {asksPassword && (
          <PaymentPasswordInput id="confirm-payment-password" value={paymentPassword} onInput={setPaymentPassword} error={passwordError} />
        )}
        {asksPassword && forgotPassword && (
          <button type="button" class="link-button forgot-payment-password" onClick={forgotPassword} data-testid="forgot-payment-password">
            {t('forgotPaymentPassword')}
          </button>
        )}
        <div class="actions">
          <button type="button" disabled={busy !== undefined} onClick={onCancel} data-testid="confirm-cancel">
            {busy === 'cancelling' ? t('confirmCancelling') : cancelLabel}
          </button>
          {approve && (
            <button
              type="submit"
              class="primary"
              data-testid={approve.testId}
              disabled={busy !== undefined || !passwordReady || !approve.ready}
            >
              {busy === 'paying' ? approve.busyLabel : approve.label}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
