import { useEffect, useRef, useState } from 'preact/hooks';
import { Field, describedBy } from '@/components/Field';
import { t } from '@/components/i18n';
import { useRequest } from '@/components/use-request';

/** As the background's schema allows. */
const DISPUTE_REASON_MAX = 1000;

/** Why the shopper disputes the order, asked inline; the reason is required and stays in this wallet. */
export function DisputeForm({
  id,
  effect,
  onSubmit,
  onCancel,
}: {
  id: string;
  effect: string;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const { busy, error, run } = useRequest();
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  const fieldId = `${id}-reason`;
  const hint = t('ordersDisputeReasonHint', [String(DISPUTE_REASON_MAX)]);
  const fieldError = invalid ?? error;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    const problem = trimmed === '' ? t('ordersDisputeReasonRequired') : trimmed.length > DISPUTE_REASON_MAX ? t('err_too_long') : undefined;
    setInvalid(problem);
    if (problem || !(await run(() => onSubmit(trimmed)))) input.current?.focus();
  }

  return (
    <form
      class="inline-prompt"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}
    >
      <p id={`${id}-title`} class="inline-prompt-title">
        {t('orderAction_dispute')}
      </p>
      <p class="muted">{effect}</p>
      <Field id={fieldId} label={t('ordersDisputeReasonLabel')} hint={hint} error={fieldError}>
        <textarea
          id={fieldId}
          ref={input}
          name="reason"
          rows={3}
          required
          maxLength={DISPUTE_REASON_MAX}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
          data-testid="order-dispute-reason"
          {...describedBy(fieldId, fieldError, hint)}
        />
      </Field>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy} data-testid="order-dispute-submit">
          {busy ? t('ordersDisputing') : t('orderActionConfirm_dispute')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('orderActionKeep')}
        </button>
      </div>
    </form>
  );
}
