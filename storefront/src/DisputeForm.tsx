import { useState } from 'preact/hooks';

const MAX_REASON = 1000;

/** Asks what went wrong before the dispute goes to the wallet, which shows the reason to the shopper as text. */
export function DisputeForm({ busy, onSubmit, onClose }: { busy: boolean; onSubmit: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  return (
    <form
      class="order-form"
      aria-label="Open a dispute"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return setProblem('Say what went wrong');
        setProblem(undefined);
        onSubmit(reason.trim());
      }}
    >
      <label class="field">
        <span>What went wrong?</span>
        <textarea
          name="disputeReason"
          rows={3}
          required
          maxLength={MAX_REASON}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </label>
      {problem && (
        <p class="error small" role="alert">
          {problem}
        </p>
      )}
      <p class="muted small">While the dispute is open the money stays held: it goes to the seller only once the dispute is resolved.</p>
      <div class="order-actions">
        <button type="submit" class="primary" data-testid="submit-dispute" disabled={busy}>
          Open the dispute
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          Never mind
        </button>
      </div>
    </form>
  );
}
