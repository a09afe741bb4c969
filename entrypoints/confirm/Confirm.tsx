import { useEffect, useRef, useState } from 'preact/hooks';
import walletMark from '@/assets/icon.svg';
import { useFocusTrap } from '@/components/focus-trap';
import { UnlockForm } from '@/components/UnlockForm';
import { errorText, formatDateTime } from '@/components/error-text';
import { ResetPaymentPassword } from '@/components/ResetPaymentPassword';
import { t } from '@/components/i18n';
import type { SecurityQuestionId } from '@/lib/account/security-questions';
import type { RuntimeClient } from '@/lib/protocol/client';
import { NoAnswerError } from '@/lib/protocol/no-answer';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { WalletError } from '@/lib/protocol/wallet-error';
import type { WalletBalance } from '@/lib/wallet/balance-schema';
import type { CardLabel, CardRecord } from '@/lib/wallet/records';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { FillChoice } from './FillChoice';
import { ForgotPassword } from './forgot-password';
import { FillSummary } from './FillSummary';
import { OrderActionChoice } from './OrderActionChoice';
import { OrderItems } from './OrderItems';
import { OrderSummary, orderOf } from './OrderSummary';
import { PaymentChoice } from './PaymentChoice';
import { SaveCardOffer } from './SaveCardOffer';

type Ready = {
  approval: ApprovalView;
  wallet: WalletRecord | null;
  locked: boolean;
  balance: WalletBalance;
  cards: CardLabel[];
  defaultCardId?: string;
  questionIds: SecurityQuestionId[];
  paymentLockedUntil?: number;
};
type State =
  | { status: 'loading' }
  | ({
      status: 'ready';
      busy?: 'paying' | 'cancelling';
      refusal?: string;
      passwordError?: string;
      /** "Forgot payment password?" is open in place of the approval's form. */
      resetting?: boolean;
      /** Said once the payment password was reset, until the shopper acts again. */
      notice?: string;
    } & Ready)
  | { status: 'save-card'; card: CardRecord }
  /** The approval is closed; `interrupted` when the wallet stopped while answering the shopper's own action. */
  | { status: 'gone'; interrupted?: boolean }
  | { status: 'failed'; message: string };

/**
 * The extension-owned approval window. It shows the merchant origin the browser reported, never
 * one the page claims, so a shopper can tell which site is asking for money, and nothing is paid
 * until the shopper approves here.
 */
export function Confirm({ approvalId, call }: { approvalId: string; call: RuntimeClient }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const main = useRef<HTMLElement>(null);
  useFocusTrap(main, state.status === 'ready' ? `ready:${state.locked}` : state.status);

  async function load(refusal?: string, notice?: string, interrupted = false) {
    try {
      const [approval, { wallet, locked, security, questionIds }, balance, { cards, defaultCardId }] = await Promise.all([
        call({ type: 'approval.get', approvalId }),
        call({ type: 'wallet.state' }),
        call({ type: 'wallet.balance' }),
        call({ type: 'cards.list' }),
      ]);
      setState({
        status: 'ready',
        approval,
        wallet,
        locked,
        balance,
        cards,
        ...(defaultCardId ? { defaultCardId } : {}),
        questionIds: questionIds ?? [],
        ...(security?.paymentLockedUntil !== undefined ? { paymentLockedUntil: security.paymentLockedUntil } : {}),
        ...(refusal ? { refusal } : {}),
        ...(notice ? { notice } : {}),
      });
    } catch (error) {
      setState(failure(error, interrupted));
    }
  }

  useEffect(() => void load(), [approvalId, call]);

  async function act(ready: Ready, busy: 'paying' | 'cancelling', action: () => Promise<{ newCard?: CardRecord } | object>) {
    setState({ status: 'ready', ...ready, busy });
    try {
      const result = await action();
      const newCard = 'newCard' in result ? (result.newCard as CardRecord | undefined) : undefined;
      if (newCard) setState({ status: 'save-card', card: newCard });
      else window.close();
    } catch (error) {
      // A refusal (a wrong password, a short balance, a limit) leaves the approval open: say why and let the shopper try again.
      // The wallet stopped before it answered: what is still open is read again, so a payment that
      // went through shows as done and one that did not can be confirmed again, never twice.
      if (error instanceof NoAnswerError) await load(errorText(error), undefined, true);
      else if (error instanceof WalletError && isPasswordProblem(error))
        setState({ status: 'ready', ...ready, passwordError: errorText(error) });
      else if (error instanceof WalletError && error.code !== 'NOT_FOUND')
        setState({ status: 'ready', ...ready, refusal: errorText(error) });
      else setState(failure(error));
    }
  }

  // A refusal belongs in the header rather than beside the form: it stays in sight however far the details are scrolled.
  return (
    <main ref={main} class="confirm" aria-busy={state.status === 'loading' || (state.status === 'ready' && state.busy !== undefined)}>
      <header class="confirm-header">
        <h1>
          {/* The toolbar's mark: the window is the wallet's own, whatever the page that opened it looks like. */}
          <img src={walletMark} alt="" width={24} height={24} />
          {t(state.status === 'ready' && state.approval.kind === 'fill' ? 'fillTitle' : 'confirmTitle')}
        </h1>
        {state.status === 'ready' &&
          (state.approval.kind === 'fill' ? <FillSummary approval={state.approval} /> : <OrderSummary approval={state.approval} />)}
        {state.status === 'ready' && state.refusal && (
          <p class="error" role="alert" data-testid="confirm-refusal">
            {state.refusal}
          </p>
        )}
        {state.status === 'ready' && state.notice && (
          <p class="muted" role="status" data-testid="confirm-notice">
            {state.notice}
          </p>
        )}
      </header>
      {state.status === 'loading' && <p class="muted">{t('confirmLoading')}</p>}
      {state.status === 'gone' && (
        <p role="alert" data-testid="confirm-gone">
          {t(state.interrupted ? 'confirmInterrupted' : 'confirmGone')}
        </p>
      )}
      {state.status === 'failed' && (
        <p class="error" role="alert">
          {t('confirmFailed', [state.message])}
        </p>
      )}
      {state.status === 'save-card' && (
        <SaveCardOffer
          card={state.card}
          save={(paymentPassword) => call({ type: 'cards.save', cardId: state.card.id, paymentPassword })}
          done={() => window.close()}
        />
      )}
      {state.status === 'ready' && state.resetting && (
        <div class="confirm-details">
          <ResetPaymentPassword
            call={call}
            questionIds={state.questionIds}
            paymentLockedUntil={state.paymentLockedUntil}
            onReset={(lockedUntil) =>
              void load(
                lockedUntil === undefined ? undefined : t('resetPaymentPasswordKeepsLock', [formatDateTime(lockedUntil)]),
                t('confirmPaymentPasswordReset'),
              )
            }
            onCancel={() => setState({ ...state, resetting: false })}
          />
        </div>
      )}
      <ForgotPassword.Provider
        value={state.status === 'ready' ? () => setState({ ...state, resetting: true, refusal: undefined }) : undefined}
      >
        {state.status === 'ready' &&
          !state.resetting &&
          (state.locked ? (
            <div class="confirm-details">
              {state.approval.kind !== 'fill' && <OrderItems order={orderOf(state.approval)} />}
              <section class="card" aria-labelledby="confirm-unlock-title">
                <h2 id="confirm-unlock-title">{t('unlockTitle')}</h2>
                <p class="muted">{t('confirmUnlockExplanation')}</p>
                <UnlockForm unlock={(loginPassword) => call({ type: 'account.unlock', loginPassword }).then(() => load())} />
              </section>
            </div>
          ) : state.approval.kind === 'fill' ? (
            <FillChoice
              fields={state.approval.fields}
              cards={state.cards}
              {...(state.defaultCardId ? { defaultCardId: state.defaultCardId } : {})}
              busy={state.busy}
              {...(state.passwordError ? { passwordError: state.passwordError } : {})}
              onFill={(request) => void act(state, 'paying', () => call({ type: 'approval.fill', approvalId, ...request }))}
              onCancel={() => void act(state, 'cancelling', () => call({ type: 'approval.reject', approvalId }))}
            />
          ) : state.approval.kind === 'order' ? (
            <OrderActionChoice
              approval={state.approval}
              busy={state.busy}
              {...(state.passwordError ? { passwordError: state.passwordError } : {})}
              onConfirm={(paymentPassword) =>
                void act(state, 'paying', () =>
                  call({ type: 'approval.actOnOrder', approvalId, ...(paymentPassword ? { paymentPassword } : {}) }),
                )
              }
              onCancel={() => void act(state, 'cancelling', () => call({ type: 'approval.reject', approvalId }))}
            />
          ) : (
            <PaymentChoice
              offer={state.approval.offer}
              wallet={state.wallet}
              balance={state.balance}
              cards={state.cards}
              {...(state.defaultCardId ? { defaultCardId: state.defaultCardId } : {})}
              busy={state.busy}
              {...(state.passwordError ? { passwordError: state.passwordError } : {})}
              onPay={(request) => void act(state, 'paying', () => call({ type: 'approval.pay', approvalId, ...request }))}
              onCancel={() => void act(state, 'cancelling', () => call({ type: 'approval.reject', approvalId }))}
            />
          ))}
      </ForgotPassword.Provider>
    </main>
  );
}

/** A wrong or locked payment password belongs beside the password field. */
const isPasswordProblem = (error: WalletError) =>
  error.details.reason === 'wrong_payment_password' || error.details.reason === 'payment_password_locked';

function failure(error: unknown, interrupted = false): State {
  if (error instanceof WalletError && error.code === 'NOT_FOUND') return { status: 'gone', ...(interrupted ? { interrupted } : {}) };
  return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
}
