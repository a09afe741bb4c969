import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WalletDatabase } from '@/lib/db';
import { verifyLedger } from '@/lib/ledger/verify';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { demoOffer } from './fixtures';
import { extensionSender, send, startBackground, openPayment } from './support/with-background';

const shopTab = (origin: string, tabId: number) => ({
  id: fakeBrowser.runtime.id,
  url: `${origin}/checkout.html`,
  tab: { id: tabId },
  frameId: 0,
});

async function openApproval(origin: string, tabId: number, orderId: string): Promise<string> {
  const opened = await openPayment(demoOffer({ orderId }), `r-${orderId}`, shopTab(origin, tabId));
  if (!opened.ok) throw new Error(opened.error.message);
  return (opened.result as { approvalId: string }).approvalId;
}

const payFromBalance = (approvalId: string) =>
  send({ type: 'approval.pay', approvalId, method: 'balance', paymentPassword: SIGN_UP_INPUT.paymentPassword }, extensionSender);

/** The shopper's holds in the ledger, one per order paid. */
async function holds() {
  const db = new WalletDatabase();
  const pending = await db.transfers.filter((transfer) => transfer.kind === 'pending' && transfer.code === 'purchase').toArray();
  db.close();
  return pending;
}

describe('Concurrent payments', () => {
  beforeEach(async () => {
    startBackground();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await send({ type: 'account.signUp', form: SIGN_UP_INPUT }, extensionSender)).toMatchObject({ ok: true });
    // Enough for one $29.97 order, not two.
    expect(await send({ type: 'topUps.create', id: 'funds', method: 'e_wallet', amountMinor: 4_000 }, extensionSender)).toMatchObject({
      ok: true,
    });
  });

  it('two tabs paying two orders at once with a balance that covers one: exactly one is paid, the other is short', async () => {
    const [first, second] = await Promise.all([
      openApproval('https://one.example', 7, 'ord_a'),
      openApproval('https://two.example', 8, 'ord_b'),
    ]);
    const answers = await Promise.all([payFromBalance(first), payFromBalance(second)]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_FUNDS' } });
    expect(await holds()).toHaveLength(1);
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      ok: true,
      result: { available: { amountMinor: 4_000 - 2_997 }, held: { amountMinor: 2_997 } },
    });
    const db = new WalletDatabase();
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
    db.close();
  });

  it('two windows confirming the same order at once charge it once', async () => {
    const approvalId = await openApproval('https://one.example', 7, 'ord_a');
    const answers = await Promise.all([payFromBalance(approvalId), payFromBalance(approvalId)]);
    expect(answers.some((answer) => answer.ok)).toBe(true);
    for (const answer of answers) if (!answer.ok) expect(['NOT_FOUND', 'ALREADY_DONE']).toContain(answer.error.code);
    expect(await holds()).toHaveLength(1);
    expect(await send({ type: 'wallet.balance' }, extensionSender)).toMatchObject({
      ok: true,
      result: { available: { amountMinor: 4_000 - 2_997 }, held: { amountMinor: 2_997 } },
    });
  });
});
