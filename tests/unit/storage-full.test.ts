import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { demoOffer } from './fixtures';
import { contentSender, dumpWallet, extensionSender, send, startBackground, openPayment } from './support/with-background';

/** From now on every IndexedDB write is refused the way a full disk refuses it. */
function fillTheDisk() {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(refuse);
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(refuse);
}

const STORAGE_FULL = { ok: false, error: { code: 'LIMIT_EXCEEDED', reason: 'storage_full' } };

describe('A full disk', () => {
  beforeEach(async () => {
    startBackground();
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({ ok: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('refuses a top-up plainly and writes nothing; the same top-up goes through once there is room', async () => {
    const before = await dumpWallet();
    fillTheDisk();
    const topUp = { type: 'topUps.create', id: 'quota-top-up', method: 'e_wallet', amountMinor: 10_000 } as const;
    expect(await send(topUp, extensionSender)).toMatchObject(STORAGE_FULL);
    vi.restoreAllMocks();
    expect(await dumpWallet()).toBe(before);
    expect(await send(topUp, extensionSender)).toMatchObject({ ok: true, result: { replayed: false } });
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      ok: true,
      result: { available: { amountMinor: 10_000 } },
    });
  });

  it('refuses a payment plainly and holds nothing; the shopper can pay once there is room', async () => {
    // A saved card that passed its card check, so the payment is accepted at once.
    expect(
      await send({ type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender),
    ).toMatchObject({ ok: true });
    await send({ type: 'topUps.create', id: 'funds', method: 'e_wallet', amountMinor: 10_000 }, extensionSender);
    const opened = await openPayment(demoOffer(), 'r1', contentSender);
    const { approvalId } = (opened as { result: { approvalId: string } }).result;
    const before = await dumpWallet();
    fillTheDisk();
    const payment = { type: 'approval.pay', approvalId, method: 'balance', paymentPassword: SIGN_UP_INPUT.paymentPassword } as const;
    expect(await send(payment, extensionSender)).toMatchObject(STORAGE_FULL);
    vi.restoreAllMocks();
    expect(await dumpWallet()).toBe(before);
    const notify = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await send(payment, extensionSender)).toMatchObject({ ok: true, result: { order: { state: 'held' } } });
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
