import { readProfile } from '@/lib/account/profile-store';
import { requirePaymentPassword, type PaymentAuthorisation } from '@/lib/account/payment-auth';
import type { AnswerGate } from '@/lib/approvals/approval-flow';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import type { NewCardDetails } from '@/lib/protocol/runtime';
import { actOnOrder, paysMerchant } from '@/lib/wallet/orders/buyer-actions';
import { addCard, revealCard } from '@/lib/wallet/cards/cards';
import { cardForFill } from '@/lib/wallet/cards/card-for-fill';
import { findOrder } from '@/lib/wallet/orders/orders';
import { orderStatusOf, paymentOutcomeOf } from '@/lib/wallet/orders/order-status';
import { pay } from '@/lib/wallet/orders/payments';
import { unwrap, unwrapOrder } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';
import { originOf } from '../sender';

/**
 * The confirm window: a store page asks (a buyer's action here; payments and fills through the wallet's own
 * frame), the window reads what it is asked, and the shopper answers. Every answer passes the same gate
 * (unlocked, then the approval, then the payment password where the subject pays) in `approvals.answer`.
 */
export function approvalHandlers({ context, session, approvals, afterChange }: BackgroundServices) {
  const gate = (paymentPassword: string | undefined): AnswerGate => ({
    unlocked: () => session.require(),
    authorise: async (subject) =>
      subject.kind === 'order' && !paysMerchant(subject.action) ? undefined : requirePaymentPassword(context, paymentPassword ?? ''),
  });
  /** A card typed in the confirm window: checked and sealed like any other, kept unsaved until the shopper saves it. */
  const chargeNewCard = async (key: CryptoKey, card: NewCardDetails, authorisation: PaymentAuthorisation) => {
    const profile = await readProfile(context.db, key);
    return unwrap(
      await addCard(context, key, { ...card, id: crypto.randomUUID(), billingAddress: profile.address, save: false }, authorisation),
    ).card;
  };

  return {
    'approval.openOrder': async ({ requestId, action }, from) => {
      // An order this origin was never paid for gets no window: the page hears NOT_FOUND at once.
      unwrapOrder(await findOrder(context, originOf(from), action.orderId));
      return approvals.open(from, requestId, { kind: 'order', action });
    },
    'approval.get': async ({ approvalId }) => {
      const { origin, subject } = await approvals.get(approvalId);
      if (subject.kind === 'payment') return { kind: 'payment', approvalId, origin, offer: subject.offer };
      if (subject.kind === 'fill')
        return { kind: 'fill', approvalId, origin, fields: subject.fields, ...(subject.total ? { total: subject.total } : {}) };
      const order = unwrapOrder(await findOrder(context, origin, subject.action.orderId));
      return { kind: 'order', approvalId, origin, action: subject.action, order, status: await orderStatusOf(context, order) };
    },
    'approval.reject': ({ approvalId }) => approvals.reject(approvalId),
    // A payment in check is accepted by a job: the jobs' alarm is set again once the window has its answer,
    // so nothing stands between the payment's commit and the page hearing of it (a worker stopped in between
    // finds the job on its next start).
    'approval.pay': (request) =>
      afterChange(
        approvals.answer(
          request.approvalId,
          'payment',
          gate(request.paymentPassword),
          async ({ origin, requestId, subject }, key, authorisation) => {
            const newCard = request.newCard && (await chargeNewCard(key, request.newCard, authorisation));
            const cardId = newCard?.id ?? request.cardId;
            const paid = unwrap(
              await pay(context, { origin, offer: subject.offer, method: request.method, ...(cardId ? { cardId } : {}) }, authorisation),
            );
            const { order } = paid;
            const result = { ...paid, ...(newCard && !paid.replayed ? { newCard } : {}) };
            return {
              result,
              // A card typed for this purchase: the window stays to ask whether to save it.
              keepWindow: result.newCard !== undefined,
              notice: { type: 'payment.outcome', requestId, outcome: paymentOutcomeOf(order) },
            };
          },
        ),
      ),
    'approval.actOnOrder': ({ approvalId, paymentPassword }) =>
      approvals.answer(approvalId, 'order', gate(paymentPassword), async ({ origin, requestId, subject }, _key, authorisation) => {
        const acted = unwrap(await afterChange(actOnOrder(context, origin, subject.action, authorisation)));
        const status = await orderStatusOf(context, acted.order);
        return { result: { status }, notice: { type: 'order.outcome', requestId, outcome: { ok: true, status } } };
      }),
    'approval.fill': ({ approvalId, cardId, cvc, paymentPassword }) =>
      approvals.answer(approvalId, 'fill', gate(paymentPassword), async ({ requestId, subject }, key, authorisation) => {
        const { secret, card } = unwrap(await revealCard(context, key, cardId, authorisation));
        const { expiryMonth, expiryYear, holderName, brand } = card;
        const filled = cardForFill(subject.fields, { number: secret.number, expiryMonth, expiryYear, holderName, brand }, cvc);
        return {
          result: { filled: true as const },
          notice: { type: 'fill.card', requestId, fields: subject.fields, card: filled },
        };
      }),
  } satisfies Pick<
    RuntimeHandlers,
    'approval.openOrder' | 'approval.get' | 'approval.reject' | 'approval.pay' | 'approval.actOnOrder' | 'approval.fill'
  >;
}
