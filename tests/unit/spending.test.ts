import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWalletReads } from '@/lib/reads/wallet-reads';
import { markVerified } from '@/lib/wallet/create-wallet';
import { cancelOrder, confirmReceipt, shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { AUTHORISED } from './support/authorised';
import { CARD_ID, SHOP, freshDatabase, freshWallet, offer } from './support/with-wallet';

// India is five and a half hours ahead of UTC: a month of its calendar starts at 18:30 UTC the evening before, so
// an order counted in the UTC month would land in the wrong one.
const ZONE = 'Asia/Kolkata';
let zoneBefore: string | undefined;
beforeAll(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = ZONE;
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

type Wallet = Awaited<ReturnType<typeof freshWallet>>;

async function toppedUp(options: Parameters<typeof freshWallet>[0] = {}): Promise<Wallet> {
  const wallet = await freshWallet(options);
  expect(
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 400_00, cardId: CARD_ID, authorisation: AUTHORISED }),
  ).toMatchObject({ ok: true });
  return wallet;
}

const buy = async (wallet: Wallet, orderId: string, amountMinor: number) =>
  expect(await pay(wallet.context, { origin: SHOP, offer: offer({ orderId, amountMinor }), method: 'balance' }, AUTHORISED)).toMatchObject({
    ok: true,
  });

const refund = async (wallet: Wallet, orderId: string, amountMinor: number) =>
  expect(
    await refundOrder(wallet.context, SHOP, orderId, { refundId: `refund-${orderId}-${amountMinor}`, amountMinor, reason: 'Out of stock' }),
  ).toMatchObject({ ok: true });

async function received(wallet: Wallet, orderId: string) {
  await shipOrder(wallet.context, SHOP, orderId, 'express');
  expect(await confirmReceipt(wallet.context, SHOP, orderId, AUTHORISED)).toMatchObject({ ok: true, order: { state: 'released' } });
}

const spending = (wallet: Wallet, lastMonth: string) => createWalletReads(wallet.db).spendingByMonth(lastMonth);
const nothing = { paidMinor: 0, heldMinor: 0, refundedMinor: 0 };

describe('Spending per month', () => {
  it("splits a month's orders as each one stands: paid to the shop, held in escrow or in check, refunded", async () => {
    const wallet = await toppedUp({ checkedCard: false });
    // Nothing vouches for the shopper yet, so the first order waits in its payment check.
    await buy(wallet, 'in-check', 40_00);
    await markVerified(wallet.context);
    await buy(wallet, 'partly-refunded', 30_00);
    await refund(wallet, 'partly-refunded', 10_00);
    await buy(wallet, 'released', 25_00);
    await received(wallet, 'released');
    await buy(wallet, 'cancelled', 15_00);
    expect(await cancelOrder(wallet.context, SHOP, 'cancelled')).toMatchObject({ ok: true });
    await buy(wallet, 'refunded-after-release', 12_00);
    await received(wallet, 'refunded-after-release');
    await refund(wallet, 'refunded-after-release', 2_00);

    const shown = await spending(wallet, '2026-11');
    expect(shown).toMatchObject({ currency: 'USD', anyOrders: true });
    expect(shown!.months).toHaveLength(12);
    expect(shown!.months.at(-1)).toEqual({ month: '2026-11', paidMinor: 35_00, heldMinor: 60_00, refundedMinor: 12_00 });
    // A cancelled order's money never left the wallet: it is in none of the three.
    for (const month of shown!.months.slice(0, -1)) expect(month).toMatchObject(nothing);
  });

  it('moves an order from held to paid when escrow releases, and a refund in full to refunded', async () => {
    const wallet = await toppedUp();
    await buy(wallet, 'ord_1', 20_00);
    await buy(wallet, 'ord_2', 8_00);
    expect((await spending(wallet, '2026-11'))!.months.at(-1)).toMatchObject({ paidMinor: 0, heldMinor: 28_00, refundedMinor: 0 });
    await received(wallet, 'ord_1');
    await refund(wallet, 'ord_2', 8_00);
    expect((await spending(wallet, '2026-11'))!.months.at(-1)).toMatchObject({ paidMinor: 20_00, heldMinor: 0, refundedMinor: 8_00 });
  });

  it("counts each order in the month of the shopper's calendar it was paid in, twelve months up to the one asked for", async () => {
    const wallet = await toppedUp();
    // 30 November 23:30 and 1 December 00:30 in India, an hour apart: both still November in UTC.
    wallet.clock.set(Date.UTC(2026, 10, 30, 18, 0));
    await buy(wallet, 'last-of-november', 5_00);
    wallet.clock.set(Date.UTC(2026, 10, 30, 19, 0));
    await buy(wallet, 'first-of-december', 7_00);

    const december = (await spending(wallet, '2026-12'))!.months;
    expect(december.map((month) => month.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(december.slice(-2)).toEqual([
      { month: '2026-11', ...nothing, heldMinor: 5_00 },
      { month: '2026-12', ...nothing, heldMinor: 7_00 },
    ]);

    // A year on, November 2026 has left the twelve months; the wallet still has orders, just none in them.
    const nextNovember = (await spending(wallet, '2027-11'))!;
    expect(nextNovember.months[0]).toEqual({ month: '2026-12', ...nothing, heldMinor: 7_00 });
    expect(nextNovember.months.slice(1).every((month) => month.heldMinor === 0)).toBe(true);
    expect((await spending(wallet, '2028-01'))!).toMatchObject({ anyOrders: true });
    expect((await spending(wallet, '2028-01'))!.months.every((month) => month.heldMinor === 0)).toBe(true);
  });

  it("counts the wallet's own currency only", async () => {
    const wallet = await toppedUp();
    await buy(wallet, 'in-dollars', 9_00);
    // An order in another currency can only come from elsewhere (the wallet refuses to pay one): it is kept, not shown.
    await wallet.db.orders.add({
      id: `${SHOP} in-euros`,
      origin: SHOP,
      orderId: 'in-euros',
      merchantName: 'Demo Market',
      items: [],
      amountMinor: 50_00,
      currency: 'EUR',
      method: 'card',
      holdTransferId: 'hold-in-euros',
      paidAt: wallet.clock.now(),
      state: 'released',
    });
    expect((await spending(wallet, '2026-11'))!.months.at(-1)).toEqual({ month: '2026-11', ...nothing, heldMinor: 9_00 });
    expect(await wallet.db.spendingMonths.toArray()).toContainEqual({ currency: 'EUR', month: '2026-11', ...nothing, paidMinor: 50_00 });
  });

  it('says there were no orders yet in a new wallet, and answers nothing before the wallet exists', async () => {
    const wallet = await freshWallet();
    const shown = (await spending(wallet, '2026-11'))!;
    expect(shown.anyOrders).toBe(false);
    expect(shown.months.every((month) => month.paidMinor + month.heldMinor + month.refundedMinor === 0)).toBe(true);
    expect(await createWalletReads(freshDatabase().db).spendingByMonth('2026-11')).toBeUndefined();
  });
});
