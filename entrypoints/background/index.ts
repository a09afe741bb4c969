import { browser } from 'wxt/browser';
import { WalletDatabase } from '@/lib/db';
import { createLedger } from '@/lib/ledger/ledger';
import { createRouter } from '@/lib/protocol/router';
import { readBalance } from '@/lib/wallet/balance';
import type { WalletContext } from '@/lib/wallet/context';
import { pay } from '@/lib/wallet/payments';
import { topUp } from '@/lib/wallet/top-ups';
import { unwrap, unwrapOrder } from '@/lib/wallet/unwrap';
import { openClaim } from '@/lib/wallet/claims';
import { shopperHistory } from '@/lib/wallet/history';
import { cancelOrder, confirmReceipt, findOrder, openDispute, releaseDisputedOrder, shipOrder } from '@/lib/wallet/orders';
import { orderStatusOf } from '@/lib/wallet/order-status';
import type { OrderRecord } from '@/lib/wallet/records';
import type { WalletResult } from '@/lib/wallet/result';
import { WalletError } from '@/lib/protocol/wallet-error';
import { refundOrder } from '@/lib/wallet/refunds';
import { verifyPaymentPassword } from '@/lib/account/payment-auth';
import { readProfile } from '@/lib/account/profile-store';
import type { NewCardDetails } from '@/lib/protocol/runtime';
import { addCard, revealCard } from '@/lib/wallet/cards';
import { createAccountHandlers } from './account-handlers';
import { createBackupHandlers } from './backup-handlers';
import { createApprovals } from './approvals';
import { createInlineHandlers } from './inline-handlers';
import { createVaultSession } from './vault-session';
import { createStoredClock } from './demo-clock';
import { createJobAlarm } from './job-alarm';
import { originOf, senderFrom } from './sender';

export default defineBackground(() => {
  const db = new WalletDatabase();
  const time = createStoredClock();
  const context: WalletContext = { db, ledger: createLedger(db, time.clock), clock: time.clock };
  const approvals = createApprovals();
  const session = createVaultSession();
  /** A merchant's action, answered with where the order stands now. */
  const statusAfter = async (work: Promise<WalletResult<{ order: OrderRecord }>>) => {
    const { order } = unwrap(await thenSchedule(work));
    return { status: await orderStatusOf(context, order) };
  };
  /** Paying, topping up and acting on orders need the wallet unlocked. */
  const unlocked = async <T>(work: () => Promise<T>): Promise<T> => {
    await session.require();
    return work();
  };
  /** A card typed in the confirm window: checked and sealed like any other, kept unsaved until the shopper saves it. */
  const chargeNewCard = async (key: CryptoKey, card: NewCardDetails) => {
    const profile = await readProfile(db, key);
    return unwrap(await addCard(context, key, { ...card, id: crypto.randomUUID(), billingAddress: profile.address, save: false })).card;
  };
  const jobs = createJobAlarm(context, time.clock);
  /** Runs a buyer action and re-arms the job alarm, since the action may add or remove timed work. */
  const thenSchedule = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await jobs.schedule();
    return result;
  };

  const route = createRouter({
    'wallet.balance': () => readBalance(db),
    ...createAccountHandlers(context, session),
    ...createBackupHandlers(context, session, jobs.schedule),
    'topUps.create': ({ id, method, amountMinor, cardId, paymentPassword }) =>
      unlocked(async () => {
        // A card top-up charges a linked card, so it is a payment; the other methods are transfers the shopper starts outside the wallet.
        if (method === 'card') unwrap(await verifyPaymentPassword(context, paymentPassword ?? ''));
        return thenSchedule(topUp(context, { id, method, amountMinor, ...(cardId ? { cardId } : {}) }).then(unwrap));
      }),
    'orders.cancel': ({ origin, orderId }) => unlocked(() => thenSchedule(cancelOrder(context, origin, orderId).then(unwrap))),
    'orders.confirmReceipt': ({ origin, orderId, paymentPassword }) =>
      unlocked(async () => {
        unwrap(await verifyPaymentPassword(context, paymentPassword));
        return thenSchedule(confirmReceipt(context, origin, orderId).then(unwrap));
      }),
    'orders.dispute': ({ origin, orderId, reason }) =>
      unlocked(() => thenSchedule(openDispute(context, origin, orderId, reason).then(unwrap))),
    'claims.open': (request) => unlocked(() => thenSchedule(openClaim(context, request).then(unwrap))),
    'history.page': ({ query }) => shopperHistory(db, query),
    'clock.setSpeedup': async ({ speedup }) => thenSchedule(time.setSpeedup(speedup)),
    'merchant.status': async ({ orderId }, from) => ({
      status: await orderStatusOf(context, unwrapOrder(await findOrder(context, originOf(from), orderId))),
    }),
    'merchant.ship': ({ orderId, shipping }, from) => statusAfter(shipOrder(context, originOf(from), orderId, shipping)),
    'merchant.refund': ({ orderId, refundId, amountMinor, reason }, from) =>
      statusAfter(refundOrder(context, originOf(from), orderId, { refundId, amountMinor, reason })),
    'merchant.releaseDispute': ({ orderId }, from) => statusAfter(releaseDisputedOrder(context, originOf(from), orderId)),
    ...createInlineHandlers(context, approvals),
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
    'approval.fill': async ({ approvalId, cardId, cvc, paymentPassword }) => {
      const key = await session.require();
      const { subject } = await approvals.get(approvalId);
      if (subject.kind !== 'fill') throw new WalletError('INVALID_REQUEST', 'This approval is not a card fill.');
      unwrap(await verifyPaymentPassword(context, paymentPassword));
      const { secret, card } = unwrap(await revealCard(context, key, cardId));
      return approvals.complete(approvalId, async ({ requestId }) => ({
        result: { filled: true as const },
        notice: {
          type: 'fill.card',
          requestId,
          fields: subject.fields,
          card: {
            number: secret.number,
            expiryMonth: card.expiryMonth,
            expiryYear: card.expiryYear,
            holderName: card.holderName,
            brand: card.brand,
            cvc,
          },
        },
      }));
    },
    'approval.confirmOrder': async ({ approvalId, paymentPassword }) => {
      await session.require();
      const { subject } = await approvals.get(approvalId);
      if (subject.kind !== 'order') throw new WalletError('INVALID_REQUEST', 'This approval is not an order action.');
      // Confirming receipt pays the merchant, so it is a payment; cancelling and disputing only hold money back.
      if (subject.action.kind === 'confirmReceipt') unwrap(await verifyPaymentPassword(context, paymentPassword ?? ''));
      return approvals.complete(approvalId, async ({ origin, requestId }) => {
        const { action } = subject;
        const acted = await thenSchedule(
          action.kind === 'confirmReceipt'
            ? confirmReceipt(context, origin, action.orderId)
            : action.kind === 'cancel'
              ? cancelOrder(context, origin, action.orderId)
              : openDispute(context, origin, action.orderId, action.reason),
        );
        const status = await orderStatusOf(context, unwrap(acted).order);
        return { result: { status }, notice: { type: 'order.outcome', requestId, outcome: { ok: true, status } } };
      });
    },
    'approval.reject': (request) => approvals.reject(request.approvalId),
    'approval.pay': async (request) => {
      const key = await session.require();
      unwrap(await verifyPaymentPassword(context, request.paymentPassword));
      return approvals.complete(request.approvalId, async ({ origin, requestId, subject }) => {
        if (subject.kind !== 'payment') throw new WalletError('INVALID_REQUEST', 'This approval is not a payment.');
        const { offer } = subject;
        const newCard = request.newCard && (await chargeNewCard(key, request.newCard));
        const cardId = newCard?.id ?? request.cardId;
        const paid = unwrap(await pay(context, { origin, offer, method: request.method, ...(cardId ? { cardId } : {}) }));
        const result = { ...paid, ...(newCard && !paid.replayed ? { newCard } : {}) };
        const { order } = paid;
        return {
          result,
          // A card typed for this purchase: the window stays to ask whether to save it.
          keepWindow: result.newCard !== undefined,
          notice: {
            type: 'payment.outcome',
            requestId,
            outcome: {
              status: 'held',
              orderId: order.orderId,
              amountMinor: order.amountMinor,
              currency: order.currency,
              paidAt: order.paidAt,
            },
          },
        };
      });
    },
  });

  // Listeners are registered synchronously so a woken service worker sees the message that woke it.
  browser.runtime.onMessage.addListener((message, from) => {
    const sender = senderFrom(from);
    // Only the shopper's own pages count as activity; a store's checkout asking for the balance does not keep the wallet open.
    if (sender.kind === 'extension')
      void db.security.get('security').then((security) => security && session.touch(security.autoLockMinutes));
    return route(message, sender);
  });
  browser.windows.onRemoved.addListener((windowId) => void approvals.windowClosed(windowId));
  jobs.listen();
  session.listen();
  // Sign-up happens in the wallet page, so a fresh install opens it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/wallet.html') });
  });
  // Opening the database on start creates it on install, and due work left from a sleep runs now.
  void Promise.all([db.open(), time.ready]).then(() => jobs.sweep());
});
