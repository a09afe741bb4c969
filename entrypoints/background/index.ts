import { browser } from 'wxt/browser';
import { WalletDatabase } from '@/lib/db';
import { createLedger } from '@/lib/ledger/ledger';
import { createRouter } from '@/lib/protocol/router';
import { readBalance } from '@/lib/wallet/balance';
import type { WalletContext } from '@/lib/wallet/context';
import { openWallet } from '@/lib/wallet/open-wallet';
import { pay } from '@/lib/wallet/payments';
import { topUp } from '@/lib/wallet/top-ups';
import { unwrap } from '@/lib/wallet/unwrap';
import { openClaim } from '@/lib/wallet/claims';
import { shopperHistory } from '@/lib/wallet/history';
import { cancelOrder, confirmReceipt, openDispute, releaseDisputedOrder, shipOrder } from '@/lib/wallet/orders';
import { refundOrder } from '@/lib/wallet/refunds';
import { createApprovals } from './approvals';
import { createStoredClock } from './demo-clock';
import { createJobAlarm } from './job-alarm';
import { originOf, senderFrom } from './sender';

export default defineBackground(() => {
  const db = new WalletDatabase();
  const time = createStoredClock();
  const context: WalletContext = { db, ledger: createLedger(db, time.clock), clock: time.clock };
  const approvals = createApprovals();
  const jobs = createJobAlarm(context, time.clock);
  /** Runs a buyer action and re-arms the job alarm, since the action may add or remove timed work. */
  const thenSchedule = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await jobs.schedule();
    return result;
  };

  const route = createRouter({
    'wallet.balance': () => readBalance(db),
    'wallet.state': async () => ({ wallet: (await db.wallet.get('wallet')) ?? null }),
    'wallet.open': async (request) => unwrap(await openWallet(context, request.currency)),
    'topUps.create': ({ id, method, amountMinor, cardId }) =>
      thenSchedule(topUp(context, { id, method, amountMinor, ...(cardId ? { cardId } : {}) }).then(unwrap)),
    'orders.cancel': ({ origin, orderId }) => thenSchedule(cancelOrder(context, origin, orderId).then(unwrap)),
    'orders.confirmReceipt': ({ origin, orderId }) => thenSchedule(confirmReceipt(context, origin, orderId).then(unwrap)),
    'orders.dispute': ({ origin, orderId, reason }) => thenSchedule(openDispute(context, origin, orderId, reason).then(unwrap)),
    'claims.open': (request) => thenSchedule(openClaim(context, request).then(unwrap)),
    'history.page': ({ query }) => shopperHistory(db, query),
    'clock.setSpeedup': async ({ speedup }) => thenSchedule(time.setSpeedup(speedup)),
    'merchant.ship': ({ orderId, shipping }, from) => thenSchedule(shipOrder(context, originOf(from), orderId, shipping).then(unwrap)),
    'merchant.refund': ({ orderId, refundId, amountMinor, reason }, from) =>
      thenSchedule(refundOrder(context, originOf(from), orderId, { refundId, amountMinor, reason }).then(unwrap)),
    'merchant.releaseDispute': ({ orderId }, from) => thenSchedule(releaseDisputedOrder(context, originOf(from), orderId).then(unwrap)),
    'approval.open': (request, from) => approvals.open(from, request.requestId, request.offer),
    'approval.get': (request) => approvals.view(request.approvalId),
    'approval.reject': (request) => approvals.reject(request.approvalId),
    'approval.pay': (request) =>
      approvals.complete(request.approvalId, async ({ origin, offer }) => {
        const result = unwrap(
          await pay(context, { origin, offer, method: request.method, ...(request.cardId ? { cardId: request.cardId } : {}) }),
        );
        const { order } = result;
        return {
          result,
          outcome: {
            status: 'held',
            orderId: order.orderId,
            amountMinor: order.amountMinor,
            currency: order.currency,
            paidAt: order.paidAt,
          },
        };
      }),
  });

  // Listeners are registered synchronously so a woken service worker sees the message that woke it.
  browser.runtime.onMessage.addListener((message, from) => route(message, senderFrom(from)));
  browser.windows.onRemoved.addListener((windowId) => void approvals.windowClosed(windowId));
  jobs.listen();
  // Opening the database on start creates it on install, and due work left from a sleep runs now.
  void Promise.all([db.open(), time.ready]).then(() => jobs.sweep());
});
