import { formatDateTime } from '@/components/error-text';
import { MerchantText } from '@/components/MerchantText';
import { formatAmount, t, tKey } from '@/components/i18n';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { ConfirmForm, type Busy } from './ConfirmForm';
import { OrderItems } from './OrderItems';

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
  busy: Busy;
  passwordError?: string;
  onConfirm: (paymentPassword?: string) => void;
  onCancel: () => void;
}) {
  const { action, status } = approval;
  const heldMinor = status.amountMinor - status.refundedMinor;
  const held = formatAmount({ amountMinor: heldMinor, currency: status.currency });
  const needsPassword = action.kind === 'confirmReceipt';

  return (
    <ConfirmForm
      labelledBy="order-action-title"
      busy={busy}
      asksPassword={needsPassword}
      passwordError={passwordError}
      cancelLabel={t('orderActionKeep')}
      onCancel={onCancel}
      approve={{
        label: tKey(`orderActionConfirm_${action.kind}`),
        busyLabel: t('savingChange'),
        testId: 'confirm-order-action',
        ready: true,
      }}
      onApprove={(paymentPassword) => onConfirm(needsPassword ? paymentPassword : undefined)}
    >
      <h2 id="order-action-title" data-testid="order-action">
        {tKey(`orderAction_${action.kind}`)}
      </h2>
      <p class="notice">{tKey(`orderActionEffect_${action.kind}`, [held])}</p>
      <p class="muted" data-testid="order-state">
        {t('orderStateLine', [tKey(`orderState_${status.state}`)])}
        {status.releaseAt !== undefined ? ` · ${t('orderReleasesAt', [formatDateTime(status.releaseAt)])}` : ''}
        {status.checkEndsAt !== undefined ? ` · ${t('orderCheckEndsAt', [formatDateTime(status.checkEndsAt)])}` : ''}
      </p>
      {action.kind === 'dispute' && (
        <p data-testid="order-dispute-reason">
          {t('orderDisputeReason')}:{' '}
          <q>
            <MerchantText text={action.reason} />
          </q>
        </p>
      )}
      <OrderItems order={approval.order} />
    </ConfirmForm>
  );
}
