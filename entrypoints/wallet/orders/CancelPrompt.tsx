import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useRequest } from '@/components/use-request';

/**
 * The inline question before an order is cancelled, saying where the held money goes. "Keep it"
 * takes focus, so a second press of Enter cannot cancel an order by accident.
 */
export function CancelPrompt({
  id,
  effect,
  onConfirm,
  onCancel,
}: {
  id: string;
  effect: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const { busy, error, run } = useRequest();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);

  return (
    <section
      class="inline-prompt"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-effect`}
      aria-busy={busy}
      onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}
    >
      <p id={`${id}-title`} class="inline-prompt-title">
        {t('orderAction_cancel')}
      </p>
      <p id={`${id}-effect`} class="muted">
        {effect}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void run(onConfirm)} data-testid="order-cancel-confirm">
          {busy ? t('ordersCancelling') : t('orderActionConfirm_cancel')}
        </button>
        <button type="button" ref={keep} disabled={busy} onClick={onCancel}>
          {t('orderActionKeep')}
        </button>
      </div>
    </section>
  );
}
