import type { PaymentAuthorisation } from '../../account/payment-auth';
import type { Offer } from '../../protocol/checkout';
import type { TransferInput } from '../../ledger/transfer';
import { availableMinor } from '../../ledger/balances';
import { ACCOUNTS, merchantAccount } from '../accounts';
import { inactivityRefusal, noteActivity } from '../../account/inactivity';
import { chargeableCard, describeAmount, isRefusal, moneyTables, readWallet, type WalletContext } from '../context';
import { fromLedgerFailure } from '../ledger-refusal';
import { limitsFor } from '../limits';
import { holdId, orderKey } from './order-key';
import { inPaymentCheck, needsPaymentCheck, schedulePaymentCheck } from './payment-check';
import type { OrderRecord, PaymentMethod } from '../records';
import { refuse, type WalletResult } from '../result';

export interface PaymentRequest {
  /** The merchant's origin as the browser reported it, never as the page claimed. */
  origin: string;
  offer: Omit<Offer, 'mount'>;
  method: PaymentMethod;
  /** The linked card for `card` and `top_up_and_balance`. */
  cardId?: string;
}

/**
 * Pays an order into escrow: a pending transfer to the merchant that confirming receipt posts
 * and cancelling voids. From the balance there is no partial payment: a short balance is refused
 * with the shortfall, or topped up from a card in the same linked step. Paying the same order
 * again returns the first payment. A wallet that nothing vouches for (no verified identity, no
 * saved card that passed its check) pays into a payment check first, in the same transaction.
 */
export async function pay(
  context: WalletContext,
  request: PaymentRequest,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ order: OrderRecord; replayed: boolean }>> {
  const { db, ledger, clock } = context;
  const { offer } = request;
  const key = orderKey(request.origin, offer.orderId);
  const merchant = merchantAccount(request.origin);
  const holdTransferId = holdId(key);
  const topUpId = `top-up-for:${key}`;
  return db.transaction('rw', moneyTables(db), async () => {
    // The reads a payment needs, the ledger's included, are asked for at once: one round trip of the transaction
    // before its writes. The balance checked here is the shopper's account the ledger then moves.
    const [wallet, existing, ahead] = await Promise.all([
      readWallet(context),
      db.orders.get(key),
      ledger.readAhead(request.method === 'top_up_and_balance' ? [topUpId, holdTransferId] : [holdTransferId], [
        ACCOUNTS.shopper,
        merchant,
        ...(request.method === 'balance' ? [] : [ACCOUNTS.cardNetwork]),
      ]),
    ]);
    if (isRefusal(wallet)) return wallet;
    if (existing) {
      const same = existing.amountMinor === offer.amountMinor && existing.currency === offer.currency;
      return same
        ? { ok: true as const, order: existing, replayed: true }
        : refuse('ALREADY_DONE', 'order_already_paid', `Order ${offer.orderId} was already paid with a different amount.`);
    }
    const inactive = inactivityRefusal(wallet, clock.now());
    if (inactive) return inactive;
    if (offer.currency !== wallet.currency) {
      return refuse(
        'INVALID_REQUEST',
        'currency_not_held',
        `This shop charges in ${offer.currency}, but the wallet holds ${wallet.currency}; the wallet does not convert currencies. Pay by card instead.`,
      );
    }
    const purchaseLimit = limitsFor(wallet.currency, wallet.verified).purchaseMinor;
    if (offer.amountMinor > purchaseLimit) {
      return refuse(
        'LIMIT_EXCEEDED',
        'purchase_limit',
        `One purchase can be at most ${describeAmount(purchaseLimit, wallet.currency)}${wallet.verified ? '' : '; verify your identity to raise it'}.`,
      );
    }
    if (request.method !== 'balance' && !(await chargeableCard(db, request.cardId))) {
      return refuse('NOT_FOUND', 'card_not_found', 'Choose one of your linked cards, or add a card first.');
    }

    const shortMinor = offer.amountMinor - availableMinor(ahead.accounts.get(ACCOUNTS.shopper)!);
    if (request.method === 'balance' && shortMinor > 0) {
      return refuse(
        'INSUFFICIENT_FUNDS',
        'balance_short',
        `The balance is short by ${describeAmount(shortMinor, wallet.currency)}. Top up the difference from a card and pay, or pay by card.`,
        { shortMinor },
      );
    }

    const hold: TransferInput = {
      kind: 'pending',
      id: holdTransferId,
      debitAccountId: request.method === 'card' ? ACCOUNTS.cardNetwork : ACCOUNTS.shopper,
      creditAccountId: merchant,
      amountMinor: offer.amountMinor,
      currency: wallet.currency,
      code: 'purchase',
      orderId: key,
    };
    const transfers: TransferInput[] = [hold];
    if (request.method === 'top_up_and_balance' && shortMinor > 0) {
      transfers.unshift({
        kind: 'single',
        id: topUpId,
        debitAccountId: ACCOUNTS.cardNetwork,
        creditAccountId: ACCOUNTS.shopper,
        amountMinor: shortMinor,
        currency: wallet.currency,
        code: 'top_up',
        orderId: key,
      });
    }
    const paidAt = clock.now();
    const paid: OrderRecord = {
      id: key,
      origin: request.origin,
      orderId: offer.orderId,
      merchantName: offer.merchantName,
      ...(offer.supportEmail ? { supportEmail: offer.supportEmail } : {}),
      items: offer.items,
      amountMinor: offer.amountMinor,
      currency: wallet.currency,
      method: request.method,
      holdTransferId: hold.id,
      paidAt,
      state: 'held',
      ...(request.cardId && request.method !== 'balance' ? { cardId: request.cardId } : {}),
    };
    const order = (await needsPaymentCheck(db, wallet)) ? inPaymentCheck(paid) : paid;
    const submitted = await ledger.submit(transfers, {
      ahead,
      // The shop's account opens with its first payment, in the same step as the hold that needs it.
      open: [{ id: merchant, currency: wallet.currency, debitsMustNotExceedCredits: false }],
      // The order, its check and the activity are the payment's own records, written with its transfers.
      alongside: () =>
        Promise.all([
          db.orders.add(order),
          order.state === 'checking' ? schedulePaymentCheck(db, order) : undefined,
          noteActivity(db, paidAt, wallet),
        ]),
    });
    if (!submitted.ok) return fromLedgerFailure(submitted.failure, 'This payment');
    return { ok: true as const, order, replayed: false };
  });
}
