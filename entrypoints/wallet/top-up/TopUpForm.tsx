import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/components/error-text';
import { describedBy, Field } from '@/components/Field';
import { formatAmount, t, uiLocale } from '@/components/i18n';
import { parseMoney } from '@/lib/money-parse';
import type { RuntimeClient } from '@/lib/protocol/client';
import { WalletError } from '@/lib/protocol/wallet-error';
import type { CardLabel, TopUpRecord } from '@/lib/wallet/records';
import { quoteTopUp, walletRoom, type TopUpWallet } from '@/lib/wallet/top-ups/top-up-quote';
import type { TopUpMethod } from '@/lib/wallet/top-ups/top-up-method';
import { cardLabel } from '@/components/card-label';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { useRequest } from '@/components/use-request';
import { CardChoice } from './CardChoice';
import { MethodChoice } from './MethodChoice';
import { QuoteSummary, REFUSAL_ID } from './QuoteSummary';
import { amountProblemText, methodName } from './top-up-text';

const AMOUNT_ID = 'top-up-amount';

type Focusable = 'confirm' | 'status';

/**
 * Refusals the top-up itself gives, after it has looked the id up: they prove this id added
 * nothing, so the next try is a new attempt. After any other failure (a wrong password, a lost
 * answer) the id may already have added the money, and only reusing it keeps a retry from adding it twice.
 */
const TOP_UP_REFUSALS = new Set([
  'below_method_minimum',
  'above_method_maximum',
  'monthly_method_limit',
  'balance_cap',
  'card_not_found',
  'id_already_failed',
]);

/**
 * Choosing a method, an amount and (for a card) which card, with the quote shown before anything
 * is sent. Each attempt gets one id, kept while the shopper retries the same top-up, so a retry
 * after a lost answer can never add the money twice.
 */
export function TopUpForm({
  call,
  wallet,
  cards,
  defaultCardId,
  now,
}: {
  call: RuntimeClient;
  wallet: TopUpWallet;
  cards: CardLabel[];
  defaultCardId: string | undefined;
  now: number;
}) {
  const { currency } = wallet;
  const [method, setMethod] = useState<TopUpMethod>('card');
  const [amountText, setAmountText] = useState('');
  const [chosenCardId, setChosenCardId] = useState<string>();
  const [showEmpty, setShowEmpty] = useState(false);
  const [prompting, setPrompting] = useState(false);
  const [done, setDone] = useState<string>();
  const request = useRequest();
  const attempt = useRef<{ key: string; id: string } | undefined>(undefined);
  const amountInput = useRef<HTMLInputElement>(null);
  const cardHint = useRef<HTMLParagraphElement>(null);
  const targets = {
    confirm: useRef<HTMLButtonElement>(null),
    status: useRef<HTMLParagraphElement>(null),
  };
  // Focus can only move once the element it goes to is rendered, so it is asked for here and given after the render.
  const focusNext = useRef<Focusable | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current) targets[focusNext.current].current?.focus();
    focusNext.current = undefined;
  });

  const card = method === 'card' ? (cards.find(({ id }) => id === (chosenCardId ?? defaultCardId)) ?? cards[0]) : undefined;
  const parsed = amountText.trim() === '' ? undefined : parseMoney(amountText, currency, uiLocale());
  const amountError =
    parsed && !parsed.ok
      ? amountProblemText(parsed.code, currency)
      : showEmpty && !parsed
        ? amountProblemText('empty', currency)
        : undefined;
  const quote = parsed?.ok ? quoteTopUp(method, parsed.value.amountMinor, wallet, now) : undefined;
  const room = walletRoom(wallet);
  // The prompt closes by itself if the card or the amount it was opened for goes away meanwhile.
  const promptOpen = prompting && card !== undefined && parsed?.ok === true;
  const busy = request.busy || promptOpen;

  const edited = () => {
    setDone(undefined);
    setShowEmpty(false);
    setPrompting(false);
  };

  /** The same id for as long as the shopper retries this exact top-up; a new one once anything about it changes. */
  const attemptId = (amountMinor: number): string => {
    const key = JSON.stringify([method, amountMinor, card?.id]);
    if (attempt.current?.key !== key) attempt.current = { key, id: crypto.randomUUID() };
    return attempt.current.id;
  };

  const finished = (topUp: TopUpRecord) => {
    attempt.current = undefined;
    const amount = formatAmount({ amountMinor: topUp.amountMinor, currency: topUp.currency });
    setDone(
      topUp.settlesAt > topUp.createdAt
        ? t('topUpDoneSettling', [amount, formatDateTime(topUp.settlesAt)])
        : t('topUpDoneInstant', [amount]),
    );
    setAmountText('');
    focusNext.current = 'status';
  };

  const create = async (amountMinor: number, paymentPassword?: string) => {
    try {
      const { topUp } = await call({
        type: 'topUps.create',
        id: attemptId(amountMinor),
        method,
        amountMinor,
        ...(card ? { cardId: card.id } : {}),
        ...(paymentPassword === undefined ? {} : { paymentPassword }),
      });
      finished(topUp);
    } catch (error) {
      if (error instanceof WalletError && TOP_UP_REFUSALS.has(error.details.reason ?? '')) attempt.current = undefined;
      throw error;
    }
  };

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(undefined);
    if (!parsed?.ok || !quote || quote.refusal) {
      setShowEmpty(true);
      amountInput.current?.focus();
      return;
    }
    if (method === 'card' && !card) {
      cardHint.current?.focus();
      return;
    }
    const { amountMinor } = parsed.value;
    if (method === 'card') setPrompting(true);
    else
      void request.run(async () => {
        try {
          await create(amountMinor);
        } catch (error) {
          // The button was disabled while the request ran, which dropped focus; it goes back there, beside the error.
          focusNext.current = 'confirm';
          throw error;
        }
      });
  }

  const amountDescribedBy = [
    describedBy(AMOUNT_ID, amountError, t('topUpAmountHint', [currency]))['aria-describedby'],
    quote?.refusal && REFUSAL_ID,
  ]
    .filter(Boolean)
    .join(' ');
  const chargedTo = card ? cardLabel(card) : methodName(method);
  return (
    <>
      <form class="top-up-form" noValidate aria-busy={request.busy} onSubmit={submit}>
        <MethodChoice
          wallet={wallet}
          value={method}
          disabled={busy}
          onChange={(next) => {
            edited();
            setMethod(next);
          }}
        />
        <Field id={AMOUNT_ID} label={t('topUpAmountLabel')} error={amountError} hint={t('topUpAmountHint', [currency])}>
          <input
            id={AMOUNT_ID}
            ref={amountInput}
            name="topUpAmount"
            inputMode="decimal"
            autoComplete="off"
            required
            disabled={busy}
            value={amountText}
            onInput={(event) => {
              edited();
              setAmountText(event.currentTarget.value);
            }}
            aria-invalid={amountError || quote?.refusal ? 'true' : undefined}
            aria-describedby={amountDescribedBy || undefined}
            data-testid="top-up-amount"
          />
        </Field>
        {method === 'card' && (
          <CardChoice
            cards={cards}
            defaultCardId={defaultCardId}
            value={card?.id}
            disabled={busy}
            hintRef={cardHint}
            onChange={(cardId) => {
              edited();
              setChosenCardId(cardId);
            }}
          />
        )}
        {quote && <QuoteSummary quote={quote} currency={currency} room={room} chargedTo={chargedTo} simulated={method !== 'card'} />}
        {request.error && (
          <p class="error" role="alert" data-testid="top-up-error">
            {request.error}
          </p>
        )}
        <p class="muted top-up-status" role="status" ref={targets.status} tabIndex={-1} data-testid="top-up-done">
          {done}
        </p>
        <div class="form-actions">
          <button
            type="submit"
            class="primary"
            ref={targets.confirm}
            disabled={busy}
            aria-busy={request.busy}
            aria-expanded={method === 'card' ? promptOpen : undefined}
            data-testid="top-up-confirm"
          >
            {request.busy
              ? t('topUpConfirming')
              : quote && !quote.refusal
                ? t('topUpConfirmAmount', [formatAmount({ amountMinor: quote.amountMinor, currency })])
                : t('topUpConfirm')}
          </button>
        </div>
      </form>
      {promptOpen && card && parsed?.ok && (
        <PasswordPrompt
          id="top-up-password"
          title={t('topUpPasswordTitle', [formatAmount(parsed.value), cardLabel(card)])}
          confirmLabel={t('topUpPasswordConfirm')}
          busyLabel={t('topUpCharging')}
          onConfirm={async (paymentPassword) => {
            await create(parsed.value.amountMinor, paymentPassword);
            setPrompting(false);
          }}
          onCancel={() => {
            setPrompting(false);
            focusNext.current = 'confirm';
          }}
        />
      )}
    </>
  );
}
