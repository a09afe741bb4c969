import { useEffect, useRef, useState } from 'preact/hooks';
import { formatAmount, t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { buyerActionsFor, type OrderView } from '@/lib/wallet/orders/order-view';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { CancelPrompt } from './CancelPrompt';
import { DisputeForm } from './DisputeForm';
import { cardText } from './order-text';

export type BuyerAction = 'confirmReceipt' | 'dispute' | 'cancel';

/**
 * The buyer's actions on a held order, each confirmed inline: confirming receipt pays the shop, so
 * it takes the payment password; a dispute needs a reason; cancelling says where the money goes.
 */
export function OrderActions({ call, view, onDone }: { call: RuntimeClient; view: OrderView; onDone: (action: BuyerAction) => void }) {
  const { order } = view;
  const allowed = buyerActionsFor(order);
  const [open, setOpen] = useState<BuyerAction>();
  const buttons = {
    confirmReceipt: useRef<HTMLButtonElement>(null),
    dispute: useRef<HTMLButtonElement>(null),
    cancel: useRef<HTMLButtonElement>(null),
  };
  // The button that opened a prompt gets focus back once the prompt is gone.
  const returnTo = useRef<BuyerAction | undefined>(undefined);
  useEffect(() => {
    if (returnTo.current) buttons[returnTo.current].current?.focus();
    returnTo.current = undefined;
  });

  if (!allowed.confirmReceipt && !allowed.dispute && !allowed.cancel) return null;
  const close = (action: BuyerAction) => {
    returnTo.current = action;
    setOpen(undefined);
  };
  const ref = { origin: order.origin, orderId: order.orderId };
  const held = formatAmount({ amountMinor: view.heldMinor, currency: order.currency });
  const idPrefix = `order-${order.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const toggle = (action: BuyerAction) => (open === action ? close(action) : setOpen(action));

  return (
    <>
      <div class="form-actions">
        {allowed.confirmReceipt && (
          <button
            type="button"
            class="primary"
            ref={buttons.confirmReceipt}
            aria-expanded={open === 'confirmReceipt'}
            onClick={() => toggle('confirmReceipt')}
            data-testid="order-confirm-receipt"
          >
            {t('orderActionConfirm_confirmReceipt')}
          </button>
        )}
        {allowed.dispute && (
          <button
            type="button"
            ref={buttons.dispute}
            aria-expanded={open === 'dispute'}
            onClick={() => toggle('dispute')}
            data-testid="order-dispute"
          >
            {t('ordersOpenDispute')}
          </button>
        )}
        {allowed.cancel && (
          <button
            type="button"
            ref={buttons.cancel}
            aria-expanded={open === 'cancel'}
            onClick={() => toggle('cancel')}
            data-testid="order-cancel"
          >
            {t('ordersCancelOrder')}
          </button>
        )}
      </div>
      {open === 'confirmReceipt' && (
        <PasswordPrompt
          id={`${idPrefix}-receipt`}
          title={t('orderAction_confirmReceipt')}
          confirmLabel={t('orderActionConfirm_confirmReceipt')}
          busyLabel={t('ordersConfirming')}
          onConfirm={async (paymentPassword) => {
            await call({ type: 'orders.confirmReceipt', ...ref, paymentPassword });
            setOpen(undefined);
            onDone('confirmReceipt');
          }}
          onCancel={() => close('confirmReceipt')}
        >
          <p class="muted">{t('orderActionEffect_confirmReceipt', [held])}</p>
        </PasswordPrompt>
      )}
      {open === 'dispute' && (
        <DisputeForm
          id={`${idPrefix}-dispute`}
          effect={t('orderActionEffect_dispute', [held])}
          onSubmit={async (reason) => {
            await call({ type: 'orders.dispute', ...ref, reason });
            setOpen(undefined);
            onDone('dispute');
          }}
          onCancel={() => close('dispute')}
        />
      )}
      {open === 'cancel' && (
        <CancelPrompt
          id={`${idPrefix}-cancel`}
          effect={
            order.method === 'card' ? t('ordersCancelEffectCard', [held, cardText(view.card)]) : t('ordersCancelEffectBalance', [held])
          }
          onConfirm={async () => {
            await call({ type: 'orders.cancel', ...ref });
            setOpen(undefined);
            onDone('cancel');
          }}
          onCancel={() => close('cancel')}
        />
      )}
    </>
  );
}
