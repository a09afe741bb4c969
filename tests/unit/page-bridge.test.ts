import { describe, expect, it, vi } from 'vitest';
import { CHANNEL, PROTOCOL_VERSION, walletMessage } from '@/lib/protocol/checkout';
import { startPageBridge, type PageBridgeOptions } from '@/lib/protocol/page-bridge';
import { demoOffer } from './fixtures';

/** A window stand-in: an event target that records what is posted to it. */
function fakeWindow() {
  const target = new EventTarget();
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const win = Object.assign(target, {
    location: { origin: 'http://localhost:5178' },
    postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }),
  }) as unknown as Window;
  const send = (data: unknown, source: unknown = win) => {
    const event = Object.assign(new Event('message'), { data, source });
    target.dispatchEvent(event);
  };
  return { win, posted, send };
}

function withBridge(presentOffer: PageBridgeOptions['presentOffer'] = () => undefined) {
  const page = fakeWindow();
  const present = vi.fn(presentOffer);
  const bridge = startPageBridge(page.win, { presentOffer: present });
  page.posted.length = 0;
  const replies = () => page.posted.map(({ message }) => walletMessage.parse(message));
  return { ...page, bridge, present, replies };
}

const envelope = (type: string, payload: unknown, requestId: unknown = 'req-1') => ({
  channel: CHANNEL,
  version: PROTOCOL_VERSION,
  type,
  requestId,
  payload,
});

describe('Page bridge: discovery', () => {
  it('announces itself on start, to the page origin only', () => {
    const page = fakeWindow();
    startPageBridge(page.win, { presentOffer: () => undefined });
    expect(page.posted).toHaveLength(1);
    expect(page.posted[0]?.targetOrigin).toBe('http://localhost:5178');
    expect(walletMessage.parse(page.posted[0]?.message)).toMatchObject({ type: 'announce', requestId: 'wallet-ready' });
  });

  it('answers discover with an announce carrying its request id', () => {
    const { send, replies } = withBridge();
    send(envelope('discover', {}));
    expect(replies()).toEqual([expect.objectContaining({ type: 'announce', requestId: 'req-1' })]);
  });
});

describe('Page bridge: offers', () => {
  it('presents a valid offer and answers with a result', () => {
    const { send, replies, present } = withBridge();
    send(envelope('offer', demoOffer()));
    expect(present).toHaveBeenCalledWith(demoOffer(), 'req-1');
    expect(replies()).toEqual([expect.objectContaining({ type: 'result', requestId: 'req-1', payload: { presented: true } })]);
  });

  it('passes on the error when the option cannot be shown', () => {
    const { send, replies } = withBridge(() => ({ code: 'NOT_FOUND', message: 'no slot' }));
    send(envelope('offer', demoOffer()));
    expect(replies()).toEqual([expect.objectContaining({ type: 'error', payload: { code: 'NOT_FOUND', message: 'no slot' } })]);
  });

  it('answers an invalid offer with INVALID_REQUEST and shows nothing', () => {
    const { send, replies, present } = withBridge();
    send(envelope('offer', { ...demoOffer(), amountMinor: -5 }));
    expect(present).not.toHaveBeenCalled();
    expect(replies()).toEqual([
      expect.objectContaining({ type: 'error', requestId: 'req-1', payload: expect.objectContaining({ code: 'INVALID_REQUEST' }) }),
    ]);
  });

  it('answers with a placeholder id when the request id itself is unusable', () => {
    const { send, replies } = withBridge();
    send(envelope('offer', demoOffer(), { toString: 'x' }));
    expect(replies()).toEqual([expect.objectContaining({ type: 'error', requestId: 'unknown' })]);
  });
});

describe('Page bridge: what it ignores', () => {
  it.each([
    [
      'messages from another window (an iframe or opener)',
      (page: ReturnType<typeof withBridge>) => page.send(envelope('offer', demoOffer()), {}),
    ],
    ['messages on other channels', (page: ReturnType<typeof withBridge>) => page.send({ ...envelope('offer', demoOffer()), channel: 'x' })],
    ['non-objects', (page: ReturnType<typeof withBridge>) => page.send('wallet-checkout')],
    [
      'its own answers echoed back',
      (page: ReturnType<typeof withBridge>) => page.send(envelope('announce', { name: 'x', protocolVersions: [1] })),
    ],
  ])('ignores %s', (_, act) => {
    const page = withBridge();
    act(page);
    expect(page.present).not.toHaveBeenCalled();
    expect(page.posted).toEqual([]);
  });

  it('stops listening when stopped', () => {
    const page = withBridge();
    page.bridge.stop();
    page.send(envelope('discover', {}));
    expect(page.posted).toEqual([]);
  });
});

describe('Page bridge: payment outcomes', () => {
  it('tells the page when the shopper rejected the payment', () => {
    const { bridge, replies } = withBridge();
    bridge.paymentOutcome('req-1', { status: 'rejected', orderId: 'ord_1', error: { code: 'USER_REJECTED', message: 'cancelled' } });
    expect(replies()).toEqual([expect.objectContaining({ type: 'payment', requestId: 'req-1' })]);
  });
});
