import { describe, expect, it } from 'vitest';
import type { PaymentAuthorisation } from '@/lib/account/payment-auth';
import { createApprovalFlow, type AnswerGate, type ApprovalPorts } from '@/lib/approvals/approval-flow';
import type { TabNotice } from '@/lib/protocol/tab-notice';
import { WalletError } from '@/lib/protocol/wallet-error';
import { AUTHORISED } from './support/authorised';
import { demoOffer } from './fixtures';

const SHOP = { kind: 'content', origin: 'https://shop.example', tabId: 4, frameId: 0 } as const;
const KEY = {} as CryptoKey;

/** The flow on ports that keep storage in a map and record windows and what the page was told. */
function flowWithPorts(now = () => 1_000) {
  const stored = new Map<string, unknown>();
  const told: TabNotice[] = [];
  const windows = { opened: [] as string[], closed: [] as number[] };
  const ports: ApprovalPorts = {
    load: async (key) => stored.get(key),
    save: async (key, value) => void stored.set(key, structuredClone(value)),
    openWindow: async (approvalId) => (windows.opened.push(approvalId), 70 + windows.opened.length),
    focusWindow: async (windowId) => !windows.closed.includes(windowId),
    closeWindow: async (windowId) => void windows.closed.push(windowId),
    tell: async (_approval, notice) => void told.push(notice),
    now,
    newId: () => `a${windows.opened.length + 1}`,
  };
  return { flow: createApprovalFlow(ports), told, windows };
}

const gate = (authorisation: PaymentAuthorisation | undefined | 'wrong'): AnswerGate => ({
  unlocked: async () => KEY,
  authorise: async () => {
    if (authorisation === 'wrong') throw new WalletError('WRONG_PASSWORD', 'The payment password is wrong.');
    return authorisation;
  },
});

const held = (requestId: string): TabNotice => ({
  type: 'payment.outcome',
  requestId,
  outcome: { status: 'held', orderId: 'ord_1', amountMinor: 2997, currency: 'USD', paidAt: 1, state: 'held' },
});

describe('Approval flow: opened, answered and settled alike for every kind', () => {
  it('keeps one approval per shop: the same request finds its window, another waits its turn', async () => {
    const { flow, windows } = flowWithPorts();
    const first = await flow.open(SHOP, 'r1', { kind: 'payment', offer: demoOffer() });
    expect(await flow.open(SHOP, 'r1', { kind: 'payment', offer: demoOffer() })).toEqual({ approvalId: first.approvalId, reused: true });
    await expect(flow.open(SHOP, 'r2', { kind: 'payment', offer: demoOffer() })).rejects.toMatchObject({ code: 'ALREADY_DONE' });
    expect(windows.opened).toEqual([first.approvalId]);
  });

  it('answers only the kind the window showed, and only with the payment password; a refusal leaves the approval open', async () => {
    const { flow, told } = flowWithPorts();
    const { approvalId } = await flow.open(SHOP, 'r1', { kind: 'payment', offer: demoOffer() });
    const perform = async () => ({ result: 'paid', notice: held('r1') });
    await expect(flow.answer(approvalId, 'fill', gate(AUTHORISED), perform)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(flow.answer(approvalId, 'payment', gate('wrong'), perform)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(flow.answer(approvalId, 'payment', gate(undefined), perform)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(told).toEqual([]);
    expect(await flow.answer(approvalId, 'payment', gate(AUTHORISED), perform)).toBe('paid');
    expect(told).toEqual([held('r1')]);
    await expect(flow.get(approvalId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves an order action that only holds money back without the payment password, and settles it', async () => {
    const { flow, told, windows } = flowWithPorts();
    const { approvalId } = await flow.open(SHOP, 'r1', { kind: 'order', action: { kind: 'cancel', orderId: 'ord_1' } });
    const notice: TabNotice = {
      type: 'order.outcome',
      requestId: 'r1',
      outcome: { ok: false, error: { code: 'NOT_FOUND', message: 'x' } },
    };
    expect(
      await flow.answer(approvalId, 'order', gate(undefined), async (_approval, _key, authorisation) => ({
        result: authorisation,
        notice,
      })),
    ).toBe(undefined);
    expect(told).toEqual([notice]);
    expect(windows.closed).toEqual([71]);
  });

  it('tells the page a declined payment was rejected, and makes a shop whose buyer action was declined wait', async () => {
    const { flow, told } = flowWithPorts();
    const payment = await flow.open(SHOP, 'r1', { kind: 'payment', offer: demoOffer() });
    await flow.reject(payment.approvalId);
    expect(told[0]).toMatchObject({
      type: 'payment.outcome',
      requestId: 'r1',
      outcome: { status: 'rejected', error: { code: 'USER_REJECTED' } },
    });
    const order = await flow.open(SHOP, 'r2', { kind: 'order', action: { kind: 'cancel', orderId: 'ord_1' } });
    await flow.windowClosed(72);
    expect(told[1]).toMatchObject({ type: 'order.outcome', requestId: 'r2', outcome: { ok: false, error: { code: 'USER_REJECTED' } } });
    await expect(flow.get(order.approvalId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(flow.open(SHOP, 'r3', { kind: 'order', action: { kind: 'cancel', orderId: 'ord_1' } })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // What the shopper starts in the wallet's own frame never waits.
    await expect(flow.open(SHOP, 'r4', { kind: 'payment', offer: demoOffer() })).resolves.toMatchObject({ reused: false });
  });
});
