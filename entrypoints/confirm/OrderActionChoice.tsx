import { useState } from 'preact/hooks';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { formatDateTime } from '@/components/error-text';
import { MerchantText } from '@/components/MerchantText';
import { formatAmount, t, tKey } from '@/components/i18n';
import type { ApprovalView } from '@/lib/protocol/runtime';

type OrderApproval = Extract<ApprovalView, { kind: 'order' }>;

/**
 * A buyer's action the store's page asked for, confirmed here: confirming receipt pays the shop
 * what is held (so it takes the payment password), cancelling returns it, a dispute pauses the
 * automatic release. The page's words (a dispute reason) are shown as text, isolated.
 */
export function OrderActionChoice({
  approval,
  busy,
  passwordError,
  onConfirm,
  onCancel,
}: {
  approval: OrderApproval;
  busy: 'paying' | 'cancelling' | undefined;
  passwordError?: string;
  onConfirm: (paymentPassword?: string) => void;
  onCancel: () => void;
}) {
  const { action, status } = approval;
  const [paymentPassword, setPaymentPassword] = useState('');
  const heldMinor = status.amountMinor - status.refundedMinor;
  const held = formatAmount({ amountMinor: heldMinor, currency: status.currency });
  const needsPassword = action.kind === 'confirmReceipt';

  return (
    <form
      class="payment-choice"
      aria-labelledby="order-action-title"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(needsPassword ? paymentPassword : undefined);
      }}
    >
      <h2 id="order-action-title" data-testid="order-action">
        {tKey(`orderAction_${action.kind}`)}
      </h2>
      <p class="notice">{tKey(`orderActionEffect_${action.kind}`, [held])}</p>
      <p class="muted" data-testid="order-state">
        {t('orderStateLine', [tKey(`orderState_${status.state}`)])}
        {status.releaseAt !== undefined ? ` · ${t('orderReleasesAt', [formatDateTime(status.releaseAt)])}` : ''}
      </p>
      {action.kind === 'dispute' && (
        <p data-testid="order-dispute-reason">
          {t('orderDisputeReason')}:{' '}
          <q>
            <MerchantText text={action.reason} />
          </q>
        </p>
      )}
      {needsPassword && (
        <PaymentPasswordInput id="confirm-payment-password" value={paymentPassword} onInput={setPaymentPassword} error={passwordError} />
      )}
      <div class="actions">
        <button type="button" disabled={busy !== undefined} onClick={onCancel}>
          {busy === 'cancelling' ? t('confirmCancelling') : t('orderActionKeep')}
        </button>
        <button
          type="submit"
          class="primary"
          data-testid="confirm-order-action"
          disabled={busy !== undefined || (needsPassword && paymentPassword.length !== 6)}
        >
          {busy === 'paying' ? t('savingChange') : tKey(`orderActionConfirm_${action.kind}`)}
        </button>
      </div>
    </form>
  );
}
