import { useState } from 'preact/hooks';
import { toDecimalString } from '../../lib/money';
import { parseMoney } from '../../lib/money-parse';
import type { OrderStatus } from '../../lib/protocol/checkout';
import { formatAmount } from './order-words';

export interface RefundRequest {
  refundId: string;
  amountMinor: number;
  reason: string;
}

const MAX_REASON = 500;

/**
 * A refund of up to what is left, in full by default. The refund id is made once per form, so
 * sending again after a failure or a lost answer reuses it and the wallet refunds at most once;
 * the seller page remounts the form (a fresh id) once the refund went through.
 */
export function RefundForm({
  status,
  refundable,
  busy,
  onRefund,
}: {
  status: OrderStatus;
  refundable: number;
  busy: boolean;
  onRefund: (request: RefundRequest) => void;
}) {
  const [refundId] = useState(() => `refund_${crypto.randomUUID()}`);
  const [amount, setAmount] = useState<string>(() => toDecimalString({ amountMinor: refundable, currency: status.currency }));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = parseMoney(amount, status.currency, 'en-US');
    if (!parsed.ok) return setProblem(parsed.message);
    if (parsed.value.amountMinor === 0) return setProblem('Enter an amount above zero');
    if (reason.trim() === '') return setProblem('Say why you are refunding: the shopper sees it in the wallet');
    setProblem(undefined);
    onRefund({ refundId, amountMinor: parsed.value.amountMinor, reason: reason.trim() });
  }

  return (
    <form class="order-form" aria-label="Refund" onSubmit={submit}>
      <div class="field-row">
        <label class="field">
          <span>Refund amount ({status.currency})</span>
          <input
            name="refundAmount"
            data-testid="refund-amount"
            inputMode="decimal"
            required
            value={amount}
            aria-invalid={problem !== undefined}
            aria-describedby={`refundable-${status.orderId}`}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Reason</span>
          <input
            name="refundReason"
            data-testid="refund-reason"
            required
            maxLength={MAX_REASON}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </label>
      </div>
      <p class="muted small" id={`refundable-${status.orderId}`}>
        Up to {formatAmount(refundable, status.currency)} can still be refunded.
      </p>
      {problem && (
        <p class="error small" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" data-testid="refund-submit" disabled={busy}>
        Refund
      </button>
    </form>
  );
}
