import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// A wallet of its own, with money, against which a hostile page tries its tricks.
test.use({ walletProfile: 'hostile' });
test.describe.configure({ mode: 'serial' });

type Reply = { type: string; requestId: string; payload: { code?: string } } | null;

/** Posts a message as the page and returns the wallet's answer to its request id, or null if none came in a second. */
function attempt(page: DriverPage, message: Record<string, unknown>, from: 'page' | 'frame' = 'page'): Promise<Reply> {
  // Sent as JSON and parsed in the page, so keys like constructor and __proto__ reach it as own properties.
  return page.evaluate(
    ({ text, from }) =>
      new Promise<Reply>((resolve) => {
        const message = JSON.parse(text) as { type: string; requestId: string };
        const onMessage = (event: MessageEvent) => {
          const data = event.data as { channel?: string; requestId?: string; type?: string };
          if (data?.channel === 'wallet-checkout' && data.requestId === message.requestId && data.type !== message.type) {
            removeEventListener('message', onMessage);
            resolve(data as Reply);
          }
        };
        addEventListener('message', onMessage);
        setTimeout(() => resolve(null), 1_000);
        if (from === 'page') postMessage(message, location.origin);
        else {
          // A frame of the page posts to its parent: the wallet listens only to the page's own window.
          const frame = document.createElement('iframe');
          document.body.append(frame);
          (frame.contentWindow as Window & { eval(code: string): void }).eval(`parent.postMessage(${JSON.stringify(message)}, '*')`);
        }
      }),
    { text: JSON.stringify(message), from },
  );
}

const envelope = (type: string, payload: unknown, requestId = `${type}-${Math.random()}`) => ({
  channel: 'wallet-checkout',
  version: 1,
  type,
  requestId,
  payload,
});

let ledgerBefore: unknown;

test('a wallet with a balance', async ({ wallet }) => {
  const page = await openExtensionOrigin(wallet);
  expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'topUps.create', id: 'h-top-up', method: 'e_wallet', amountMinor: 10_000 })).toMatchObject({
    ok: true,
  });
  ledgerBefore = await Promise.all([
    askBackground(page, { type: 'wallet.balance' }),
    askBackground(page, { type: 'history.page', query: { limit: 100 } }),
  ]);
  await page.close();
});

test('forged, malformed and out-of-bounds messages each get a typed error, and frames are not listened to', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/`);
  await page.waitFor('main');
  const attacks: [string, Record<string, unknown>, 'page' | 'frame', string | string[] | null][] = [
    [
      'an offer whose total is not its items',
      envelope('offer', {
        orderId: 'x',
        merchantName: 'M',
        amountMinor: 1,
        currency: 'USD',
        items: [{ name: 'TV', quantity: 1, unitAmountMinor: 99_999 }],
        mount: 'main',
      }),
      'page',
      'INVALID_REQUEST',
    ],
    [
      'a refund of a negative amount',
      envelope('refund', { orderId: 'x', refundId: 'r', amountMinor: -500, reason: 'x' }),
      'page',
      'INVALID_REQUEST',
    ],
    ['a refund of NaN', envelope('refund', { orderId: 'x', refundId: 'r', amountMinor: 'NaN', reason: 'x' }), 'page', 'INVALID_REQUEST'],
    [
      'a refund of a fraction of a cent',
      envelope('refund', { orderId: 'x', refundId: 'r', amountMinor: 5.5, reason: 'x' }),
      'page',
      'INVALID_REQUEST',
    ],
    [
      'a refund past the largest exact number',
      envelope('refund', { orderId: 'x', refundId: 'r', amountMinor: 2 ** 53 + 2, reason: 'x' }),
      'page',
      'INVALID_REQUEST',
    ],
    [
      'an offer whose items overflow when added up',
      envelope('offer', {
        orderId: 'x',
        merchantName: 'M',
        amountMinor: 1,
        currency: 'USD',
        items: [
          { name: 'A', quantity: 10_000, unitAmountMinor: 2 ** 52 },
          { name: 'B', quantity: 10_000, unitAmountMinor: 2 ** 52 },
        ],
        mount: 'main',
      }),
      'page',
      'INVALID_REQUEST',
    ],
    ['a payload of the wrong type', envelope('status', 'ord_1'), 'page', 'INVALID_REQUEST'],
    [
      'a refund with a __proto__ key',
      envelope('refund', JSON.parse('{"orderId":"x","refundId":"r","amountMinor":5,"reason":"x","__proto__":{"admin":true}}')),
      'page',
      // Chromium delivers the key and the wallet refuses it; Firefox's clone drops it, leaving a refund of an unknown order.
      ['INVALID_REQUEST', 'NOT_FOUND'],
    ],
    [
      'a refund with a constructor key',
      envelope('refund', { orderId: 'x', refundId: 'r', amountMinor: 5, reason: 'x', constructor: { prototype: { admin: true } } }),
      'page',
      // Firefox's view of page objects from a content script does not show this key, leaving a refund of an unknown order.
      ['INVALID_REQUEST', 'NOT_FOUND'],
    ],
    [
      'a refund of an order never paid here',
      envelope('refund', { orderId: 'ord_404', refundId: 'r', amountMinor: 500, reason: 'x' }),
      'page',
      'NOT_FOUND',
    ],
    ['shipping an unknown order', envelope('ship', { orderId: 'ord_404', shipping: 'express' }), 'page', 'NOT_FOUND'],
    // Without the shopper's click or key press on the page, a buyer action is refused before anything is looked up.
    ['confirming receipt with no shopper gesture', envelope('confirmReceipt', { orderId: 'ord_404' }), 'page', 'NEEDS_USER_ACTIVATION'],
    ['an unknown message type', envelope('mint', { amountMinor: 1_000_000 }), 'page', 'INVALID_REQUEST'],
    ['a huge payload', envelope('dispute', { orderId: 'x', reason: 'x'.repeat(200_000) }), 'page', 'INVALID_REQUEST'],
    ['a status query from a frame', envelope('status', { orderId: 'x' }), 'frame', null],
  ];
  for (const [name, message, from, code] of attacks) {
    const reply = await attempt(page, message, from);
    if (code === null) expect(reply, name).toBeNull();
    else {
      expect(reply, name).toMatchObject({ type: 'error' });
      expect([code].flat(), name).toContain(reply?.payload.code);
    }
  }
  // A request id replayed is answered again, the same way, and changes nothing.
  const replayed = envelope('refund', { orderId: 'ord_404', refundId: 'r', amountMinor: 500, reason: 'x' }, 'replayed-request');
  for (const attemptNumber of [1, 2])
    expect(await attempt(page, replayed), `replay ${attemptNumber}`).toMatchObject({ type: 'error', payload: { code: 'NOT_FOUND' } });
  // A page posting the wallet's own "paid" message fools only itself: the wallet does not answer it.
  expect(await attempt(page, envelope('payment', { status: 'held', orderId: 'x', amountMinor: 1, currency: 'USD', paidAt: 1 }))).toBeNull();
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  console.log(`Hostile page: ${attacks.length + 3} attacks tried, each refused with a typed error or ignored; no confirm window opened.`);
  await page.close();
});

test('after every attack the ledger is exactly as it was', async ({ wallet }) => {
  const page = await openExtensionOrigin(wallet);
  const after = await Promise.all([
    askBackground(page, { type: 'wallet.balance' }),
    askBackground(page, { type: 'history.page', query: { limit: 100 } }),
  ]);
  expect(after).toEqual(ledgerBefore);
  await page.close();
});
