import { cardLabel } from '@/components/card-label';
import { formatDateTime } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import type { EscrowState } from '@/lib/wallet/orders/order-view';
import type { CardRecord, OrderRecord } from '@/lib/wallet/records';
import { durationText } from './duration-text';

/** A card by brand and last four; a card the wallet no longer knows is still "the card that paid". */
export const cardText = (card: CardRecord | undefined): string => (card ? cardLabel(card) : t('ordersUnknownCard'));

/** How the order was paid: from the balance, by card, or topped up from a card and paid from the balance. */
export function paymentText(order: OrderRecord, card: CardRecord | undefined): string {
  switch (order.method) {
    case 'balance':
      return t('ordersPaidBalance');
    case 'card':
      return t('ordersPaidCard', [cardText(card)]);
    case 'top_up_and_balance':
      return t('ordersPaidTopUp', [cardText(card)]);
  }
}

/** Where the money stands, in one sentence, with the dates that matter for it. */
export function escrowText(state: EscrowState): string {
  switch (state.kind) {
    case 'checking':
      return t('ordersStateChecking', [formatDateTime(state.checkEndsAt)]);
    case 'held':
      return t('ordersStateHeld');
    case 'shipped':
      return t('ordersStateShipped', [
        tKey(`ordersShipping_${state.shipping}`),
        formatDateTime(state.shippedAt),
        formatDateTime(state.releaseAt),
      ]);
    case 'disputed':
      return `${t('ordersStateDisputed', [formatDateTime(state.openedAt)])} ${
        state.remainingMs === undefined ? t('ordersDisputeNotShipped') : t('ordersDisputeTimeLeft', [durationText(state.remainingMs)])
      }`;
    default:
      return tKey(`ordersState_${state.kind}`);
  }
}
