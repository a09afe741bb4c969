import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { days } from '@/lib/business-days';
import type { Transfer } from '@/lib/ledger/transfer';
import { claimablePurchases, isClaimablePurchase } from '@/lib/wallet/claims/claimable';
import { claimsNewestFirst } from '@/lib/wallet/claims/claim-view';
import { CLAIM_REVIEW_MS, CLAIM_WINDOW_MS, openClaim } from '@/lib/wallet/claims/claims';
import { runDueJobs } from '@/lib/wallet/jobs';
import { holdId, orderKey } from '@/lib/wallet/orders/order-key';
import { cancelOrder, shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, SHOP, freshWallet, offer } from './support/with-wallet';

async function walletWithPurchases(...orders: { orderId: string; method: 'balance' | 'card'; after?: number }[]) {
  const wallet = await freshWallet();
  await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 40_000, cardId: CARD_ID, authorisation: AUTHORISED });
  for (const { orderId, method, after = 0 } of orders) {
    wallet.clock.advance(after);
    const paid = await pay(
      wallet.context,
      {
        origin: SHOP,
        offer: offer({ orderId, amountMinor: 1_000 }),
        method,
        ...(method === 'card' ? { cardId: CARD_ID } : {}),
      },
      AUTHORISED,
    );
    if (!paid.ok) throw new Error(paid.message);
  }
  return wallet;
}

const purchaseOf = (orderId: string) => holdId(orderKey(SHOP, orderId));
const orderIds = async (wallet: Awaited<ReturnType<typeof freshWallet>>) =>
  (await claimablePurchases(wallet.db, wallet.clock.now())).map((purchase) => purchase.order.orderId);

describe('Claims: which purchases can be claimed', () => {
  it('offers purchases paid from the balance or by card, newest first', async () => {
    const wallet = await walletWithPurchases(
      { orderId: 'ord_a', method: 'balance' },
      { orderId: 'ord_b', method: 'card', after: days(1) },
      { orderId: 'ord_c', method: 'balance', after: days(1) },
    );
    const purchases = await claimablePurchases(wallet.db, wallet.clock.now());
    expect(purchases.map(({ order, transferId }) => [order.orderId, transferId])).toEqual([
      ['ord_c', purchaseOf('ord_c')],
      ['ord_b', purchaseOf('ord_b')],
      ['ord_a', purchaseOf('ord_a')],
    ]);
    expect(purchases[0]?.order).toMatchObject({ merchantName: 'Demo Market', amountMinor: 1_000, origin: SHOP });
  });

  it('draws the 90-day line where the background does', async () => {
    const wallet = await walletWithPurchases({ orderId: 'ord_old', method: 'balance' }, { orderId: 'ord_new', method: 'balance' });
    const paidAt = (await wallet.db.transfers.get(purchaseOf('ord_old')))!.timestamp;

    wallet.clock.set(paidAt + CLAIM_WINDOW_MS);
    expect(await orderIds(wallet)).toContain('ord_old');
    expect(await openClaim(wallet.context, { claimId: 'c1', transferId: purchaseOf('ord_old'), reason: 'Not me' })).toMatchObject({
      ok: true,
    });

    wallet.clock.set(paidAt + CLAIM_WINDOW_MS + 2);
    expect(await orderIds(wallet)).toEqual([]);
    expect(await openClaim(wallet.context, { claimId: 'c2', transferId: purchaseOf('ord_new'), reason: 'Not me' })).toMatchObject({
      ok: false,
      reason: 'claim_window_passed',
    });
  });

  it('leaves out purchases already claimed and orders with nothing left to give back', async () => {
    const wallet = await walletWithPurchases(
      { orderId: 'ord_claimed', method: 'balance' },
      { orderId: 'ord_cancelled', method: 'balance' },
      { orderId: 'ord_refunded', method: 'card' },
      { orderId: 'ord_open', method: 'card' },
    );
    await openClaim(wallet.context, { claimId: 'c1', transferId: purchaseOf('ord_claimed'), reason: 'Not me' });
    await cancelOrder(wallet.context, SHOP, 'ord_cancelled');
    await refundOrder(wallet.context, SHOP, 'ord_refunded', { refundId: 'r1', amountMinor: 1_000, reason: 'Out of stock' });
    expect(await orderIds(wallet)).toEqual(['ord_open']);
  });

  it('offers a partly refunded purchase once, by the purchase itself rather than the smaller hold left after the refund', async () => {
    const wallet = await walletWithPurchases({ orderId: 'ord_1', method: 'balance' });
    await shipOrder(wallet.context, SHOP, 'ord_1', 'express');
    await refundOrder(wallet.context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 400, reason: 'Scratched' });
    const purchases = await claimablePurchases(wallet.db, wallet.clock.now());
    expect(purchases.map((purchase) => purchase.transferId)).toEqual([purchaseOf('ord_1')]);
  });

  it('offers only what the background accepts: every listed purchase can be claimed', async () => {
    const wallet = await walletWithPurchases(
      { orderId: 'ord_a', method: 'balance' },
      { orderId: 'ord_b', method: 'card', after: days(30) },
      { orderId: 'ord_c', method: 'balance', after: days(30) },
    );
    wallet.clock.advance(days(50));
    const purchases = await claimablePurchases(wallet.db, wallet.clock.now());
    expect(purchases.map((purchase) => purchase.order.orderId)).toEqual(['ord_c', 'ord_b']);
    for (const [index, purchase] of purchases.entries())
      expect(await openClaim(wallet.context, { claimId: `c${index}`, transferId: purchase.transferId, reason: 'Not me' })).toMatchObject({
        ok: true,
      });
    expect(await claimablePurchases(wallet.db, wallet.clock.now())).toEqual([]);
  });
});

describe('Claims: the list of claims', () => {
  it('lists claims newest first with the order they concern and when the review answers, a page at a time', async () => {
    const wallet = await walletWithPurchases({ orderId: 'ord_a', method: 'balance' }, { orderId: 'ord_b', method: 'card' });
    await openClaim(wallet.context, { claimId: 'c-a', transferId: purchaseOf('ord_a'), reason: 'Not me' });
    wallet.clock.advance(days(1));
    await openClaim(wallet.context, { claimId: 'c-b', transferId: purchaseOf('ord_b'), reason: 'Unknown shop' });

    const first = await claimsNewestFirst(wallet.db, 1);
    expect(first.more).toBe(true);
    expect(first.claims).toEqual([
      expect.objectContaining({
        claim: expect.objectContaining({ id: 'c-b', state: 'in_review', reason: 'Unknown shop' }),
        order: expect.objectContaining({ orderId: 'ord_b', merchantName: 'Demo Market' }),
        reviewDueAt: MONDAY + days(1) + CLAIM_REVIEW_MS,
      }),
    ]);

    wallet.clock.advance(CLAIM_REVIEW_MS);
    await runDueJobs(wallet.context);
    const all = await claimsNewestFirst(wallet.db, 20);
    expect(all.more).toBe(false);
    expect(all.claims.map(({ claim }) => [claim.id, claim.state])).toEqual([
      ['c-b', 'refunded'],
      ['c-a', 'refunded'],
    ]);
  });
});

describe('Claims: the eligibility rule itself', () => {
  const purchase: Transfer = {
    id: purchaseOf('ord_1'),
    kind: 'pending',
    code: 'purchase',
    debitAccountId: 'shopper',
    creditAccountId: `merchant:${SHOP}`,
    amountMinor: 1_000,
    currency: 'USD',
    orderId: orderKey(SHOP, 'ord_1'),
    timestamp: MONDAY,
  };

  it.each<[string, Partial<Transfer>]>([
    ['a top-up', { code: 'top_up' }],
    ['the post that paid the shop', { kind: 'post_pending', id: `post:${purchase.id}` }],
    ['money the shopper received', { debitAccountId: `merchant:${SHOP}`, creditAccountId: 'shopper' }],
    ['the smaller hold left after a partial refund', { id: holdId(orderKey(SHOP, 'ord_1'), 1) }],
    ['a purchase older than 90 days', { timestamp: MONDAY - CLAIM_WINDOW_MS - 1 }],
  ])('does not offer %s', (_, change) => {
    expect(isClaimablePurchase({ ...purchase, ...change }, MONDAY)).toBe(false);
  });

  it('offers the purchase itself, by balance or by card', () => {
    expect(isClaimablePurchase(purchase, MONDAY)).toBe(true);
    expect(isClaimablePurchase({ ...purchase, debitAccountId: 'external:card-network' }, MONDAY + CLAIM_WINDOW_MS)).toBe(true);
  });
});
