import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { historyPage, shopperHistory } from '@/lib/wallet/history/history';
import { historyQuery } from '@/lib/wallet/history/history-query';
import { pay } from '@/lib/wallet/orders/payments';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { orderKey } from '@/lib/wallet/orders/order-key';
import { CARD_ID, SHOP, freshWallet, offer } from './support/with-wallet';

/** A wallet with 30 top-ups of 1 cent each, one per minute, then two payments. */
async function walletWithHistory() {
  const wallet = await freshWallet();
  for (let index = 0; index < 30; index++) {
    wallet.clock.advance(60_000);
    await topUp(wallet.context, { id: `t${index}`, method: 'card', amountMinor: 100, cardId: CARD_ID, authorisation: AUTHORISED });
  }
  wallet.clock.advance(60_000);
  await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'a', amountMinor: 500 }), method: 'balance' }, AUTHORISED);
  await pay(
    wallet.context,
    { origin: SHOP, offer: offer({ orderId: 'b', amountMinor: 700 }), method: 'card', cardId: CARD_ID },
    AUTHORISED,
  );
  return wallet;
}

describe('Wallet: history', () => {
  it('pages the shopper’s history newest first by cursor, with nothing skipped or repeated', async () => {
    const { db } = await walletWithHistory();
    const seen: string[] = [];
    let page = await shopperHistory(db, { limit: 7 });
    seen.push(...page.transfers.map((transfer) => transfer.id));
    while (page.nextCursor) {
      page = await shopperHistory(db, { limit: 7, cursor: page.nextCursor });
      seen.push(...page.transfers.map((transfer) => transfer.id));
    }
    // 30 top-ups and the balance payment touch the shopper; the card payment does not.
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect(seen[0]).toBe(`hold:${orderKey(SHOP, 'a')}#0`);
    expect(seen.at(-1)).toBe('t0:principal');
  });

  it('filters by code', async () => {
    const { db } = await walletWithHistory();
    const page = await historyPage(db, { code: 'purchase', limit: 10 });
    expect(page.transfers.map((transfer) => transfer.orderId)).toEqual([orderKey(SHOP, 'b'), orderKey(SHOP, 'a')]);
    expect(page.nextCursor).toBeUndefined();
  });

  it('filters by order', async () => {
    const { db } = await walletWithHistory();
    const page = await historyPage(db, { orderKey: orderKey(SHOP, 'a') });
    expect(page.transfers.map((transfer) => transfer.amountMinor)).toEqual([500]);
  });

  it('filters by a date range, inclusive', async () => {
    const { db } = await walletWithHistory();
    const all = await shopperHistory(db, { limit: 200 });
    const from = all.transfers[20]!.timestamp;
    const to = all.transfers[10]!.timestamp;
    const page = await shopperHistory(db, { from, to, limit: 200 });
    expect(page.transfers.map((transfer) => transfer.id)).toEqual(all.transfers.slice(10, 21).map((transfer) => transfer.id));
  });

  it('filters by an amount range, inclusive at both ends', async () => {
    const { db } = await walletWithHistory();
    const page = await historyPage(db, { minAmountMinor: 500, maxAmountMinor: 700, limit: 200 });
    expect(page.transfers.map((transfer) => transfer.amountMinor)).toEqual([700, 500]);
    const exact = await shopperHistory(db, { minAmountMinor: 500, maxAmountMinor: 500 });
    expect(exact.transfers.map((transfer) => transfer.id)).toEqual([`hold:${orderKey(SHOP, 'a')}#0`]);
  });

  it('filters by a minimum or a maximum amount alone, with any other filter', async () => {
    const { db } = await walletWithHistory();
    expect((await shopperHistory(db, { minAmountMinor: 101, limit: 200 })).transfers.map((transfer) => transfer.amountMinor)).toEqual([
      500,
    ]);
    const small = await historyPage(db, { maxAmountMinor: 100, code: 'top_up', limit: 200 });
    expect(small.transfers).toHaveLength(30);
    expect(await historyPage(db, { maxAmountMinor: 600, orderKey: orderKey(SHOP, 'b') })).toEqual({ transfers: [] });
  });

  it('pages an amount-filtered history by cursor with nothing skipped or repeated', async () => {
    const { db } = await walletWithHistory();
    const seen: number[] = [];
    let page = await historyPage(db, { maxAmountMinor: 100, limit: 4 });
    seen.push(...page.transfers.map((transfer) => transfer.timestamp));
    while (page.nextCursor) {
      page = await historyPage(db, { maxAmountMinor: 100, limit: 4, cursor: page.nextCursor });
      seen.push(...page.transfers.map((transfer) => transfer.timestamp));
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('refuses an amount bound that is negative or not whole minor units', () => {
    expect(historyQuery.safeParse({ minAmountMinor: -1 }).success).toBe(false);
    expect(historyQuery.safeParse({ maxAmountMinor: 12.5 }).success).toBe(false);
    expect(historyQuery.safeParse({ minAmountMinor: 0, maxAmountMinor: 1250 }).success).toBe(true);
  });

  it('combines a code filter with an account', async () => {
    const { db } = await walletWithHistory();
    const page = await shopperHistory(db, { code: 'top_up', limit: 5 });
    expect(page.transfers).toHaveLength(5);
    expect(page.transfers.every((transfer) => transfer.code === 'top_up')).toBe(true);
    expect(page.nextCursor).toBeDefined();
  });
});
