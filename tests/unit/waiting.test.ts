import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OrderRecord, RefundRecord } from '@/lib/wallet/records';
import { waitingCount, waitingForShopper } from '@/lib/wallet/waiting';
import { MONDAY, SHOP, freshDatabase } from './support/with-wallet';

const HOUR = 60 * 60 * 1000;

const order = (id: string, state: OrderRecord['state'], more: Partial<OrderRecord> = {}): OrderRecord => ({
  id: `${SHOP} ${id}`,
  origin: SHOP,
  orderId: id,
  merchantName: 'Demo Market',
  items: [{ name: 'Mug', quantity: 1, unitAmountMinor: 4_000 }],
  amountMinor: 4_000,
  currency: 'USD',
  method: 'balance',
  holdTransferId: `hold-${id}`,
  paidAt: MONDAY,
  state,
  ...more,
});
const shipped = { shipping: { kind: 'express', shippedAt: MONDAY + HOUR } } as const;

/** A refund to a card made on Monday, arriving when it does. */
const refund = (id: string, arrivesAt: number): RefundRecord => ({
  id,
  orderKey: `${SHOP} ${id}`,
  amountMinor: 500,
  currency: 'USD',
  destination: 'card',
  cardId: 'card-1',
  reason: 'Out of stock',
  createdAt: MONDAY,
  arrivesAt,
});

describe('What waits for the shopper', () => {
  it('counts shipped orders to confirm and payments in check, not orders the shop or the clock must move', async () => {
    const { db } = freshDatabase();
    await db.orders.bulkAdd([
      order('in-check', 'checking', { checkEndsAt: MONDAY + 24 * HOUR }),
      order('shipped', 'held', shipped),
      order('not-shipped', 'held'),
      // Disputed after shipping: the shop answers the dispute, not the shopper.
      order('disputed', 'held', { ...shipped, dispute: { openedAt: MONDAY + 2 * HOUR, reason: 'Broken' } }),
      order('released', 'released', { ...shipped, closedAt: MONDAY + 3 * HOUR }),
      order('cancelled', 'cancelled', { closedAt: MONDAY + HOUR }),
      order('refunded', 'refunded', { ...shipped, closedAt: MONDAY + 3 * HOUR }),
    ]);
    const waiting = await waitingForShopper(db, MONDAY + 4 * HOUR);
    expect(waiting).toEqual({ toConfirm: 1, refundsArrived: 0, inCheck: 1 });
    expect(waitingCount(waiting)).toBe(2);
  });

  it('counts refunds that arrived since the shopper last looked, and says when the next one on its way arrives', async () => {
    const { db } = freshDatabase();
    const now = MONDAY + 10 * HOUR;
    await db.refunds.bulkAdd([
      refund('seen', MONDAY + HOUR),
      refund('arrived-at-the-look', MONDAY + 2 * HOUR),
      refund('new', MONDAY + 3 * HOUR),
      refund('arrives-now', now),
      refund('on-its-way', now + 72 * HOUR),
      refund('sooner', now + 48 * HOUR),
    ]);
    expect(await waitingForShopper(db, now)).toEqual({ toConfirm: 0, refundsArrived: 4, inCheck: 0, nextArrivalAt: now + 48 * HOUR });
    expect(await waitingForShopper(db, now, MONDAY + 2 * HOUR)).toMatchObject({ refundsArrived: 2 });
    // Once the refund to a card arrives it counts, though the shopper has looked since it was made.
    expect(await waitingForShopper(db, now + 48 * HOUR, now)).toEqual({
      toConfirm: 0,
      refundsArrived: 1,
      inCheck: 0,
      nextArrivalAt: now + 72 * HOUR,
    });
  });

  it('finds nothing waiting in an empty wallet', async () => {
    const { db } = freshDatabase();
    expect(waitingCount(await waitingForShopper(db, MONDAY))).toBe(0);
  });
});
