import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { days } from '@/lib/business-days';
import { ORDERS_PAGE_SIZE, buyerActionsFor, escrowStateOf, ordersNewestFirst } from '@/lib/wallet/orders/order-view';
import { cancelOrder, confirmReceipt, openDispute, shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, SHOP, freshWallet, offer } from './support/with-wallet';

async function paidOrder(method: 'balance' | 'card' = 'balance') {
  const wallet = await freshWallet();
  await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED });
  const paid = await pay(
    wallet.context,
    { origin: SHOP, offer: offer(), method, ...(method === 'card' ? { cardId: CARD_ID } : {}) },
    AUTHORISED,
  );
  if (!paid.ok) throw new Error(paid.message);
  const order = async () => (await wallet.db.orders.get(paid.order.id))!;
  return { ...wallet, order };
}

describe('Orders view: where the money stands and what the buyer may do', () => {
  it('follows an order from paid to shipped to disputed to received', async () => {
    const { context, clock, order } = await paidOrder();
    expect(escrowStateOf(await order())).toEqual({ kind: 'held' });
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: false, cancel: true, dispute: true });

    await shipOrder(context, SHOP, 'ord_1', 'express');
    expect(escrowStateOf(await order())).toEqual({ kind: 'shipped', shipping: 'express', shippedAt: MONDAY, releaseAt: MONDAY + days(10) });
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: true, cancel: false, dispute: true });

    clock.advance(days(4));
    await openDispute(context, SHOP, 'ord_1', 'Arrived broken');
    expect(escrowStateOf(await order())).toEqual({
      kind: 'disputed',
      openedAt: MONDAY + days(4),
      reason: 'Arrived broken',
      remainingMs: days(6),
    });
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: true, cancel: false, dispute: false });

    clock.advance(days(1));
    await confirmReceipt(context, SHOP, 'ord_1', AUTHORISED);
    expect(escrowStateOf(await order())).toEqual({ kind: 'released', closedAt: MONDAY + days(5) });
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: false, cancel: false, dispute: false });
  });

  it('says the clock has not started for an order disputed before it shipped, which can still be cancelled', async () => {
    const { context, order } = await paidOrder();
    await openDispute(context, SHOP, 'ord_1', 'Never confirmed the size');
    const state = escrowStateOf(await order());
    expect(state).toMatchObject({ kind: 'disputed' });
    expect(state).not.toHaveProperty('remainingMs');
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: false, cancel: true, dispute: false });

    await cancelOrder(context, SHOP, 'ord_1');
    expect(escrowStateOf(await order())).toMatchObject({ kind: 'cancelled' });
    expect(buyerActionsFor(await order())).toEqual({ confirmReceipt: false, cancel: false, dispute: false });
  });
});

describe('Orders view: a page of orders with their refunds', () => {
  it('lists nothing, with nothing more, for a wallet that has paid for nothing', async () => {
    const { db } = await freshWallet();
    expect(await ordersNewestFirst(db, ORDERS_PAGE_SIZE)).toEqual({ orders: [], more: false });
  });

  it('shows the newest orders first, a page at a time', async () => {
    const { context, clock, db } = await freshWallet();
    for (let index = 1; index <= 25; index++) {
      clock.advance(60_000);
      const paid = await pay(
        context,
        {
          origin: SHOP,
          offer: offer({ orderId: `ord_${index}`, amountMinor: 100 }),
          method: 'card',
          cardId: CARD_ID,
        },
        AUTHORISED,
      );
      expect(paid.ok).toBe(true);
    }
    const first = await ordersNewestFirst(db, ORDERS_PAGE_SIZE);
    expect(first.more).toBe(true);
    expect(first.orders.map((view) => view.order.orderId)).toEqual(Array.from({ length: 20 }, (_, index) => `ord_${25 - index}`));
    const all = await ordersNewestFirst(db, 2 * ORDERS_PAGE_SIZE);
    expect(all.more).toBe(false);
    expect(all.orders).toHaveLength(25);
    expect(all.orders.at(-1)?.order.orderId).toBe('ord_1');
  });

  it('names the card that paid and each refund: how much, where to, and when it arrives', async () => {
    const { context, clock, db } = await paidOrder('card');
    await refundOrder(context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 1_500, reason: 'Missing lid' });
    clock.advance(days(1));
    await refundOrder(context, SHOP, 'ord_1', { refundId: 'r2', amountMinor: 500, reason: 'Late' });

    const [view] = (await ordersNewestFirst(db, ORDERS_PAGE_SIZE)).orders;
    expect(view).toMatchObject({ card: { id: CARD_ID, last4: '4242' }, refundedMinor: 2_000, heldMinor: 2_000 });
    expect(view?.refunds.map(({ refund, card }) => ({ ...refund, last4: card?.last4 }))).toEqual([
      expect.objectContaining({ amountMinor: 1_500, destination: 'card', reason: 'Missing lid', last4: '4242', createdAt: MONDAY }),
      expect.objectContaining({ amountMinor: 500, destination: 'card', reason: 'Late', last4: '4242', createdAt: MONDAY + days(1) }),
    ]);
    expect(view?.refunds[0]?.refund.arrivesAt).toBeGreaterThan(MONDAY + days(10));
  });

  it('shows a refund to the wallet as arrived at once, and nothing held once the order is closed', async () => {
    const { context, db } = await paidOrder('balance');
    await refundOrder(context, SHOP, 'ord_1', { refundId: 'r1', amountMinor: 4_000, reason: 'Out of stock' });
    const [view] = (await ordersNewestFirst(db, ORDERS_PAGE_SIZE)).orders;
    expect(view).toMatchObject({ order: { state: 'refunded' }, refundedMinor: 4_000, heldMinor: 0 });
    expect(view?.refunds[0]?.refund).toMatchObject({ destination: 'wallet', arrivesAt: MONDAY });
    expect(view).not.toHaveProperty('card');
  });
});
