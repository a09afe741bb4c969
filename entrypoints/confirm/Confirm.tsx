import { useEffect, useState } from 'preact/hooks';
import { formatAmount, t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { WalletError } from '@/lib/protocol/wallet-error';
import type { WalletBalance } from '@/lib/wallet/balance-schema';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { OrderSummary } from './OrderSummary';
import { PaymentChoice } from './PaymentChoice';

type Ready = { approval: ApprovalView; wallet: WalletRecord | null; balance: WalletBalance };
type State =
  | { status: 'loading' }
  | ({ status: 'ready'; busy?: 'paying' | 'cancelling'; refusal?: string } & Ready)
  | { status: 'gone' }
  | { status: 'failed'; message: string };

/**
 * The extension-owned approval window. It shows the merchant origin the browser reported, never
 * one the page claims, so a shopper can tell which site is asking for money, and nothing is paid
 * until the shopper approves here.
 */
export function Confirm({ approvalId, call }: { approvalId: string; call: RuntimeClient }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  async function load() {
    try {
      const [approval, { wallet }, balance] = await Promise.all([
        call({ type: 'approval.get', approvalId }),
        call({ type: 'wallet.state' }),
        call({ type: 'wallet.balance' }),
      ]);
      setState({ status: 'ready', approval, wallet, balance });
    } catch (error) {
      setState(failure(error));
    }
  }

  useEffect(() => void load(), [approvalId, call]);

  async function act(ready: Ready, busy: 'paying' | 'cancelling', action: () => Promise<unknown>) {
    setState({ status: 'ready', ...ready, busy });
    try {
      await action();
      window.close();
    } catch (error) {
      // A refusal (a short balance, a limit) leaves the approval open: say why and let the shopper choose again.
      if (error instanceof WalletError && error.code !== 'NOT_FOUND') setState({ status: 'ready', ...ready, refusal: error.message });
      else setState(failure(error));
    }
  }

  return (
    <main class="confirm" aria-busy={state.status === 'loading' || (state.status === 'ready' && state.busy !== undefined)}>
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
          {state.refusal && (
            <p class="error" role="alert" data-testid="confirm-refusal">
              {state.refusal}
            </p>
          )}
          <PaymentChoice
            offer={state.approval.offer}
            wallet={state.wallet}
            balance={state.balance}
            busy={state.busy}
            onPay={() => void act(state, 'paying', () => call({ type: 'approval.pay', approvalId, method: 'balance' }))}
            onCancel={() => void act(state, 'cancelling', () => call({ type: 'approval.reject', approvalId }))}
          />
        </>
      )}
    </main>
  );
}

function failure(error: unknown): State {
  if (error instanceof WalletError && error.code === 'NOT_FOUND') return { status: 'gone' };
  return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
}
