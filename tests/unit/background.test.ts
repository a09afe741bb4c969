import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATABASE_NAME, WalletDatabase } from '@/lib/db';
import { iconFiles } from '@/lib/toolbar';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { demoOffer } from './fixtures';
import { cardFromBeforeChecks } from './support/with-wallet';
import {
  contentSender,
  dumpWallet,
  extensionSender,
  send,
  startBackground,
  openPayment,
  pressWalletFrame,
  restartWorker,
  toolbarIcon,
} from './support/with-background';

const PAYMENT_PASSWORD = SIGN_UP_INPUT.paymentPassword;

/** Signs up as the wallet page would; the wallet is unlocked afterwards. */
async function signUp() {
  expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({ ok: true });
}

async function openApproval() {
  const opened = await openPayment(demoOffer(), 'r1', contentSender);
  return (opened as { result: { approvalId: string } }).result.approvalId;
}

/**
 * Signs up, saves a card (which passes its card check, so payments are accepted at once), tops up
 * $100 and pays the demo offer from the balance, as the confirm window would.
 */
async function payDemoOffer() {
  await signUp();
  expect(await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender)).toMatchObject(
    { ok: true },
  );
  await send({ type: 'topUps.create', id: 'top-up-1', method: 'e_wallet', amountMinor: 10_000 }, extensionSender);
  const approvalId = await openApproval();
  return send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: PAYMENT_PASSWORD }, extensionSender);
}

describe('Background', () => {
  beforeEach(startBackground);

  it('creates the wallet database when it starts', async () => {
    await vi.waitFor(async () => expect((await indexedDB.databases()).map((db) => db.name)).toContain(DATABASE_NAME));
  });

  it('answers the balance from the ledger', async () => {
    await new WalletDatabase().accounts.put({
      id: 'shopper',
      currency: 'USD',
      creditsPosted: 20_000,
      debitsPosted: 5_000,
      debitsPending: 2_655,
      creditsPending: 0,
      debitsMustNotExceedCredits: true,
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toEqual({
      ok: true,
      result: { available: { amountMinor: 12_345, currency: 'USD' }, held: { amountMinor: 2_655, currency: 'USD' } },
    });
  });

  it.each([
    ['a malformed message', { type: 'wallet.balance', extra: 1 }, contentSender, 'INVALID_REQUEST'],
    ['a message from another extension', { type: 'wallet.balance' }, { ...contentSender, id: 'other' }, 'ORIGIN_MISMATCH'],
    ['a page asking to read an approval', { type: 'approval.get', approvalId: crypto.randomUUID() }, contentSender, 'ORIGIN_MISMATCH'],
  ])('answers %s with a typed error', async (_, message, sender, code) => {
    expect(await send(message, sender)).toMatchObject({ ok: false, error: { code } });
  });

  it('opens one confirm window per origin, naming the origin the browser reported', async () => {
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    const first = await openPayment(demoOffer({ merchantName: 'https://bank.example' }), 'r1', contentSender);
    const again = await openPayment(demoOffer(), 'r1', contentSender);
    const other = await openPayment(demoOffer({ orderId: 'ord_2' }), 'r2', contentSender);
    expect(created).toHaveBeenCalledOnce();
    expect(first).toMatchObject({ ok: true, result: { reused: false } });
    expect(again).toMatchObject({ ok: true, result: { reused: true } });
    // Another request from the same shop waits: the open window is brought forward and the page is told why.
    expect(other).toMatchObject({ ok: false, error: { code: 'ALREADY_DONE' } });

    const { approvalId } = (first as { result: { approvalId: string } }).result;
    expect(created.mock.calls[0]?.[0]?.url).toBe(fakeBrowser.runtime.getURL(`/confirm.html?approval=${approvalId}`));
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({
      ok: true,
      result: { origin: 'http://localhost:5178', offer: { amountMinor: 2997, merchantName: 'https://bank.example' } },
    });
  });

  it('tells the page the shopper rejected, closes the window, and forgets the approval', async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const opened = await openPayment(demoOffer(), 'r1', contentSender);
    const { approvalId } = (opened as { result: { approvalId: string } }).result;

    expect(await send({ type: 'approval.reject', approvalId }, extensionSender)).toEqual({ ok: true, result: { rejected: true } });
    expect(notify).toHaveBeenCalledWith(
      7,
      { type: 'payment.outcome', requestId: 'r1', outcome: expect.objectContaining({ status: 'rejected', orderId: 'ord_1' }) },
      { frameId: 0 },
    );
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('treats closing the confirm window as a rejection', async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await openPayment(demoOffer(), 'r1', contentSender);
    const windowId = (await fakeBrowser.windows.getAll()).at(-1)?.id;
    await fakeBrowser.windows.remove(windowId!);
    await vi.waitFor(() => expect(notify).toHaveBeenCalledOnce());
    expect(notify.mock.calls[0]?.[1]).toMatchObject({ outcome: { error: { code: 'USER_REJECTED' } } });
  });

  it('pays an approved offer from the balance into escrow and tells the page', async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await payDemoOffer()).toMatchObject({
      ok: true,
      result: { order: { origin: 'http://localhost:5178', orderId: 'ord_1', state: 'held' }, replayed: false },
    });
    expect(notify).toHaveBeenCalledWith(
      7,
      expect.objectContaining({ outcome: expect.objectContaining({ status: 'held', state: 'held', orderId: 'ord_1', amountMinor: 2997 }) }),
      { frameId: 0 },
    );
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      result: { available: { amountMinor: 7_003 }, held: { amountMinor: 2_997 } },
    });
  });

  it('puts a payment nothing vouches for into check: the page hears so, the shop cannot ship it, and the job alarm accepts it in demo time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
      await signUp();
      await send({ type: 'topUps.create', id: 'top-up-1', method: 'e_wallet', amountMinor: 10_000 }, extensionSender);
      const approvalId = await openApproval();
      expect(
        await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: PAYMENT_PASSWORD }, extensionSender),
      ).toMatchObject({ ok: true, result: { order: { state: 'checking' } } });
      expect(notify).toHaveBeenCalledWith(
        7,
        expect.objectContaining({
          outcome: expect.objectContaining({ status: 'held', state: 'checking', checkEndsAt: expect.any(Number) }),
        }),
        { frameId: 0 },
      );
      const ship = { type: 'merchant.ship', orderId: 'ord_1', shipping: 'express' } as const;
      expect(await send(ship, contentSender)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(await send({ type: 'merchant.status', orderId: 'ord_1' }, contentSender)).toMatchObject({
        result: { status: { state: 'checking', checkEndsAt: expect.any(Number) } },
      });
      expect(await fakeBrowser.alarms.get('wallet-jobs')).toBeDefined();

      expect(await send({ type: 'clock.setSpeedup', speedup: 100_000 }, extensionSender)).toMatchObject({ ok: true });
      // 24 hours are under a real second at 100,000×.
      vi.setSystemTime(Date.now() + 1_000);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'wallet-jobs', scheduledTime: Date.now() });
      await vi.waitFor(async () =>
        expect(await send({ type: 'merchant.status', orderId: 'ord_1' }, contentSender)).toMatchObject({
          result: { status: { state: 'held' } },
        }),
      );
      expect(await send(ship, contentSender)).toMatchObject({ ok: true, result: { status: { state: 'shipped' } } });
      expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
        result: { available: { amountMinor: 7_003 }, held: { amountMinor: 2_997 } },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs the card check of a card saved before cards were checked only with the payment password', async () => {
    await signUp();
    const db = new WalletDatabase(DATABASE_NAME);
    await db.cards.add(cardFromBeforeChecks('old', Date.now()));
    expect(await send({ type: 'cards.check', cardId: 'old', paymentPassword: '135792' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await db.transfers.count()).toBe(0);
    const checked = await send({ type: 'cards.check', cardId: 'old', paymentPassword: PAYMENT_PASSWORD }, extensionSender);
    expect(checked).toMatchObject({ ok: true, result: { card: { id: 'old', checkedAt: expect.any(Number) } } });
    expect((await db.transfers.toArray()).map((transfer) => transfer.code).sort()).toEqual(['card_check', 'card_check_refund']);
    db.close();
  });

  it('keeps the approval open when the balance is short, with the shortfall for the confirm window', async () => {
    await signUp();
    await send({ type: 'topUps.create', id: 'top-up-1', method: 'e_wallet', amountMinor: 1_000 }, extensionSender);
    const approvalId = await openApproval();
    expect(
      await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: PAYMENT_PASSWORD }, extensionSender),
    ).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_FUNDS', reason: 'balance_short', shortMinor: 1_997 },
    });
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({ ok: true });
  });

  it('settles a bank transfer when the job alarm fires in sped-up demo time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await signUp();
      expect(
        await send({ type: 'topUps.create', id: 'bank-1', method: 'bank_transfer', amountMinor: 5_000 }, extensionSender),
      ).toMatchObject({ ok: true });
      expect(await fakeBrowser.alarms.get('wallet-jobs')).toBeDefined();
      expect(await send({ type: 'clock.setSpeedup', speedup: 100_000 }, extensionSender)).toMatchObject({
        ok: true,
        result: { speedup: 100_000 },
      });
      // Seven business days from any weekday are at most eleven calendar days: under ten real seconds at 100,000×.
      vi.setSystemTime(Date.now() + 10_000);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'wallet-jobs', scheduledTime: Date.now() });
      await vi.waitFor(async () =>
        expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({ result: { available: { amountMinor: 5_000 } } }),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets the buyer confirm receipt of a shipped order and reads the history', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();
    const order = { origin: 'http://localhost:5178', orderId: 'ord_1' };
    expect(await send({ type: 'orders.confirmReceipt', ...order, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: false,
      error: { reason: 'not_shipped' },
    });
    expect(await send({ type: 'orders.cancel', ...order }, extensionSender)).toMatchObject({
      ok: true,
      result: { order: { state: 'cancelled' } },
    });
    const history = await send({ type: 'history.page', query: { limit: 10 } }, extensionSender);
    expect(history).toMatchObject({ ok: true });
    expect((history as { result: { transfers: unknown[] } }).result.transfers).toHaveLength(3);
  });

  it('confirms receipt from the wallet page only with the payment password; a wrong one moves nothing', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();
    await send({ type: 'merchant.ship', orderId: 'ord_1', shipping: 'express' }, contentSender);
    const order = { origin: 'http://localhost:5178', orderId: 'ord_1' };

    expect(await send({ type: 'orders.confirmReceipt', ...order, paymentPassword: '135792' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', reason: 'wrong_payment_password', triesLeft: 2 },
    });
    expect(await send({ type: 'orders.confirmReceipt', ...order }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await send({ type: 'merchant.status', orderId: 'ord_1' }, contentSender)).toMatchObject({
      result: { status: { state: 'shipped' } },
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      result: { available: { amountMinor: 7_003 }, held: { amountMinor: 2_997 } },
    });

    expect(await send({ type: 'orders.confirmReceipt', ...order, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { order: { state: 'released' } },
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      result: { available: { amountMinor: 7_003 }, held: { amountMinor: 0 } },
    });
  });

  it('takes merchant actions only for the origin that was paid, as the browser reports it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();

    const otherShop = { ...contentSender, url: 'https://evil.example/admin' };
    expect(
      await send({ type: 'merchant.refund', orderId: 'ord_1', refundId: 'r1', amountMinor: 2_997, reason: 'x' }, otherShop),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send({ type: 'merchant.ship', orderId: 'ord_1', shipping: 'express' }, contentSender)).toMatchObject({
      ok: true,
      result: { status: { orderId: 'ord_1', state: 'shipped', releaseAt: expect.any(Number) } },
    });
    expect(
      await send({ type: 'merchant.refund', orderId: 'ord_1', refundId: 'r1', amountMinor: 2_998, reason: 'x' }, contentSender),
    ).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
    expect(
      await send({ type: 'merchant.refund', orderId: 'ord_1', refundId: 'r1', amountMinor: 997, reason: 'Scratched' }, contentSender),
    ).toMatchObject({ ok: true, result: { status: { state: 'shipped', amountMinor: 2_997, refundedMinor: 997 } } });
    expect(await send({ type: 'merchant.status', orderId: 'ord_1' }, otherShop)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      result: { available: { amountMinor: 8_000 }, held: { amountMinor: 2_000 } },
    });
  });

  it('refuses a sign-up form that is not complete, saving nothing', async () => {
    const { termsAccepted: _terms, ...withoutTerms } = SIGN_UP_INPUT;
    expect(await send({ type: 'account.signUp', form: withoutTerms }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({ result: { wallet: null, locked: true } });
  });

  it('refuses a sign-up when the account handlers cannot be run, saying so, and runs them on the next try', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    restartWorker();
    const importScript = (globalThis as { importScripts?: unknown }).importScripts;
    vi.stubGlobal('importScripts', () => {
      throw new Error('NetworkError: account-handlers.js failed to load');
    });
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    const error = logged.mock.calls[0]?.[0] as Error;
    expect(error.message).toBe('The account handlers (account-handlers.js) could not be loaded');
    expect(String(error.cause)).toContain('failed to load');
    expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({ result: { wallet: null } });
    vi.stubGlobal('importScripts', importScript);
    await signUp();
  });

  it('checks a new phone number against the numbering plans after a worker restart', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await signUp();
      restartWorker();
      // A new code waits a minute after the sign-up's.
      vi.setSystemTime(Date.now() + 60_000);
      expect(await send({ type: 'settings.phone', paymentPassword: PAYMENT_PASSWORD, phone: '+1 222 333 3333' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST', reason: 'phone_invalid' },
      });
      expect(await send({ type: 'settings.phone', paymentPassword: PAYMENT_PASSWORD, phone: '+1 213 373 4253' })).toMatchObject({
        ok: true,
        result: { contact: { pendingChange: { masked: '+12•••253' } } },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays unlocked across a service worker restart, locks on a browser restart, and a locked wallet cannot pay', async () => {
    await signUp();
    restartWorker();
    expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({
      result: { locked: false, questionIds: ['first-pet', 'first-teacher', 'childhood-street'] },
    });
    await fakeBrowser.storage.session.clear();
    restartWorker();
    expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({ result: { locked: true } });
    const approvalId = await openApproval();
    expect(
      await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: PAYMENT_PASSWORD }, extensionSender),
    ).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', reason: 'wallet_locked' },
    });
    expect(
      await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender),
    ).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await send({ type: 'account.unlock', loginPassword: 'wrong password!' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await send({ type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword }, extensionSender)).toMatchObject({ ok: true });
    expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({ result: { locked: false } });
  });

  it('locks itself when the inactivity alarm fires, after the time the shopper chose', async () => {
    await signUp();
    expect(await send({ type: 'settings.preferences', autoLockMinutes: 5 }, extensionSender)).toMatchObject({ ok: true });
    expect((await fakeBrowser.alarms.get('auto-lock'))?.periodInMinutes).toBeUndefined();
    expect(await fakeBrowser.alarms.get('auto-lock')).toBeDefined();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'auto-lock', scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await send({ type: 'wallet.state' }, extensionSender)).toMatchObject({ result: { locked: true } }));
  });

  it('asks the payment password for every payment: a wrong one moves nothing and keeps the approval open', async () => {
    await signUp();
    await send({ type: 'topUps.create', id: 'top-up-1', method: 'e_wallet', amountMinor: 10_000 }, extensionSender);
    const approvalId = await openApproval();
    expect(await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: '999888' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', reason: 'wrong_payment_password', triesLeft: 2 },
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      result: { available: { amountMinor: 10_000 }, held: { amountMinor: 0 } },
    });
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({ ok: true });
  });

  it('pays with a card typed in the confirm window, then saves it when the shopper says yes', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await signUp();
    const approvalId = await openApproval();
    const paid = await send(
      { type: 'approval.pay', approvalId, method: 'card', paymentPassword: PAYMENT_PASSWORD, newCard: TEST_CARD },
      extensionSender,
    );
    expect(paid).toMatchObject({ ok: true, result: { order: { method: 'card' }, newCard: { last4: '4242', status: 'unsaved' } } });
    expect(await send({ type: 'cards.list' }, extensionSender)).toMatchObject({ result: { cards: [] } });
    const { newCard } = (paid as { result: { newCard: { id: string } } }).result;
    expect(
      await send({ type: 'cards.save', cardId: newCard.id, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender),
    ).toMatchObject({ ok: true });
    expect(await send({ type: 'cards.list' }, extensionSender)).toMatchObject({
      result: { cards: [{ last4: '4242', status: 'saved' }], defaultCardId: newCard.id },
    });
  });

  it('tops up from a linked card only with the payment password; a retried top-up adds the money once', async () => {
    await signUp();
    const added = await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender);
    const { card } = (added as { result: { card: { id: string } } }).result;
    const cardTopUp = { type: 'topUps.create', id: 'card-top-up', method: 'card', amountMinor: 5_000, cardId: card.id } as const;

    expect(await send(cardTopUp, extensionSender)).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await send({ ...cardTopUp, paymentPassword: '999888' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', reason: 'wrong_payment_password' },
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({ result: { available: { amountMinor: 0 } } });

    expect(await send({ ...cardTopUp, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { topUp: { method: 'card', amountMinor: 5_000, cardId: card.id }, replayed: false },
    });
    expect(await send({ ...cardTopUp, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { replayed: true },
    });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({ result: { available: { amountMinor: 5_000 } } });
  });

  it('saves a new card only with the payment password, and adds nothing on a wrong one', async () => {
    await signUp();
    expect(await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: '999888' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', reason: 'wrong_payment_password' },
    });
    expect(await send({ type: 'cards.list' }, extensionSender)).toMatchObject({ ok: true, result: { cards: [] } });
    expect(await send({ type: 'cards.add', card: TEST_CARD }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('reveals and removes a card only with the payment password; the billing address defaults to the profile', async () => {
    await signUp();
    const added = await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender);
    const { card } = (added as { result: { card: { id: string } } }).result;
    expect(await send({ type: 'cards.reveal', cardId: card.id, paymentPassword: '999888' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await send({ type: 'cards.reveal', cardId: card.id, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { secret: { number: '4242424242424242', billingAddress: { city: 'London', postcode: 'SW1Y 4JH' } } },
    });
    expect(await send({ type: 'cards.remove', cardId: card.id, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { card: { status: 'removed' } },
    });
  });

  it('asks the shopper to confirm a buyer action from the page, then tells the page where the order stands', async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();
    await send({ type: 'merchant.ship', orderId: 'ord_1', shipping: 'virtual' }, contentSender);
    const opened = await send(
      { type: 'approval.openOrder', requestId: 'c1', action: { kind: 'confirmReceipt', orderId: 'ord_1' } },
      contentSender,
    );
    const { approvalId } = (opened as { result: { approvalId: string } }).result;
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({
      result: { kind: 'order', origin: 'http://localhost:5178', action: { kind: 'confirmReceipt' }, status: { state: 'shipped' } },
    });
    // Confirming receipt pays the shop: without the payment password nothing moves.
    expect(await send({ type: 'approval.actOnOrder', approvalId }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(await send({ type: 'approval.actOnOrder', approvalId, paymentPassword: PAYMENT_PASSWORD }, extensionSender)).toMatchObject({
      ok: true,
      result: { status: { state: 'released' } },
    });
    expect(notify).toHaveBeenLastCalledWith(
      7,
      { type: 'order.outcome', requestId: 'c1', outcome: { ok: true, status: expect.objectContaining({ state: 'released' }) } },
      { frameId: 0 },
    );
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({ result: { held: { amountMinor: 0 } } });
  });

  it('opens no window for an order the page was never paid for', async () => {
    await signUp();
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    expect(
      await send({ type: 'approval.openOrder', requestId: 'c1', action: { kind: 'cancel', orderId: 'ord_404' } }, contentSender),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(created).not.toHaveBeenCalled();
  });

  it('tells the page the shopper declined a buyer action', async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();
    const opened = await send({ type: 'approval.openOrder', requestId: 'x1', action: { kind: 'cancel', orderId: 'ord_1' } }, contentSender);
    const { approvalId } = (opened as { result: { approvalId: string } }).result;
    await send({ type: 'approval.reject', approvalId }, extensionSender);
    expect(notify).toHaveBeenLastCalledWith(
      7,
      { type: 'order.outcome', requestId: 'x1', outcome: { ok: false, error: expect.objectContaining({ code: 'USER_REJECTED' }) } },
      { frameId: 0 },
    );
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({ result: { held: { amountMinor: 2_997 } } });
  });

  it("fills a store's card fields only after the payment password, sending the card to the frame that asked", async () => {
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await signUp();
    const added = await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender);
    const { card } = (added as { result: { card: { id: string } } }).result;
    const token = crypto.randomUUID();
    const opened = await pressWalletFrame(
      { kind: 'fill', fields: ['number', 'expiry', 'cvc'], total: { amountMinor: 5_450, currency: 'USD' } },
      contentSender,
      token,
    );
    const { approvalId } = (opened as { result: { approvalId: string } }).result;
    expect(await send({ type: 'approval.get', approvalId }, extensionSender)).toMatchObject({
      result: { kind: 'fill', origin: 'http://localhost:5178', fields: ['number', 'expiry', 'cvc'] },
    });
    expect(
      await send({ type: 'approval.fill', approvalId, cardId: card.id, cvc: '321', paymentPassword: '999888' }, extensionSender),
    ).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(notify).not.toHaveBeenCalled();
    expect(
      await send({ type: 'approval.fill', approvalId, cardId: card.id, cvc: '321', paymentPassword: PAYMENT_PASSWORD }, extensionSender),
    ).toEqual({ ok: true, result: { filled: true } });
    expect(notify).toHaveBeenCalledWith(
      7,
      {
        type: 'fill.card',
        requestId: token,
        fields: ['number', 'expiry', 'cvc'],
        card: { number: '4242424242424242', expiryMonth: 12, expiryYear: 2030, holderName: 'Ada Lovelace', brand: 'visa', cvc: '321' },
      },
      { frameId: 0 },
    );
  });

  it('keeps a support letter about a paid order sealed and opens it again, only while unlocked', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await payDemoOffer();
    const about = { kind: 'order', orderKey: 'http://localhost:5178 ord_1' };
    const letter = { to: 'help@shop.example', subject: 'Order ord_1', body: 'Hello,\n\nWhere is my order?\n\nKind regards,\nAda' };
    expect(await send({ type: 'letters.write', id: 'letter-1', about, letter }, extensionSender)).toMatchObject({
      ok: true,
      result: { letter: { id: 'letter-1', about, letter }, replayed: false },
    });
    expect(await send({ type: 'letters.open', id: 'letter-1' }, extensionSender)).toMatchObject({
      ok: true,
      result: { letter: { letter } },
    });
    expect(await send({ type: 'letters.open', id: 'letter-1' }, contentSender)).toMatchObject({
      ok: false,
      error: { code: 'ORIGIN_MISMATCH' },
    });

    await send({ type: 'account.lock' }, extensionSender);
    const before = await dumpWallet();
    expect(await send({ type: 'letters.open', id: 'letter-1' }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', reason: 'wallet_locked' },
    });
    expect(await send({ type: 'letters.write', id: 'letter-2', about, letter }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await dumpWallet()).toBe(before);
  });

  it.each([
    ['an address that is not one', { to: 'shop at example', subject: 'S', body: 'B' }],
    ['a subject with a line break', { subject: 'S\nBcc: someone@example.com', body: 'B' }],
    ['an empty body', { subject: 'S', body: '' }],
    ['a body with a carriage return', { subject: 'S', body: 'B\r\nC' }],
  ])('refuses a letter with %s and writes nothing', async (_, letter) => {
    await signUp();
    const before = await dumpWallet();
    expect(await send({ type: 'letters.write', id: 'letter-1', about: { kind: 'wallet' }, letter }, extensionSender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await dumpWallet()).toBe(before);
  });
});

describe('The toolbar button', () => {
  beforeEach(startBackground);

  const badge = () => fakeBrowser.action.getBadgeText({});
  const order = { origin: 'http://localhost:5178', orderId: 'ord_1' };

  it('shows the locked mark whenever the wallet is locked: by the shopper, by inactivity, and when the browser starts', async () => {
    await signUp();
    expect(toolbarIcon()).toEqual(iconFiles('wallet'));
    await send({ type: 'account.lock' }, extensionSender);
    expect(toolbarIcon()).toEqual(iconFiles('locked'));
    await send({ type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword }, extensionSender);
    expect(toolbarIcon()).toEqual(iconFiles('wallet'));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'auto-lock', scheduledTime: Date.now() });
    await vi.waitFor(() => expect(toolbarIcon()).toEqual(iconFiles('locked')));

    await send({ type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword }, extensionSender);
    // A restarted browser has forgotten the key, and may show the button as it was before.
    await fakeBrowser.storage.session.clear();
    restartWorker();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(toolbarIcon()).toEqual(iconFiles('locked')));
  });

  it('counts a payment in check, then the order once shipped, and a refund until the popup shows it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
      await signUp();
      await send({ type: 'topUps.create', id: 'top-up-1', method: 'e_wallet', amountMinor: 10_000 }, extensionSender);
      const approvalId = await openApproval();
      await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: PAYMENT_PASSWORD }, extensionSender);
      expect(await badge()).toBe('1');
      expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xf5, 0x48, 0x3b, 0xff]);

      // The check ends by the jobs' alarm: the order is the shop's to ship now.
      await send({ type: 'clock.setSpeedup', speedup: 100_000 }, extensionSender);
      vi.setSystemTime(Date.now() + 1_000);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'wallet-jobs', scheduledTime: Date.now() });
      await vi.waitFor(async () => expect(await badge()).toBe(''));

      await send({ type: 'merchant.ship', orderId: 'ord_1', shipping: 'express' }, contentSender);
      expect(await badge()).toBe('1');
      await send({ type: 'merchant.refund', orderId: 'ord_1', refundId: 'r1', amountMinor: 997, reason: 'Scratched' }, contentSender);
      expect(await badge()).toBe('2');
      expect(await send({ type: 'badge.seen' }, extensionSender)).toEqual({ ok: true, result: { seen: true } });
      expect(await badge()).toBe('1');
      await send({ type: 'orders.confirmReceipt', ...order, paymentPassword: PAYMENT_PASSWORD }, extensionSender);
      expect(await badge()).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a refund to a card when it arrives, days after it was made, by an alarm set for it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
      await signUp();
      const approvalId = await openApproval();
      await send(
        { type: 'approval.pay', approvalId, method: 'card', paymentPassword: PAYMENT_PASSWORD, newCard: TEST_CARD },
        extensionSender,
      );
      await send({ type: 'merchant.refund', orderId: 'ord_1', refundId: 'r1', amountMinor: 2_997, reason: 'Out of stock' }, contentSender);
      expect(await badge()).toBe('');
      expect(await fakeBrowser.alarms.get('badge')).toBeDefined();

      // Business days to a card are seconds at 100,000×.
      await send({ type: 'clock.setSpeedup', speedup: 100_000 }, extensionSender);
      vi.setSystemTime((await fakeBrowser.alarms.get('badge'))!.scheduledTime);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'badge', scheduledTime: Date.now() });
      await vi.waitFor(async () => expect(await badge()).toBe('1'));
      expect(await fakeBrowser.alarms.get('badge')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
