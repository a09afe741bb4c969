import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { days } from '@/lib/business-days';
import { verifyLedger } from '@/lib/ledger/verify';
import { merchantAccount } from '@/lib/wallet/accounts';
import { checkSavedCard, saveCard } from '@/lib/wallet/cards/cards';
import { markVerified } from '@/lib/wallet/create-wallet';
import { statementPage } from '@/lib/wallet/history/history-statement';
import { runDueJobs } from '@/lib/wallet/jobs';
import { buyerActionsFor, escrowStateOf } from '@/lib/wallet/orders/order-view';
import { orderStatusOf, paymentOutcomeOf } from '@/lib/wallet/orders/order-status';
import { cancelOrder, confirmReceipt, openDispute, shipOrder } from '@/lib/wallet/orders/orders';
import { PAYMENT_CHECK_MS } from '@/lib/wallet/orders/payment-check';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, SHOP, freshWallet, offer } from './support/with-wallet';

type Wallet = Awaited<ReturnType<typeof freshWallet>>;

/** An unverified wallet whose only card was linked before cards were checked: nothing vouches for the shopper. */
async function unvouchedWallet(): Promise<Wallet> {
  const wallet = await freshWallet({ checkedCard: false });
  await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED });
  return wallet;
}

const payFromBalance = (wallet: Wallet, orderId = 'ord_1') =>
  pay(wallet.context, { origin: SHOP, offer: offer({ orderId }), method: 'balance' }, AUTHORISED);

const orderOf = async (wallet: Wallet, orderId = 'ord_1') => (await wallet.db.orders.toArray()).find((order) => order.orderId === orderId)!;

const merchantBalance = async (wallet: Wallet) => {
  const merchant = await wallet.db.accounts.get(merchantAccount(SHOP));
  return merchant ? merchant.creditsPosted - merchant.debitsPosted : 0;
};

describe('Payment check: who goes to it', () => {
  it('holds the money of a purchase nothing vouches for, in check until 24 hours after paying', async () => {
    const wallet = await unvouchedWallet();
    expect(await payFromBalance(wallet)).toMatchObject({
      ok: true,
      order: { state: 'checking', paidAt: MONDAY, checkEndsAt: MONDAY + PAYMENT_CHECK_MS },
    });
    expect(PAYMENT_CHECK_MS).toBe(days(1));
    expect(await wallet.balance()).toEqual({ available: 6_000, held: 4_000, pendingIn: 0 });
    expect(await merchantBalance(wallet)).toBe(0);
    expect(await wallet.db.jobs.toArray()).toEqual([
      { id: `end_payment_check:${SHOP} ord_1`, kind: 'end_payment_check', ref: `${SHOP} ord_1`, dueAt: MONDAY + PAYMENT_CHECK_MS },
    ]);
  });

  it('tells the paying page and the shop that the payment is in check, and until when', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    const order = await orderOf(wallet);
    expect(paymentOutcomeOf(order)).toEqual({
      status: 'held',
      state: 'checking',
      orderId: 'ord_1',
      amountMinor: 4_000,
      currency: 'USD',
      paidAt: MONDAY,
      checkEndsAt: MONDAY + PAYMENT_CHECK_MS,
    });
    expect(await orderStatusOf(wallet.context, order)).toEqual({
      orderId: 'ord_1',
      state: 'checking',
      amountMinor: 4_000,
      refundedMinor: 0,
      currency: 'USD',
      paidAt: MONDAY,
      checkEndsAt: MONDAY + PAYMENT_CHECK_MS,
    });
  });

  it('accepts at once a purchase from a verified wallet', async () => {
    const wallet = await unvouchedWallet();
    await markVerified(wallet.context);
    expect(await payFromBalance(wallet)).toMatchObject({ ok: true, order: { state: 'held' } });
    expect(await orderOf(wallet)).not.toHaveProperty('checkEndsAt');
    expect(await wallet.db.jobs.count()).toBe(0);
    expect(paymentOutcomeOf(await orderOf(wallet))).toMatchObject({ status: 'held', state: 'held' });
  });

  it('accepts at once a purchase from a wallet with a saved card that passed its card check, whatever pays', async () => {
    const wallet = await freshWallet();
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'card', cardId: CARD_ID }, AUTHORISED)).toMatchObject({
      ok: true,
      order: { state: 'held' },
    });
  });

  it.each([
    ['typed once at checkout and not saved', { status: 'unsaved' as const }],
    ['removed from the wallet', { status: 'removed' as const }],
  ])('checks a purchase whose only checked card was %s', async (_, change) => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await wallet.db.cards.update(CARD_ID, change);
    expect(await payFromBalance(wallet)).toMatchObject({ ok: true, order: { state: 'checking' } });
  });

  it('accepts purchases at once after the shopper saves the checked card typed at checkout, or checks an older card', async () => {
    const typedOnce = await freshWallet();
    await topUp(typedOnce.context, { id: 'seed', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await typedOnce.db.cards.update(CARD_ID, { status: 'unsaved' });
    expect(await payFromBalance(typedOnce, 'unsaved')).toMatchObject({ order: { state: 'checking' } });
    await saveCard(typedOnce.context, CARD_ID, AUTHORISED);
    expect(await payFromBalance(typedOnce, 'saved')).toMatchObject({ order: { state: 'held' } });

    const older = await unvouchedWallet();
    expect(await payFromBalance(older, 'unchecked')).toMatchObject({ order: { state: 'checking' } });
    await checkSavedCard(older.context, CARD_ID, AUTHORISED);
    expect(await payFromBalance(older, 'checked')).toMatchObject({ order: { state: 'held' } });
  });

  it('leaves the orders it holds as they were when the shopper verifies meanwhile', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet, 'before');
    await markVerified(wallet.context);
    await payFromBalance(wallet, 'after');
    expect((await orderOf(wallet, 'before')).state).toBe('checking');
    expect((await orderOf(wallet, 'after')).state).toBe('held');
  });
});

describe('Payment check: the clock, the shop and the buyer', () => {
  it('is accepted by the clock 24 hours after paying, with the same hold: nothing moves and escrow runs as usual', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    const hold = (await orderOf(wallet)).holdTransferId;

    wallet.clock.advance(PAYMENT_CHECK_MS - 1);
    expect(await runDueJobs(wallet.context)).toEqual({ done: 0, failed: [] });
    expect((await orderOf(wallet)).state).toBe('checking');

    wallet.clock.advance(1);
    expect(await runDueJobs(wallet.context)).toEqual({ done: 1, failed: [] });
    const accepted = await orderOf(wallet);
    expect(accepted).toMatchObject({ state: 'held', holdTransferId: hold });
    expect(accepted).not.toHaveProperty('checkEndsAt');
    expect(escrowStateOf(accepted)).toEqual({ kind: 'held' });
    expect(await wallet.balance()).toEqual({ available: 6_000, held: 4_000, pendingIn: 0 });
    expect(await wallet.db.jobs.count()).toBe(0);

    expect(await shipOrder(wallet.context, SHOP, 'ord_1', 'virtual')).toMatchObject({ ok: true });
    expect(await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED)).toMatchObject({ ok: true, order: { state: 'released' } });
    expect(await merchantBalance(wallet)).toBe(4_000);
    expect(await verifyLedger(wallet.db)).toMatchObject({ ok: true });
  });

  it('cannot be shipped, received or disputed while in check, and refusing changes nothing', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    const before = { order: await orderOf(wallet), balance: await wallet.balance(), transfers: await wallet.db.transfers.count() };

    expect(await shipOrder(wallet.context, SHOP, 'ord_1', 'express')).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      reason: 'payment_in_check',
    });
    expect(await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED)).toMatchObject({ ok: false, reason: 'payment_in_check' });
    expect(await openDispute(wallet.context, SHOP, 'ord_1', 'Changed my mind')).toMatchObject({ ok: false, reason: 'payment_in_check' });

    expect(await orderOf(wallet)).toEqual(before.order);
    expect(await wallet.balance()).toEqual(before.balance);
    expect(await wallet.db.transfers.count()).toBe(before.transfers);
    expect(buyerActionsFor(before.order)).toEqual({ confirmReceipt: false, cancel: true, dispute: false });
    expect(escrowStateOf(before.order)).toEqual({ kind: 'checking', checkEndsAt: MONDAY + PAYMENT_CHECK_MS });
  });

  it('cancelled during the check, returns the money at once and is never accepted later', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    wallet.clock.advance(days(0.5));
    expect(await cancelOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: true, order: { state: 'cancelled' } });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
    expect(await orderOf(wallet)).not.toHaveProperty('checkEndsAt');
    expect(await wallet.db.jobs.count()).toBe(0);

    wallet.clock.advance(PAYMENT_CHECK_MS);
    await runDueJobs(wallet.context);
    expect((await orderOf(wallet)).state).toBe('cancelled');
    expect(await merchantBalance(wallet)).toBe(0);
  });

  it('refunded in part during the check, stays in check with the rest held, and the clock accepts the rest', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_000, reason: 'Out of stock' })).toMatchObject({
      ok: true,
      order: { state: 'checking' },
    });
    expect(await wallet.balance()).toEqual({ available: 7_000, held: 3_000, pendingIn: 0 });
    wallet.clock.advance(PAYMENT_CHECK_MS);
    await runDueJobs(wallet.context);
    expect(await orderOf(wallet)).toMatchObject({ state: 'held' });
    expect(await wallet.balance()).toEqual({ available: 7_000, held: 3_000, pendingIn: 0 });
  });

  it('refunded in full during the check, closes and drops its check', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 4_000, reason: 'Out of stock' })).toMatchObject({
      ok: true,
      order: { state: 'refunded' },
    });
    expect(await wallet.db.jobs.count()).toBe(0);
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
  });

  it('shows in the history as a purchase in check until accepted, then as held in escrow', async () => {
    const wallet = await unvouchedWallet();
    await payFromBalance(wallet);
    const purchaseStatus = async () => (await statementPage(wallet.db, { code: 'purchase' })).rows.map((row) => row.status);
    expect(await purchaseStatus()).toEqual(['checking']);
    wallet.clock.advance(PAYMENT_CHECK_MS);
    await runDueJobs(wallet.context);
    expect(await purchaseStatus()).toEqual(['pending']);
  });
});
