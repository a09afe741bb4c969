import { AUTHORISED } from './support/authorised';
import { describe, expect, it, vi } from 'vitest';
import { days } from '@/lib/business-days';
import { verifyLedger } from '@/lib/ledger/verify';
import { merchantAccount } from '@/lib/wallet/accounts';
import { openClaim } from '@/lib/wallet/claims/claims';
import { runDueJobs } from '@/lib/wallet/jobs';
import { markVerified } from '@/lib/wallet/create-wallet';
import { cancelOrder, confirmReceipt, openDispute, releaseDisputedOrder, shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, SHOP, freshWallet, offer } from './support/with-wallet';

async function walletWith(availableMinor: number) {
  const wallet = await freshWallet();
  if (availableMinor > 0)
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: availableMinor, cardId: CARD_ID, authorisation: AUTHORISED });
  return wallet;
}
const merchantBalance = async (wallet: Awaited<ReturnType<typeof freshWallet>>) => {
  const merchant = await wallet.db.accounts.get(merchantAccount(SHOP));
  return merchant ? merchant.creditsPosted - merchant.debitsPosted : 0;
};

describe('Wallet: paying into escrow', () => {
  it('holds the amount from the balance until receipt is confirmed', async () => {
    const wallet = await walletWith(10_000);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
      order: { state: 'held' },
      replayed: false,
    });
    expect(await wallet.balance()).toEqual({ available: 6_000, held: 4_000, pendingIn: 0 });
    expect(await merchantBalance(wallet)).toBe(0);
  });

  it('keeps the support address the shop gave at checkout on the order, for the shopper’s letters', async () => {
    const wallet = await walletWith(10_000);
    const supportEmail = 'help@shop.example';
    expect(await pay(wallet.context, { origin: SHOP, offer: offer({ supportEmail }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
      order: { supportEmail },
    });
    const without = await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'ord_2' }), method: 'balance' }, AUTHORISED);
    expect(without).toMatchObject({ ok: true });
    expect((without as { order: object }).order).not.toHaveProperty('supportEmail');
  });

  it('refuses a short balance with the shortfall, and never pays part', async () => {
    const wallet = await walletWith(3_000);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_FUNDS',
      shortMinor: 1_000,
    });
    expect(await wallet.balance()).toEqual({ available: 3_000, held: 0, pendingIn: 0 });
    expect(await wallet.db.orders.count()).toBe(0);
  });

  it('tops up the difference from a card and pays in one linked step', async () => {
    const wallet = await walletWith(3_000);
    expect(
      await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'top_up_and_balance', cardId: CARD_ID }, AUTHORISED),
    ).toMatchObject({
      ok: true,
    });
    expect(await wallet.balance()).toEqual({ available: 0, held: 4_000, pendingIn: 0 });
  });

  it('pays by card without touching the balance, still held in escrow', async () => {
    const wallet = await walletWith(1_000);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'card', cardId: CARD_ID }, AUTHORISED)).toMatchObject({
      ok: true,
    });
    expect(await wallet.balance()).toEqual({ available: 1_000, held: 0, pendingIn: 0 });
  });

  it('never charges the same order twice', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
      replayed: true,
    });
    expect(await pay(wallet.context, { origin: SHOP, offer: offer({ amountMinor: 5_000 }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: false,
      code: 'ALREADY_DONE',
    });
    expect(await wallet.balance()).toEqual({ available: 6_000, held: 4_000, pendingIn: 0 });
  });

  it('pays the same order id at two shops as two orders', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await pay(wallet.context, { origin: 'https://other.example', offer: offer(), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
      replayed: false,
    });
    expect(await wallet.balance()).toEqual({ available: 2_000, held: 8_000, pendingIn: 0 });
  });

  it.each([
    ['an order in another currency', { currency: 'EUR' as const }, 'INVALID_REQUEST', 'currency_not_held'],
    ['a purchase above the $500 unverified limit', { amountMinor: 50_001 }, 'LIMIT_EXCEEDED', 'purchase_limit'],
  ])('refuses %s and moves nothing', async (_, change, code, reason) => {
    const wallet = await walletWith(10_000);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(change), method: 'card', cardId: CARD_ID }, AUTHORISED)).toMatchObject({
      ok: false,
      code,
      reason,
    });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
  });

  it('lets a verified wallet pay up to $5,000 at once', async () => {
    const wallet = await walletWith(0);
    await markVerified(wallet.context);
    expect(
      await pay(wallet.context, { origin: SHOP, offer: offer({ amountMinor: 500_000 }), method: 'card', cardId: CARD_ID }, AUTHORISED),
    ).toMatchObject({ ok: true });
  });

  it('refuses a card payment without a linked card', async () => {
    const wallet = await walletWith(0);
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'card', cardId: 'nope' }, AUTHORISED)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it.each([
    ['the balance', 10_000, { method: 'balance' as const }],
    ['a top-up of the difference', 3_000, { method: 'top_up_and_balance' as const, cardId: CARD_ID }],
    ['a card', 0, { method: 'card' as const, cardId: CARD_ID }],
  ])('paying from %s reads the ledger once, with its own reads, before deciding', async (_, seedMinor, how) => {
    const wallet = await walletWith(seedMinor);
    const { db } = wallet;
    const reads = {
      accounts: [vi.spyOn(db.accounts, 'get'), vi.spyOn(db.accounts, 'bulkGet')],
      ids: [vi.spyOn(db.transfers, 'bulkGet'), vi.spyOn(db.failedTransfers, 'bulkGet')],
      last: [vi.spyOn(db.transfers, 'orderBy')],
    };
    expect(await pay(wallet.context, { origin: SHOP, offer: offer(), ...how }, AUTHORISED)).toMatchObject({ ok: true, replayed: false });
    const calls = Object.fromEntries(
      Object.entries(reads).map(([what, spies]) => [what, spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0)]),
    );
    vi.restoreAllMocks();
    expect(calls).toEqual({ accounts: 1, ids: 2, last: 1 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('two payments racing for a balance that covers one: exactly one succeeds', async () => {
    const wallet = await walletWith(5_000);
    const results = await Promise.all([
      pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'a' }), method: 'balance' }, AUTHORISED),
      pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'b' }), method: 'balance' }, AUTHORISED),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
  });
});

describe('Wallet: the order after payment', () => {
  it('cancels before shipment and gives the money back at once', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await cancelOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: true, order: { state: 'cancelled' } });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
    expect(await cancelOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: false, code: 'ALREADY_DONE' });
  });

  it('cannot cancel once shipped', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await shipOrder(wallet.context, SHOP, 'ord_1', 'express');
    expect(await cancelOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: false, reason: 'already_shipped' });
  });

  it('pays the merchant when the buyer confirms receipt', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED)).toMatchObject({ ok: false, reason: 'not_shipped' });
    await shipOrder(wallet.context, SHOP, 'ord_1', 'express');
    expect(await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED)).toMatchObject({ ok: true, order: { state: 'released' } });
    expect(await wallet.balance()).toEqual({ available: 6_000, held: 0, pendingIn: 0 });
    expect(await merchantBalance(wallet)).toBe(4_000);
  });

  it.each([
    ['express', 10],
    ['surface', 30],
    ['virtual', 3],
  ] as const)('releases by itself %s days after %s shipment', async (kind, periodDays) => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await shipOrder(wallet.context, SHOP, 'ord_1', kind);
    wallet.clock.advance(days(periodDays) - 1);
    await runDueJobs(wallet.context);
    expect((await wallet.db.orders.toArray())[0]?.state).toBe('held');
    wallet.clock.advance(1);
    expect(await runDueJobs(wallet.context)).toEqual({ done: 1, failed: [] });
    expect((await wallet.db.orders.toArray())[0]?.state).toBe('released');
    expect(await merchantBalance(wallet)).toBe(4_000);
  });

  it('pauses the release clock while a dispute is open and resumes it with the time that was left', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await shipOrder(wallet.context, SHOP, 'ord_1', 'express');
    wallet.clock.advance(days(4));
    expect(await openDispute(wallet.context, SHOP, 'ord_1', 'Not as described')).toMatchObject({
      ok: true,
      order: { pausedRemainingMs: days(6) },
    });
    wallet.clock.advance(days(30));
    await runDueJobs(wallet.context);
    expect((await wallet.db.orders.toArray())[0]?.state).toBe('held');
    // A partial refund settles the dispute; the clock resumes with the six days left.
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_000, reason: 'Scratched' })).toMatchObject({
      ok: true,
      order: { state: 'held' },
    });
    wallet.clock.advance(days(6));
    await runDueJobs(wallet.context);
    expect((await wallet.db.orders.toArray())[0]?.state).toBe('released');
    expect(await merchantBalance(wallet)).toBe(3_000);
    expect(await wallet.balance()).toEqual({ available: 7_000, held: 0, pendingIn: 0 });
  });

  it('resolves a dispute by release', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await releaseDisputedOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: false, reason: 'no_dispute' });
    await openDispute(wallet.context, SHOP, 'ord_1', 'Late');
    expect(await releaseDisputedOrder(wallet.context, SHOP, 'ord_1')).toMatchObject({ ok: true, order: { state: 'released' } });
  });

  it('only answers the origin that was paid', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await shipOrder(wallet.context, 'https://evil.example', 'ord_1', 'express')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(
      await refundOrder(wallet.context, 'https://evil.example', 'ord_1', { refundId: 'r', amountMinor: 100, reason: 'x' }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('Wallet: refunds', () => {
  it('refunds part of a held order out of the hold and keeps the rest in escrow', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_500, reason: 'Missing lid' })).toMatchObject({
      ok: true,
      refund: { destination: 'wallet', amountMinor: 1_500 },
      order: { state: 'held' },
    });
    expect(await wallet.balance()).toEqual({ available: 7_500, held: 2_500, pendingIn: 0 });
  });

  it('never refunds more than paid minus already refunded', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 3_000, reason: 'x' });
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r2', amountMinor: 1_001, reason: 'x' })).toMatchObject({
      ok: false,
      code: 'LIMIT_EXCEEDED',
      reason: 'refund_exceeds_paid',
    });
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r3', amountMinor: 1_000, reason: 'x' })).toMatchObject({
      ok: true,
      order: { state: 'refunded' },
    });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
  });

  it('refunds once for a repeated request id', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_000, reason: 'x' });
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_000, reason: 'x' })).toMatchObject({
      ok: true,
      replayed: true,
    });
    expect(await wallet.balance()).toEqual({ available: 7_000, held: 3_000, pendingIn: 0 });
  });

  it('refunds after release as a new transfer from the merchant', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await shipOrder(wallet.context, SHOP, 'ord_1', 'virtual');
    await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 4_000, reason: 'Broken' })).toMatchObject({
      ok: true,
      refund: { destination: 'wallet' },
    });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
    expect(await merchantBalance(wallet)).toBe(0);
  });

  it('sends card payments’ refunds back to the card, arriving weeks later', async () => {
    const wallet = await walletWith(0);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'card', cardId: CARD_ID }, AUTHORISED);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 4_000, reason: 'x' })).toMatchObject({
      ok: true,
      refund: { destination: 'card', cardId: CARD_ID, arrivesAt: Date.UTC(2026, 10, 16, 9) },
    });
    expect(await wallet.balance()).toEqual({ available: 0, held: 0, pendingIn: 0 });
  });

  it('sends a refund that would pass the cap to the card that paid', async () => {
    const wallet = await walletWith(20_000);
    await pay(
      wallet.context,
      { origin: SHOP, offer: offer({ amountMinor: 20_000 }), method: 'top_up_and_balance', cardId: CARD_ID },
      AUTHORISED,
    );
    await shipOrder(wallet.context, SHOP, 'ord_1', 'virtual');
    await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED);
    await topUp(wallet.context, { id: 'fill', method: 'card', amountMinor: 40_000, cardId: CARD_ID, authorisation: AUTHORISED });
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 20_000, reason: 'x' })).toMatchObject({
      ok: true,
      refund: { destination: 'card' },
    });
    expect(await wallet.balance()).toEqual({ available: 40_000, held: 0, pendingIn: 0 });
  });

  it('honours "receive refunds to my wallet" being off for card-funded payments', async () => {
    const wallet = await walletWith(1_000);
    await wallet.db.wallet.update('wallet', { refundsToWallet: false });
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'top_up_and_balance', cardId: CARD_ID }, AUTHORISED);
    expect(await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 4_000, reason: 'x' })).toMatchObject({
      ok: true,
      refund: { destination: 'card' },
    });
    expect(await wallet.balance()).toEqual({ available: 0, held: 0, pendingIn: 0 });
  });
});

describe('Wallet: claims for unauthorised purchases', () => {
  it('refunds a claimed purchase after the simulated review', async () => {
    const wallet = await walletWith(10_000);
    const paid = await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    const transferId = paid.ok ? paid.order.holdTransferId : '';
    expect(await openClaim(wallet.context, { claimId: 'c1', transferId, reason: 'Not me' })).toMatchObject({
      ok: true,
      claim: { state: 'in_review' },
    });
    expect(await openClaim(wallet.context, { claimId: 'c2', transferId, reason: 'Not me' })).toMatchObject({
      ok: false,
      reason: 'claim_exists',
    });
    wallet.clock.advance(days(5));
    expect(await runDueJobs(wallet.context)).toEqual({ done: 1, failed: [] });
    expect(await wallet.db.claims.get('c1')).toMatchObject({ state: 'refunded' });
    expect(await wallet.balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
  });

  it('accepts claims only within 90 days', async () => {
    const wallet = await walletWith(10_000);
    const paid = await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    wallet.clock.advance(days(91));
    expect(
      await openClaim(wallet.context, { claimId: 'c1', transferId: paid.ok ? paid.order.holdTransferId : '', reason: 'Not me' }),
    ).toMatchObject({ ok: false, reason: 'claim_window_passed' });
  });
});

describe('Wallet: the ledger stays sound', () => {
  it('verifies after a mix of every operation', async () => {
    const wallet = await walletWith(10_000);
    await pay(wallet.context, { origin: SHOP, offer: offer(), method: 'balance' }, AUTHORISED);
    await pay(
      wallet.context,
      { origin: SHOP, offer: offer({ orderId: 'ord_2', amountMinor: 2_000 }), method: 'card', cardId: CARD_ID },
      AUTHORISED,
    );
    await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 500, reason: 'x' });
    await shipOrder(wallet.context, SHOP, 'ord_1', 'express');
    await confirmReceipt(wallet.context, SHOP, 'ord_1', AUTHORISED);
    await cancelOrder(wallet.context, SHOP, 'ord_2');
    expect(await verifyLedger(wallet.db)).toMatchObject({ ok: true });
  });
});
