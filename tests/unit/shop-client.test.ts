import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ShopClient from '@/lib/protocol/shop-client';
import { demoOffer } from './fixtures';
import { jsonSchemaAccepts, senderOf, zodAccepts } from './support/protocol-json-schema';

const ORIGIN = 'https://shop.example';
const status = {
  orderId: 'ord_1',
  state: 'held',
  amountMinor: 2997,
  refundedMinor: 0,
  currency: 'USD',
  paidAt: 1_793_955_600_000,
} as const;

/**
 * A page's window with a stand-in wallet in it: it answers as the wallet's content script does and
 * keeps every message posted on the window, the client's and its own.
 */
class ShopWindow extends EventTarget {
  readonly location = { origin: ORIGIN };
  readonly posted: unknown[] = [];

  postMessage(data: unknown, targetOrigin: string) {
    expect(targetOrigin).toBe(ORIGIN);
    this.posted.push(data);
    setTimeout(() => {
      this.dispatchEvent(Object.assign(new Event('message'), { data: structuredClone(data), source: this }));
      if (senderOf(data) === 'page') this.answer(data as { type: string; requestId: string; payload: { orderId?: string } });
    });
  }

  private answer({ type, requestId, payload }: { type: string; requestId: string; payload: { orderId?: string } }) {
    const reply = (replyType: string, replyPayload: unknown) =>
      this.postMessage({ channel: 'wallet-checkout', version: 1, type: replyType, requestId, payload: replyPayload }, ORIGIN);
    if (type === 'discover') reply('announce', { name: 'Wallet Checkout Helper', protocolVersions: [1] });
    else if (type === 'offer') {
      reply('result', { presented: true });
      const { refundedMinor: _none, ...paid } = status;
      reply('payment', { status: 'held', ...paid });
    } else if (payload.orderId === status.orderId) reply('order', status);
    else reply('error', { code: 'NOT_FOUND', message: 'No such order' });
  }
}

describe.each([
  ['its source, as the demo storefront imports it', () => import('@/lib/protocol/shop-client')],
  ['the built module a shop imports', () => import('../../docs/examples/wallet-checkout-client.js') as Promise<typeof ShopClient>],
])('The shop client, %s', (_, load) => {
  let page: ShopWindow;
  beforeEach(() => {
    page = new ShopWindow();
    vi.stubGlobal('window', page);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    // Every message on the window, the client's included, is one the protocol's schemas take.
    for (const message of page.posted) {
      expect(zodAccepts(message), JSON.stringify(message)).toBe(true);
      expect(jsonSchemaAccepts(message), JSON.stringify(message)).toBe(true);
    }
  });

  it('offers an order once the wallet announces itself, and hears the payment', async () => {
    const { offerToWallet } = await load();
    const events: unknown[] = [];
    const stop = offerToWallet(demoOffer({ supportEmail: 'help@shop.example' }), (event) => events.push(event));
    await vi.waitFor(() => expect(events).toHaveLength(2));
    stop();
    expect(events).toEqual([{ type: 'presented' }, { type: 'held', status }]);
    expect(page.posted.filter((message) => senderOf(message) === 'page').map((message) => (message as { type: string }).type)).toEqual([
      'discover',
      'offer',
    ]);
  });

  it('learns that a wallet is installed', async () => {
    const { whenWalletAnnounced } = await load();
    await expect(whenWalletAnnounced()).resolves.toBe(true);
  });

  it('asks where an order stands, and rejects with the wallet’s code when it refuses', async () => {
    const { walletRequest, WalletRequestError } = await load();
    await expect(walletRequest('status', { orderId: status.orderId })).resolves.toEqual(status);
    const refused = walletRequest('refund', { orderId: 'ord_unknown', refundId: 'refund-1', amountMinor: 500, reason: 'Chipped mug' });
    await expect(refused).rejects.toBeInstanceOf(WalletRequestError);
    await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells a page without a wallet that none answered', async () => {
    const { whenWalletAnnounced, walletRequest } = await load();
    page.postMessage = (data: unknown) => void page.posted.push(data);
    vi.useFakeTimers();
    const present = whenWalletAnnounced();
    const shipped = walletRequest('ship', { orderId: status.orderId, shipping: 'express' });
    vi.advanceTimersByTime(10_000);
    await expect(present).resolves.toBe(false);
    await expect(shipped).rejects.toMatchObject({ code: 'NO_WALLET' });
  });
});
