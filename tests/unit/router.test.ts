import { describe, expect, it, vi } from 'vitest';
import { createRouter, type RuntimeHandlers } from '@/lib/protocol/router';
import type { Sender } from '@/lib/protocol/sender';
import { WalletError } from '@/lib/protocol/wallet-error';
import { demoOffer } from './fixtures';

const content: Sender = { kind: 'content', origin: 'https://shop.example', tabId: 1, frameId: 0 };
const extension: Sender = { kind: 'extension' };
const frame: Sender = { kind: 'frame', tabId: 1, frameId: 3 };
const balance = { available: { amountMinor: 100, currency: 'USD' }, held: { amountMinor: 0, currency: 'USD' } } as const;

const unused = vi.fn(async (): Promise<never> => {
  throw new WalletError('NOT_FOUND', 'not used in these tests');
});

function withRouter(overrides: Partial<RuntimeHandlers> = {}) {
  const handlers: RuntimeHandlers = {
    'wallet.balance': vi.fn(async () => balance),
    'inline.present': vi.fn(async () => ({ registered: true as const })),
    'inline.view': unused,
    'inline.press': unused,
    'approval.openOrder': unused,
    'approval.fill': unused,
    'approval.actOnOrder': unused,
    'merchant.status': unused,
    'approval.get': vi.fn(async () => {
      throw new WalletError('NOT_FOUND', 'gone');
    }),
    'approval.reject': vi.fn(async () => ({ rejected: true as const })),
    'approval.pay': vi.fn(async () => {
      throw new WalletError('NOT_FOUND', 'gone');
    }),
    'wallet.state': vi.fn(async () => ({ wallet: null, locked: true })),
    'account.signUp': unused,
    'account.unlock': unused,
    'account.lock': unused,
    'account.recover': unused,
    'account.profile': unused,
    'contacts.resend': unused,
    'contacts.confirm': unused,
    'settings.loginPassword': unused,
    'settings.paymentPassword': unused,
    'settings.resetPaymentPassword': unused,
    'settings.email': unused,
    'account.reactivate': unused,
    'account.confirmReactivation': unused,
    'settings.address': unused,
    'settings.phone': unused,
    'settings.preferences': unused,
    'cards.add': unused,
    'cards.list': unused,
    'cards.save': unused,
    'cards.setDefault': unused,
    'cards.remove': unused,
    'cards.reveal': unused,
    'cards.check': unused,
    'identity.submit': unused,
    'topUps.create': vi.fn(async () => {
      throw new WalletError('NOT_FOUND', 'no wallet');
    }),
    'orders.cancel': unused,
    'orders.confirmReceipt': unused,
    'orders.dispute': unused,
    'claims.open': unused,
    'history.page': unused,
    'letters.write': unused,
    'letters.open': unused,
    'badge.seen': unused,
    'clock.setSpeedup': unused,
    'backup.export': unused,
    'backup.import': unused,
    'merchant.ship': unused,
    'merchant.refund': unused,
    'merchant.releaseDispute': unused,
    ...overrides,
  };
  const onUnexpected = vi.fn();
  return { route: createRouter(handlers, onUnexpected), handlers, onUnexpected };
}

describe('Router: parsing', () => {
  it('answers a valid request with its handler result', async () => {
    const { route } = withRouter();
    expect(await route({ type: 'wallet.balance' }, extension)).toEqual({ ok: true, result: balance });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'wallet.balance'],
    ['an unknown type', { type: 'wallet.mint', amountMinor: 100 }],
    ['extra fields', { type: 'wallet.balance', amountMinor: 100 }],
    ['a bad approval id', { type: 'approval.get', approvalId: '../../etc' }],
    [
      'an invalid offer',
      {
        type: 'inline.present',
        token: crypto.randomUUID(),
        purpose: { kind: 'pay', requestId: 'r', offer: { ...demoOffer(), amountMinor: -1 } },
      },
    ],
  ])('answers %s with INVALID_REQUEST and calls no handler', async (_, message) => {
    const { route, handlers } = withRouter();
    const response = await route(message, extension);
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });
});

describe('Router: senders', () => {
  it.each([
    [
      'inline.present',
      { type: 'inline.present', token: crypto.randomUUID(), purpose: { kind: 'pay', requestId: 'r', offer: demoOffer() } },
      extension,
    ],
    [
      'inline.press from a store page',
      { type: 'inline.press', token: crypto.randomUUID(), point: { x: 1, y: 1, at: Date.now() } },
      content,
    ],
    [
      'inline.press from an extension page',
      { type: 'inline.press', token: crypto.randomUUID(), point: { x: 1, y: 1, at: Date.now() } },
      extension,
    ],
    ['inline.view from a store page', { type: 'inline.view', token: crypto.randomUUID() }, content],
    ['wallet.balance from a store page', { type: 'wallet.balance' }, content],
    ['wallet.balance from the wallet frame', { type: 'wallet.balance' }, frame],
    [
      'approval.pay from the wallet frame',
      { type: 'approval.pay', approvalId: '00000000-0000-4000-8000-000000000000', method: 'balance', paymentPassword: '204913' },
      frame,
    ],
    ['approval.get', { type: 'approval.get', approvalId: '00000000-0000-4000-8000-000000000000' }, content],
    ['approval.reject', { type: 'approval.reject', approvalId: '00000000-0000-4000-8000-000000000000' }, content],
    [
      'approval.pay',
      { type: 'approval.pay', approvalId: '00000000-0000-4000-8000-000000000000', method: 'balance', paymentPassword: '204913' },
      content,
    ],
    ['account.unlock', { type: 'account.unlock', loginPassword: 'x' }, content],
    ['topUps.create', { type: 'topUps.create', id: 't1', method: 'e_wallet', amountMinor: 100 }, content],
    [
      'orders.confirmReceipt',
      { type: 'orders.confirmReceipt', origin: 'https://shop.example', orderId: 'o', paymentPassword: '204913' },
      content,
    ],
    ['clock.setSpeedup', { type: 'clock.setSpeedup', speedup: 1000 }, content],
    ['merchant.refund', { type: 'merchant.refund', orderId: 'o', refundId: 'r', amountMinor: 1, reason: 'x' }, extension],
    ['wallet.balance', { type: 'wallet.balance' }, { kind: 'unknown' } as Sender],
  ])('refuses %s from the wrong kind of sender', async (_, message, from) => {
    const { route } = withRouter();
    expect(await route(message, from)).toMatchObject({ ok: false, error: { code: 'ORIGIN_MISMATCH' } });
  });
});

describe('Router: failures', () => {
  it('passes a refusal’s detail on to extension pages', async () => {
    const { route } = withRouter({
      'approval.pay': async () => {
        throw new WalletError('INSUFFICIENT_FUNDS', 'short', { reason: 'balance_short', shortMinor: 100 });
      },
    });
    const response = await route(
      { type: 'approval.pay', approvalId: '00000000-0000-4000-8000-000000000000', method: 'balance', paymentPassword: '204913' },
      extension,
    );
    expect(response).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_FUNDS', message: 'short', reason: 'balance_short', shortMinor: 100 },
    });
  });

  it('turns a WalletError into its typed error', async () => {
    const { route } = withRouter();
    const response = await route({ type: 'approval.get', approvalId: '00000000-0000-4000-8000-000000000000' }, extension);
    expect(response).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('reports an unexpected failure and still answers', async () => {
    const { route, onUnexpected } = withRouter({
      'wallet.balance': async () => {
        throw new TypeError('boom');
      },
    });
    expect(await route({ type: 'wallet.balance' }, extension)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(onUnexpected).toHaveBeenCalledOnce();
  });
});
