import { useEffect, useState } from 'preact/hooks';
import { formatAmount, t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { WalletError } from '@/lib/protocol/wallet-error';
import { OrderSummary } from './OrderSummary';

type State =
  | { status: 'loading' }
  | { status: 'ready'; approval: ApprovalView; cancelling: boolean }
  | { status: 'gone' }
  | { status: 'failed'; message: string };

/**
 * The extension-owned approval window. It shows the merchant origin the browser reported, never
 * one the page claims, so a shopper can tell which site is asking for money.
 */
export function Confirm({ approvalId, call }: { approvalId: string; call: RuntimeClient }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    call({ type: 'approval.get', approvalId }).then(
      (approval) => setState({ status: 'ready', approval, cancelling: false }),
      (error: unknown) => setState(failure(error)),
    );
  }, [approvalId, call]);

  async function cancel(approval: ApprovalView) {
    setState({ status: 'ready', approval, cancelling: true });
    try {
      await call({ type: 'approval.reject', approvalId });
      window.close();
    } catch (error) {
      setState(failure(error));
    }
  }

  return (
    <main class="confirm" aria-busy={state.status === 'loading'}>
      <h1>{t('confirmTitle')}</h1>
      {state.status === 'loading' && <p class="muted">{t('confirmLoading')}</p>}
      {state.status === 'gone' && <p role="alert">{t('confirmGone')}</p>}
      {state.status === 'failed' && (
        <p class="error" role="alert">
          {t('confirmFailed', [state.message])}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <OrderSummary approval={state.approval} />
          <p class="confirm-total">
            <span>{t('confirmTotal')}</span>
            <strong data-testid="confirm-amount">
              {formatAmount({ amountMinor: state.approval.offer.amountMinor, currency: state.approval.offer.currency })}
            </strong>
          </p>
          <div class="actions">
            <button type="button" disabled={state.cancelling} onClick={() => void cancel(state.approval)}>
              {state.cancelling ? t('confirmCancelling') : t('confirmCancel')}
            </button>
          </div>
        </>
      )}
    </main>
  );
}

function failure(error: unknown): State {
  if (error instanceof WalletError && error.code === 'NOT_FOUND') return { status: 'gone' };
  return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
}
