import { cardLabel } from '@/components/card-label';
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatAmount, t } from '@/components/i18n';
import type { Offer } from '@/lib/protocol/checkout';
import type { NewCardDetails } from '@/lib/protocol/runtime';
import type { WalletBalance } from '@/lib/wallet/balance-schema';
import type { CardLabel, PaymentMethod } from '@/lib/wallet/records';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { vouchesForShopper } from '@/lib/wallet/orders/payment-check';
import { ConfirmForm, type Busy } from './ConfirmForm';
import { NewCardFields, emptyCard } from './NewCardFields';
import { OrderItems } from './OrderItems';

export interface PaymentChoiceValue {
  method: PaymentMethod;
  paymentPassword: string;
  cardId?: string;
  newCard?: NewCardDetails;
}

interface Props {
  offer: Offer;
  wallet: WalletRecord | null;
  balance: WalletBalance;
  cards: CardLabel[];
  defaultCardId?: string;
  busy: Busy;
  passwordError?: string;
  onPay(request: PaymentChoiceValue): void;
  onCancel(): void;
}

const NEW_CARD = 'new';

/**
 * Brings what a choice just revealed into the scrolling details' view, once the choice has rendered: in a
 * small window the card's fields appear below the fold, where a shopper who clicked "Card" would not see them.
 */
const revealSoon = (block: RefObject<HTMLElement | null>) => setTimeout(() => block.current?.scrollIntoView({ block: 'nearest' }), 0);

/**
 * How the shopper pays this offer: from the balance when it covers the total, by a card (linked
 * or typed here), or by topping up the shortfall from a card and paying from the balance, as
 * one step. Every payment needs the payment password.
 */
export function PaymentChoice({ offer, wallet, balance, cards, defaultCardId, busy, passwordError, onPay, onCancel }: Props) {
  const shortMinor = offer.amountMinor - balance.available.amountMinor;
  const sameCurrency = wallet?.currency === offer.currency;
  const [method, setMethod] = useState<PaymentMethod>(shortMinor > 0 ? 'top_up_and_balance' : 'balance');
  const [cardChoice, setCardChoice] = useState(defaultCardId ?? cards[0]?.id ?? NEW_CARD);
  const [newCard, setNewCard] = useState<NewCardDetails>(emptyCard);
  const cardField = useRef<HTMLDivElement>(null);
  const newCardBlock = useRef<HTMLDivElement>(null);
  const usable = wallet !== null && sameCurrency;
  const needsCard = method !== 'balance';
  const total = formatAmount({ amountMinor: offer.amountMinor, currency: offer.currency });

  function submit(paymentPassword: string) {
    const card = !needsCard ? {} : cardChoice === NEW_CARD ? { newCard } : { cardId: cardChoice };
    onPay({ method, paymentPassword, ...card });
  }

  const methods: { value: PaymentMethod; label: string; disabled: boolean }[] = [
    { value: 'balance', label: t('confirmMethodBalance', [formatAmount(balance.available)]), disabled: shortMinor > 0 },
    { value: 'card', label: t('confirmMethodCard'), disabled: false },
    // Topping up the difference only makes sense when there is one.
    ...(shortMinor > 0
      ? [
          {
            value: 'top_up_and_balance' as const,
            label: t('confirmMethodTopUp', [formatAmount({ amountMinor: shortMinor, currency: offer.currency })]),
            disabled: false,
          },
        ]
      : []),
  ];

  return (
    <ConfirmForm
      label={t('confirmPaymentMethod')}
      busy={busy}
      asksPassword={usable}
      passwordError={passwordError}
      cancelLabel={t('confirmCancel')}
      onCancel={onCancel}
      approve={usable ? { label: t('confirmPay', [total]), busyLabel: t('confirmPaying'), testId: 'pay', ready: true } : undefined}
      onApprove={submit}
      terms={usable ? t('confirmEscrowNote') : undefined}
    >
      <OrderItems order={offer} />
      {wallet === null && <p class="notice">{t('confirmNoWallet')}</p>}
      {wallet !== null && !sameCurrency && <p class="notice">{t('confirmOtherCurrency', [offer.currency, wallet.currency])}</p>}
      {/* Before the choices, so the shopper reads it before paying, however small the window. */}
      {usable && !vouchesForShopper(wallet, cards) && (
        <p class="notice" data-testid="confirm-payment-check">
          {t('confirmPaymentCheck')}
        </p>
      )}
      {usable && shortMinor > 0 && (
        <p class="notice" data-testid="confirm-short">
          {t('confirmShort', [formatAmount({ amountMinor: shortMinor, currency: offer.currency })])}
        </p>
      )}
      {usable && (
        <fieldset class="methods">
          <legend>{t('confirmPaymentMethod')}</legend>
          {methods.map((option) => (
            <label class="method" key={option.value}>
              <input
                type="radio"
                name="method"
                value={option.value}
                checked={method === option.value}
                disabled={option.disabled}
                onChange={() => {
                  setMethod(option.value);
                  if (option.value !== 'balance') revealSoon(cardChoice === NEW_CARD ? newCardBlock : cardField);
                }}
              />
              <span data-testid={`confirm-method-${option.value}`}>{option.label}</span>
            </label>
          ))}
        </fieldset>
      )}
      {usable && needsCard && (
        <div class="field" ref={cardField}>
          <label for="confirm-card">{t('confirmCardLabel')}</label>
          <select
            id="confirm-card"
            name="card"
            value={cardChoice}
            onChange={(event) => {
              setCardChoice(event.currentTarget.value);
              if (event.currentTarget.value === NEW_CARD) revealSoon(newCardBlock);
            }}
          >
            {cards.map((card) => (
              <option value={card.id} key={card.id}>
                {cardLabel(card)}
              </option>
            ))}
            <option value={NEW_CARD}>{t('confirmNewCard')}</option>
          </select>
        </div>
      )}
      {usable && needsCard && cardChoice === NEW_CARD && (
        <div class="confirm-new-card" ref={newCardBlock}>
          <NewCardFields value={newCard} onInput={setNewCard} />
          <p class="muted">{t('cardsCheckHint')}</p>
        </div>
      )}
    </ConfirmForm>
  );
}
