import { useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { ClaimablePurchase } from '@/lib/wallet/claims/claimable';
import { days } from '@/lib/business-days';
import { reviewDueAt } from '@/lib/wallet/claims/claim-view';
import { CLAIM_WINDOW_MS } from '@/lib/wallet/claims/claims';
import { useRequest } from '@/components/use-request';

/** As the background's schema allows. */
const REASON_MAX = 1000;

const purchaseText = ({ order, paidAt }: ClaimablePurchase) =>
  t('claimsPurchaseOption', [
    order.merchantName,
    formatAmount({ amountMinor: order.amountMinor, currency: order.currency }),
    formatDateTime(paidAt),
    order.orderId,
  ]);

/**
 * Opens a claim for one of the purchases that can still be claimed. The list comes from the
 * wallet's records; the background checks the window and the purchase again and has the last word.
 */
export function OpenClaimForm({ call, purchases }: { call: RuntimeClient; purchases: ClaimablePurchase[] }) {
  const [transferId, setTransferId] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ purchase?: string; reason?: string }>({});
  const [opened, setOpened] = useState<{ merchantName: string; answerBy: number }>();
  const { busy, error, run } = useRequest();
  // A purchase claimed elsewhere, or past its window, drops out of the list and out of the choice.
  const chosen = purchases.find((purchase) => purchase.transferId === transferId);
  const hint = t('claimsReasonHint', [String(REASON_MAX)]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    const found = {
      ...(chosen ? {} : { purchase: t('claimsPurchaseRequired') }),
      ...(trimmed === '' ? { reason: t('claimsReasonRequired') } : trimmed.length > REASON_MAX ? { reason: t('err_too_long') } : {}),
    };
    setProblems(found);
    setOpened(undefined);
    if (!chosen || found.reason) {
      document.getElementById(found.purchase ? 'claim-purchase' : 'claim-reason')?.focus();
      return;
    }
    const sent = await run(async () => {
      const { claim } = await call({ type: 'claims.open', claimId: crypto.randomUUID(), transferId: chosen.transferId, reason: trimmed });
      setOpened({ merchantName: chosen.order.merchantName, answerBy: reviewDueAt(claim) });
    });
    if (sent) {
      setTransferId('');
      setReason('');
    }
  }

  return (
    <form class="claim-form" aria-labelledby="claim-form-title" aria-busy={busy} noValidate onSubmit={submit}>
      <h3 id="claim-form-title">{t('claimsFormTitle')}</h3>
      {purchases.length === 0 ? (
        <p class="muted" data-testid="claim-nothing">
          {t('claimsNothingToClaim', [String(CLAIM_WINDOW_MS / days(1))])}
        </p>
      ) : (
        <>
          <Field id="claim-purchase" label={t('claimsPurchaseLabel')} error={problems.purchase}>
            <select
              id="claim-purchase"
              name="purchase"
              required
              value={chosen ? transferId : ''}
              onChange={(event) => setTransferId(event.currentTarget.value)}
              data-testid="claim-purchase"
              {...describedBy('claim-purchase', problems.purchase)}
            >
              <option value="">{t('signUpChoose')}</option>
              {purchases.map((purchase) => (
                <option key={purchase.transferId} value={purchase.transferId}>
                  {purchaseText(purchase)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="claim-reason" label={t('claimsReasonLabel')} hint={hint} error={problems.reason}>
            <textarea
              id="claim-reason"
              name="reason"
              rows={3}
              required
              maxLength={REASON_MAX}
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
              data-testid="claim-reason"
              {...describedBy('claim-reason', problems.reason, hint)}
            />
          </Field>
          {error && (
            <p class="error" role="alert" id="claim-error" data-testid="claim-error">
              {error}
            </p>
          )}
          <div class="form-actions">
            <button
              type="submit"
              class="primary"
              disabled={busy}
              aria-busy={busy}
              aria-describedby={error ? 'claim-error' : undefined}
              data-testid="claim-submit"
            >
              {busy ? t('claimsOpening') : t('claimsSubmit')}
            </button>
          </div>
        </>
      )}
      <p class="muted claim-opened" role="status" data-testid="claim-opened">
        {opened && t('claimsOpened', [opened.merchantName, formatDateTime(opened.answerBy)])}
      </p>
    </form>
  );
}
