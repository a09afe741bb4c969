import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { refundsAtAGlance } from '@/lib/wallet/refunds/refund-list';
import type { RefundRecord } from '@/lib/wallet/records';
import { MONDAY, freshWallet } from './support/with-wallet';

const HOUR = 60 * 60 * 1000;
const refund = (id: string, createdAt: number, arrivesAt: number): RefundRecord => ({
  id,
  orderKey: `https://shop.example ${id}`,
  amountMinor: 500,
  currency: 'USD',
  destination: arrivesAt > createdAt ? 'card' : 'wallet',
  ...(arrivesAt > createdAt ? { cardId: 'card-1' } : {}),
  reason: 'Out of stock',
  createdAt,
  arrivesAt,
});

describe('Refunds at a glance', () => {
  it('lists every refund still on its way, soonest first, however many arrived after it, then the latest arrived', async () => {
    const { db } = await freshWallet();
    const now = MONDAY + 100 * HOUR;
    await db.refunds.bulkAdd([
      // An old refund to a card, still on its way, with ten newer refunds to the wallet since.
      refund('slow-card', MONDAY, now + 200 * HOUR),
      refund('faster-card', MONDAY + HOUR, now + 24 * HOUR),
      ...Array.from({ length: 10 }, (_, index) => refund(`wallet-${index}`, MONDAY + (10 + index) * HOUR, MONDAY + (10 + index) * HOUR)),
    ]);
    const shown = await refundsAtAGlance(db, now, 3);
    expect(shown.map(({ id }) => id)).toEqual(['faster-card', 'slow-card', 'wallet-9', 'wallet-8', 'wallet-7']);
  });

  it('shows nothing for a wallet without refunds', async () => {
    const { db } = await freshWallet();
    expect(await refundsAtAGlance(db, MONDAY, 3)).toEqual([]);
  });
});
