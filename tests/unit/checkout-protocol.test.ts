import { describe, expect, it } from 'vitest';
import { CHANNEL, PROTOCOL_VERSION, offer, pageRequest } from '@/lib/protocol/checkout';
import { demoOffer } from './fixtures';

const request = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => ({
  channel: CHANNEL,
  version: PROTOCOL_VERSION,
  type,
  requestId: 'r1',
  payload,
  ...extra,
});

describe('Checkout protocol: page requests', () => {
  it('accepts a discover and a well-formed offer', () => {
    expect(pageRequest.safeParse(request('discover', {})).success).toBe(true);
    expect(pageRequest.safeParse(request('offer', demoOffer())).success).toBe(true);
  });

  it.each([
    ['another channel', { ...request('discover', {}), channel: 'other' }],
    ['another version', { ...request('discover', {}), version: 2 }],
    ['an unknown type', request('pay-now', {})],
    ['a missing request id', { ...request('discover', {}), requestId: undefined }],
    ['an overlong request id', { ...request('discover', {}), requestId: 'x'.repeat(101) }],
    ['extra envelope keys', request('discover', {}, { from: 'wallet' })],
    ['a payload that is not an object', request('offer', 'cheap')],
  ])('refuses %s', (_, message) => {
    expect(pageRequest.safeParse(message).success).toBe(false);
  });
});

describe('Checkout protocol: offers', () => {
  it.each([
    ['a fractional amount', { amountMinor: 29.97 }],
    ['a negative amount', { amountMinor: -2997 }],
    ['a zero amount', { amountMinor: 0 }],
    ['NaN', { amountMinor: Number.NaN }],
    ['an amount beyond safe integers', { amountMinor: 2 ** 53 }],
    ['an amount as text', { amountMinor: '2997' }],
    ['an unknown currency', { currency: 'DOGE' }],
    ['a total that is not the sum of its items', { amountMinor: 1 }],
    ['no items', { items: [], amountMinor: 0 }],
    ['an empty order id', { orderId: '' }],
    ['an overlong merchant name', { merchantName: 'M'.repeat(101) }],
    ['a support address that is not an email address', { supportEmail: 'help at demo market' }],
    ['a support address with a second address after it', { supportEmail: 'help@shop.example,other@evil.example' }],
    ['an item with zero quantity', { items: [{ name: 'Tea', quantity: 0, unitAmountMinor: 2997 }] }],
    [
      'items whose sum overflows safe integers',
      { items: [{ name: 'Gold', quantity: 10_000, unitAmountMinor: Number.MAX_SAFE_INTEGER }], amountMinor: Number.MAX_SAFE_INTEGER },
    ],
  ])('refuses %s', (_, change) => {
    expect(offer.safeParse({ ...demoOffer(), ...change }).success).toBe(false);
  });

  it('takes the shop’s support address, which the offer may leave out', () => {
    expect(offer.safeParse({ ...demoOffer(), supportEmail: 'help@demo-market.example' }).success).toBe(true);
    expect(offer.safeParse(demoOffer()).success).toBe(true);
  });

  it('refuses prototype-polluting keys instead of passing them on', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(demoOffer()).slice(1)}`) as unknown;
    expect(offer.safeParse(hostile).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a constructor key', () => {
    expect(offer.safeParse({ ...demoOffer(), constructor: { name: 'x' } }).success).toBe(false);
  });
});
