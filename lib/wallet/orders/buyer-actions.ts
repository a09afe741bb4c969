import type { PaymentAuthorisation } from '../../account/payment-auth';
import type { BuyerAction } from '../../protocol/checkout';
import type { WalletContext } from '../context';
import { cancelOrder, confirmReceipt, openDispute, type OrderResult } from './orders';

type ConfirmReceipt = Extract<BuyerAction, { kind: 'confirmReceipt' }>;
type HoldsMoneyBack = Exclude<BuyerAction, ConfirmReceipt>;

/** Whether the action pays the merchant (confirming receipt does), and so needs the payment password; cancelling and disputing only hold money back. */
export function paysMerchant(action: BuyerAction): action is ConfirmReceipt {
  return action.kind === 'confirmReceipt';
}

/**
 * A buyer's action on an order, whoever asked for it (the wallet page, or a store page through the confirm
 * window): the one place that maps an action to its operation. Confirming receipt takes the payment
 * password's authorisation.
 */
export function actOnOrder(
  context: WalletContext,
  origin: string,
  action: ConfirmReceipt,
  authorisation: PaymentAuthorisation,
): OrderResult;
export function actOnOrder(context: WalletContext, origin: string, action: HoldsMoneyBack): OrderResult;
export function actOnOrder(context: WalletContext, origin: string, action: BuyerAction, authorisation?: PaymentAuthorisation): OrderResult;
export function actOnOrder(context: WalletContext, origin: string, action: BuyerAction, authorisation?: PaymentAuthorisation): OrderResult {
  switch (action.kind) {
    case 'confirmReceipt':
      if (!authorisation) throw new TypeError('Confirming receipt pays the merchant: it needs the payment password.');
      return confirmReceipt(context, origin, action.orderId, authorisation);
    case 'cancel':
      return cancelOrder(context, origin, action.orderId);
    case 'dispute':
      return openDispute(context, origin, action.orderId, action.reason);
  }
}
