import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cooldownAfter,
  declined,
  DECLINES_FORGOTTEN_AFTER_MS,
  FIRST_COOLDOWN_MS,
  MAX_COOLDOWN_MS,
  waitLeft,
} from '@/lib/approvals/declines';
import { createInlineRegistry, MAX_INLINE_FRAMES, type InlineRegistration } from '@/lib/inline/registry';
import { MAX_FILL_OFFERS } from '@/lib/inline/click-rules';
import type { InlinePurpose } from '@/lib/inline/messages';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { demoOffer } from './fixtures';
import { contentSender, extensionSender, openPayment, send, startBackground, walletFrameOf } from './support/with-background';

const pay = (requestId = 'r1'): InlinePurpose => ({ kind: 'pay', requestId, offer: demoOffer() });
const page = { kind: 'content', origin: 'https://shop.example', tabId: 7, frameId: 0 } as const;
const walletFrame = { kind: 'frame', tabId: 7, frameId: 3 } as const;

function memoryRegistry() {
  let saved: InlineRegistration[] = [];
  const registry = createInlineRegistry({ load: async () => saved, save: async (value) => void (saved = structuredClone(value)) });
  return { registry, saved: () => saved };
}

describe('Wallet frames: the registry', () => {
  it('answers the frame in the same tab that asks first, and no other', async () => {
    const { registry } = memoryRegistry();
    const token = crypto.randomUUID();
    await registry.present(page, token, pay());
    await expect(registry.claim(walletFrame, token)).resolves.toMatchObject({ origin: 'https://shop.example', purpose: { kind: 'pay' } });
    await expect(registry.claim(walletFrame, token)).resolves.toMatchObject({ walletFrameId: 3 });
    // The page embedding the wallet's page itself, with a token it learned, is another frame.
    await expect(registry.claim({ ...walletFrame, frameId: 9 }, token)).rejects.toMatchObject({ code: 'ORIGIN_MISMATCH' });
    await expect(registry.claim({ ...walletFrame, tabId: 8 }, token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(registry.claim(walletFrame, crypto.randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps one frame of each kind per page frame, and the binding when the same frame is presented again', async () => {
    const { registry, saved } = memoryRegistry();
    const first = crypto.randomUUID();
    const second = crypto.randomUUID();
    const fill = crypto.randomUUID();
    await registry.present(page, first, pay('r1'));
    await registry.present(page, fill, { kind: 'fill', fields: ['number'] });
    await registry.claim(walletFrame, fill);
    await registry.present(page, second, pay('r2'));
    await registry.present(page, fill, { kind: 'fill', fields: ['number', 'cvc'] });
    expect(
      saved()
        .map((entry) => entry.token)
        .sort(),
    ).toEqual([second, fill].sort());
    await expect(registry.claim({ ...walletFrame, frameId: 9 }, fill)).rejects.toMatchObject({ code: 'ORIGIN_MISMATCH' });
    await expect(registry.claim(walletFrame, fill)).resolves.toMatchObject({ purpose: { fields: ['number', 'cvc'] } });
  });

  it('keeps a fill offer for each of a page’s card forms, up to its limit, the newest replacing the oldest', async () => {
    const { registry, saved } = memoryRegistry();
    const offers = Array.from({ length: MAX_FILL_OFFERS + 1 }, () => crypto.randomUUID());
    for (const token of offers) await registry.present(page, token, { kind: 'fill', fields: ['number'] });
    expect(saved().map((entry) => entry.token)).toEqual(offers.slice(1));
    // Another page frame's offers are its own.
    await registry.present({ ...page, frameId: 1 }, crypto.randomUUID(), { kind: 'fill', fields: ['number'] });
    expect(saved()).toHaveLength(MAX_FILL_OFFERS + 1);
  });

  it('forgets a closed tab, and never holds more than its limit', async () => {
    const { registry, saved } = memoryRegistry();
    for (let frameId = 0; frameId < MAX_INLINE_FRAMES + 10; frameId++)
      await registry.present({ ...page, frameId }, crypto.randomUUID(), pay());
    expect(saved()).toHaveLength(MAX_INLINE_FRAMES);
    await registry.forgetTab(7);
    expect(saved()).toEqual([]);
  });
});

describe('Wallet frames: declines make a shop wait', () => {
  it('doubles the wait with each decline, up to a limit, and forgets after an hour of quiet', () => {
    expect([1, 2, 3, 4].map(cooldownAfter)).toEqual([
      FIRST_COOLDOWN_MS,
      FIRST_COOLDOWN_MS * 2,
      FIRST_COOLDOWN_MS * 4,
      FIRST_COOLDOWN_MS * 8,
    ]);
    expect(cooldownAfter(30)).toBe(MAX_COOLDOWN_MS);
    const once = declined(undefined, 1_000);
    const twice = declined(once, 2_000);
    expect(waitLeft(twice, 2_000)).toBe(FIRST_COOLDOWN_MS * 2);
    expect(waitLeft(twice, 2_000 + FIRST_COOLDOWN_MS * 2)).toBe(0);
    expect(declined(twice, 2_000 + DECLINES_FORGOTTEN_AFTER_MS).declines).toBe(1);
  });
});

describe('Wallet frames: the background', () => {
  beforeEach(async () => {
    startBackground();
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({ ok: true });
    await send({ type: 'topUps.create', id: 'funds', method: 'e_wallet', amountMinor: 12_345 }, extensionSender);
  });

  it("shows the balance against the total only to the wallet's frame; the store page's own scripts cannot ask for it", async () => {
    const token = crypto.randomUUID();
    await send({ type: 'inline.present', token, purpose: pay() }, contentSender);
    expect(await send({ type: 'inline.view', token }, walletFrameOf(contentSender))).toEqual({
      ok: true,
      result: { kind: 'pay', total: { amountMinor: 2_997, currency: 'USD' }, available: { amountMinor: 12_345, currency: 'USD' } },
    });
    expect(await send({ type: 'wallet.balance' }, contentSender)).toMatchObject({ ok: false, error: { code: 'ORIGIN_MISMATCH' } });
    expect(await send({ type: 'inline.view', token }, contentSender)).toMatchObject({ ok: false, error: { code: 'ORIGIN_MISMATCH' } });
  });

  it('opens no window when the content script does not agree the click counts', async () => {
    const created = vi.spyOn(fakeBrowser.windows, 'create');
    const token = crypto.randomUUID();
    await send({ type: 'inline.present', token, purpose: pay() }, contentSender);
    const contentScript = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ verdict: 'covered' });
    expect(await send({ type: 'inline.press', token, point: { x: 5, y: 5, at: Date.now() } }, walletFrameOf(contentSender))).toEqual({
      ok: true,
      result: { outcome: 'refused', verdict: 'covered' },
    });
    // A page gone, or one that answers nonsense, counts as no agreement either.
    contentScript.mockResolvedValue({ verdict: 'ok!' });
    expect(await send({ type: 'inline.press', token, point: { x: 5, y: 5, at: Date.now() } }, walletFrameOf(contentSender))).toMatchObject({
      result: { outcome: 'refused', verdict: 'gone' },
    });
    expect(created).not.toHaveBeenCalled();
  });

  it('makes a shop wait after the shopper declined its buyer action, longer each time; a payment the shopper starts never waits', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const opened = await openPayment(demoOffer());
    const { approvalId } = (opened as { result: { approvalId: string } }).result;
    await send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender);

    const ask = (requestId: string) =>
      send({ type: 'approval.openOrder', requestId, action: { kind: 'cancel', orderId: 'ord_1' } }, contentSender);
    const first = await ask('c1');
    await send({ type: 'approval.reject', approvalId: (first as { result: { approvalId: string } }).result.approvalId }, extensionSender);
    expect(await ask('c2')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('10 s') } });

    const later = Date.now() + FIRST_COOLDOWN_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    const second = await ask('c3');
    expect(second).toMatchObject({ ok: true });
    await send({ type: 'approval.reject', approvalId: (second as { result: { approvalId: string } }).result.approvalId }, extensionSender);
    expect(await ask('c4')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('20 s') } });

    // The shopper declining a payment they started in the wallet's frame never holds the next one back.
    const payment = await openPayment(demoOffer({ orderId: 'ord_2' }), 'r2');
    await send({ type: 'approval.reject', approvalId: (payment as { result: { approvalId: string } }).result.approvalId }, extensionSender);
    expect(await openPayment(demoOffer({ orderId: 'ord_2' }), 'r3')).toMatchObject({ ok: true, result: { outcome: 'opened' } });
  });
});
