import { TIMEOUT_MS, type DriverPage, type WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// A wallet with money, against which a hostile page tries its tricks.
test.use({ walletNeeds: { availableMinor: 10_000 } });

type Reply = { type: string; requestId: string; payload: { code?: string } } | null;

/**
 * Posts a message as the page, or from a frame of it, and returns the wallet's answer to its request id.
 * A message the wallet must leave unanswered (`unanswered`) is followed by a status query of the page's
 * own, which the wallet answers only once it has read everything posted before and asked the background:
 * the answer to that is the wallet's sign that it let the message pass, and null is returned.
 */
function attempt(page: DriverPage, message: Record<string, unknown>, from: 'page' | 'frame' = 'page', unanswered = false): Promise<Reply> {
  // Sent as JSON and parsed in the page, so keys like constructor and __proto__ reach it as own properties.
  return page.evaluate(
    ({ text, from, unanswered, timeoutMs }) =>
      new Promise<Reply>((resolve, reject) => {
        const message = JSON.parse(text) as { type: string; requestId: string };
        const sentinel = {
          channel: 'wallet-checkout',
          version: 1,
          type: 'status',
          requestId: `after-${message.requestId}`,
          payload: { orderId: 'ord_404' },
        };
        let reply: Reply = null;
        const onMessage = (event: MessageEvent) => {
          const data = event.data as { channel?: string; requestId?: string; type?: string };
          if (data?.channel !== 'wallet-checkout') return;
          if (data.requestId === message.requestId && data.type !== message.type) reply ??= data as Reply;
          else if (!(unanswered && data.requestId === sentinel.requestId && data.type !== sentinel.type)) return;
          removeEventListener('message', onMessage);
          resolve(reply);
        };
        addEventListener('message', onMessage);
        setTimeout(() => reject(new Error(`The wallet answered neither ${message.requestId} nor what followed it`)), timeoutMs);
        if (from === 'page') postMessage(message, location.origin);
        else {
          // A frame of the page posts to its parent: the wallet listens only to the page's own window.
          const frame = document.createElement('iframe');
          document.body.append(frame);
          (frame.contentWindow as Window & { eval(code: string): void }).eval(`parent.postMessage(${JSON.stringify(message)}, '*')`);
        }
        if (unanswered) postMessage(sentinel, location.origin);
      }),
    { text: JSON.stringify(message), from, unanswered, timeoutMs: TIMEOUT_MS },
  );
}

const envelope = (type: string, payload: unknown, requestId = `${type}-${Math.random()}`) => ({
  channel: 'wallet-checkout',
  version: 1,
  type,
  requestId,
  payload,
});

/** The ledger as the wallet's own pages read it: the balance and the history. */
async function ledger(wallet: WalletDriver): Promise<unknown> {
  const page = await openExtensionOrigin(wallet);
  const read = await Promise.all([
    askBackground(page, { type: 'wallet.balance' }),
    askBackground(page, { type: 'history.page', query: { limit: 100 } }),
  ]);
  await page.close();
  return read;
}

/** Tries every attack from a store page; each gets the typed error it must, or no answer at all. Returns how many were tried. */
async function attackFromStorePage(wallet: WalletDriver): Promise<number> {
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
    const reply = await attempt(page, message, from, code === null);
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
  expect(
    await attempt(page, envelope('payment', { status: 'held', orderId: 'x', amountMinor: 1, currency: 'USD', paidAt: 1 }), 'page', true),
  ).toBeNull();
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  await page.close();
  return attacks.length + 3;
}

test('forged, malformed and out-of-bounds messages each get a typed error, and frames are not listened to', async ({ wallet }) => {
  const tried = await attackFromStorePage(wallet);
  console.log(`Hostile page: ${tried} attacks tried, each refused with a typed error or ignored; no confirm window opened.`);
});

test('after every attack the ledger is exactly as it was', async ({ wallet }) => {
  const before = await ledger(wallet);
  await attackFromStorePage(wallet);
  expect(await ledger(wallet)).toEqual(before);
});
