import { describe, expect, it, vi } from 'vitest';
import { CHANNEL, PROTOCOL_VERSION, walletMessage, type OrderStatus } from '@/lib/protocol/checkout';
import { WalletError } from '@/lib/protocol/wallet-error';
import { PAGE_MESSAGE_RATE, startPageBridge, type PageBridgeOptions } from '@/lib/protocol/page-bridge';
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

const STATUS: OrderStatus = {
  orderId: 'ord_1',
  state: 'shipped',
  amountMinor: 2_997,
  refundedMinor: 0,
  currency: 'USD',
  paidAt: 1,
  shippedAt: 2,
};

function withBridge(presentOffer: PageBridgeOptions['presentOffer'] = () => undefined, overrides: Partial<PageBridgeOptions> = {}) {
  const page = fakeWindow();
  const present = vi.fn(presentOffer);
  const merchant = vi.fn(overrides.merchant ?? (async () => STATUS));
  const buyerAction = vi.fn(overrides.buyerAction ?? (async () => ({ approvalId: 'a', reused: false })));
  const bridge = startPageBridge(page.win, { presentOffer: present, merchant, buyerAction });
  page.posted.length = 0;
  const replies = () => page.posted.map(({ message }) => walletMessage.parse(message));
  return { ...page, bridge, present, merchant, buyerAction, replies };
}

/** Lets the bridge's promise callbacks run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    startPageBridge(page.win, { presentOffer: () => undefined, merchant: async () => STATUS, buyerAction: async () => undefined });
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

describe('Page bridge: orders', () => {
  it('answers a status query and a merchant action with the order as the wallet reports it', async () => {
    const { send, replies, merchant } = withBridge();
    send(envelope('status', { orderId: 'ord_1' }, 'q1'));
    send(envelope('ship', { orderId: 'ord_1', shipping: 'express' }, 'q2'));
    await settled();
    expect(merchant.mock.calls.map(([request]) => request.type)).toEqual(['status', 'ship']);
    expect(replies()).toEqual([
      expect.objectContaining({ type: 'order', requestId: 'q1', payload: STATUS }),
      expect.objectContaining({ type: 'order', requestId: 'q2', payload: STATUS }),
    ]);
  });

  it('passes on a typed refusal without the detail meant for the wallet pages', async () => {
    const refusal = new WalletError('LIMIT_EXCEEDED', 'Only $10.00 is left to refund.', { reason: 'refund_too_large' });
    const { send, replies } = withBridge(undefined, { merchant: async () => Promise.reject(refusal) });
    send(envelope('refund', { orderId: 'ord_1', refundId: 'r1', amountMinor: 5_000, reason: 'Broken' }));
    await settled();
    expect(replies()).toEqual([
      expect.objectContaining({
        type: 'error',
        requestId: 'req-1',
        payload: { code: 'LIMIT_EXCEEDED', message: 'Only $10.00 is left to refund.' },
      }),
    ]);
  });

  it.each([
    [
      'a refund with a constructor key',
      envelope('refund', { orderId: 'ord_1', refundId: 'r1', amountMinor: 5, reason: 'x', constructor: { prototype: {} } }),
    ],
    [
      'a refund with a nested __proto__ key',
      envelope('refund', JSON.parse('{"orderId":"ord_1","refundId":"r1","amountMinor":5,"reason":"x","x":{"__proto__":{}}}')),
    ],
    ['a refund with a negative amount', envelope('refund', { orderId: 'ord_1', refundId: 'r1', amountMinor: -5, reason: 'x' })],
    ['a refund without an id', envelope('refund', { orderId: 'ord_1', amountMinor: 5, reason: 'x' })],
    ['a ship with an unknown kind', envelope('ship', { orderId: 'ord_1', shipping: 'teleport' })],
    ['a dispute without a reason', envelope('dispute', { orderId: 'ord_1' })],
  ])('refuses %s before asking the wallet', async (_name, message) => {
    const { send, replies, merchant, buyerAction } = withBridge();
    send(message);
    await settled();
    expect(merchant).not.toHaveBeenCalled();
    expect(buyerAction).not.toHaveBeenCalled();
    expect(replies()).toEqual([expect.objectContaining({ type: 'error', payload: expect.objectContaining({ code: 'INVALID_REQUEST' }) })]);
  });

  it('opens the confirm window for a buyer action and answers only once the shopper decided', async () => {
    const { send, replies, buyerAction, bridge } = withBridge();
    send(envelope('dispute', { orderId: 'ord_1', reason: 'It never came' }, 'd1'));
    await settled();
    expect(buyerAction).toHaveBeenCalledWith({ kind: 'dispute', orderId: 'ord_1', reason: 'It never came' }, 'd1');
    expect(replies()).toEqual([]);
    bridge.orderOutcome('d1', { ok: false, error: { code: 'USER_REJECTED', message: 'The shopper cancelled in the wallet.' } });
    expect(replies()).toEqual([
      expect.objectContaining({ type: 'error', requestId: 'd1', payload: expect.objectContaining({ code: 'USER_REJECTED' }) }),
    ]);
  });
});

describe('Page bridge: messages that cannot stall the page', () => {
  /** An object that refers to itself `times` times over: a walk that follows every path takes 2^depth steps. */
  function selfReferring(times: number) {
    const payload: Record<string, unknown> = { orderId: 'ord_1' };
    for (let index = 0; index < times; index++) payload[`self${index}`] = payload;
    return envelope('status', payload);
  }

  it.each([
    ['an object that refers to itself', selfReferring(4), 'same object twice'],
    ['an object that refers to itself forty times', selfReferring(40), 'same object twice'],
    [
      'a part shared a thousand times',
      envelope('status', { orderId: 'ord_1', parts: Array.from({ length: 1_000 }, () => undefined).fill({ a: 1 } as never) }),
      'same object twice',
    ],
    ['an array of a million values', envelope('status', { orderId: 'ord_1', parts: new Array<number>(1_000_000).fill(1) }), 'more than'],
    [
      'nesting a thousand levels deep',
      envelope('status', { orderId: 'ord_1', deep: Array.from({ length: 1_000 }).reduce<unknown>((inner) => ({ inner }), {}) }),
      'deeper than',
    ],
  ])('refuses %s at once, with a typed error', (_name, message, says) => {
    const { send, replies, merchant } = withBridge();
    send(message);
    expect(merchant).not.toHaveBeenCalled();
    expect(replies()).toEqual([
      expect.objectContaining({
        type: 'error',
        requestId: 'req-1',
        payload: expect.objectContaining({ code: 'INVALID_REQUEST', message: expect.stringContaining(says) }),
      }),
    ]);
  });

  it('reads a burst, then drops a flood with one RATE_LIMITED error, and reads again once the page slows down', () => {
    let clock = 0;
    const page = fakeWindow();
    const present = vi.fn(() => undefined);
    startPageBridge(page.win, {
      presentOffer: present,
      merchant: async () => STATUS,
      buyerAction: async () => undefined,
      now: () => clock,
    });
    page.posted.length = 0;
    for (let index = 0; index < 10_000; index++) page.send(envelope('discover', {}, `d${index}`));
    const answers = page.posted.map(({ message }) => walletMessage.parse(message));
    expect(answers.filter((answer) => answer.type === 'announce')).toHaveLength(PAGE_MESSAGE_RATE.burst);
    expect(answers.filter((answer) => answer.type === 'error')).toEqual([
      expect.objectContaining({ requestId: `d${PAGE_MESSAGE_RATE.burst}`, payload: expect.objectContaining({ code: 'RATE_LIMITED' }) }),
    ]);

    page.posted.length = 0;
    clock += 1_000;
    page.send(envelope('offer', demoOffer(), 'after'));
    expect(present).toHaveBeenCalledTimes(1);
    expect(page.posted.map(({ message }) => walletMessage.parse(message).type)).toEqual(['result']);
  });

  it('does not count messages on other channels or its own answers against the page', () => {
    const clock = 0;
    const page = fakeWindow();
    startPageBridge(page.win, {
      presentOffer: () => undefined,
      merchant: async () => STATUS,
      buyerAction: async () => undefined,
      now: () => clock,
    });
    for (let index = 0; index < 1_000; index++) {
      page.send({ channel: 'another-library', type: 'ping' });
      page.send(envelope('announce', { name: 'x', protocolVersions: [1] }));
    }
    page.posted.length = 0;
    page.send(envelope('discover', {}, 'mine'));
    expect(page.posted.map(({ message }) => walletMessage.parse(message))).toEqual([
      expect.objectContaining({ type: 'announce', requestId: 'mine' }),
    ]);
  });
});
