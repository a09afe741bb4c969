import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WalletDatabase } from '@/lib/db';
import { transferCode } from '@/lib/ledger/transfer';
import { localDay } from '@/lib/local-day';
import { createWalletReads } from '@/lib/reads/wallet-reads';
import {
  EMPTY_HISTORY_FILTER_FORM,
  parseHistoryFilter,
  type HistoryFilter,
  type HistoryFilterForm,
} from '@/lib/wallet/history/history-filter';
import { spansOf } from '@/lib/wallet/history/history-totals';
import { cancelOrder, confirmReceipt, shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { AUTHORISED } from './support/authorised';
import { CARD_ID, SHOP, freshWallet, offer } from './support/with-wallet';

// Days of the shopper's calendar start at 18:30 UTC the evening before in India: totals kept by UTC day would be wrong.
let zoneBefore: string | undefined;
beforeAll(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = 'Asia/Kolkata';
});
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const HOUR = 60 * 60 * 1000;
/** 2 November 2026, 09:00 UTC, the wallet's first day; its history runs into the next February. */
const START = Date.UTC(2026, 10, 2, 9);

/**
 * Three months of a shopper's history, a few movements a day on some days, some late in the evening so that
 * their day differs between UTC and India: top-ups with a fee, purchases paid from the balance and by card, held,
 * released, cancelled, refunded in part and in full, to the wallet and to the card.
 */
async function historyOfThreeMonths() {
  const wallet = await freshWallet();
  const { context, clock } = wallet;
  const at = (dayOffset: number, hourUtc: number) => clock.set(START + dayOffset * 24 * HOUR + (hourUtc - 9) * HOUR);
  const buy = async (orderId: string, amountMinor: number, method: 'balance' | 'card' = 'balance') =>
    expect(await pay(context, { origin: SHOP, offer: offer({ orderId, amountMinor }), method, cardId: CARD_ID }, AUTHORISED)).toMatchObject(
      {
        ok: true,
      },
    );
  const refund = async (orderId: string, amountMinor: number) =>
    expect(
      await refundOrder(context, SHOP, orderId, { refundId: `r-${orderId}-${amountMinor}`, amountMinor, reason: 'Returned' }),
    ).toMatchObject({
      ok: true,
    });
  const receive = async (orderId: string) => {
    await shipOrder(context, SHOP, orderId, 'express');
    expect(await confirmReceipt(context, SHOP, orderId, AUTHORISED)).toMatchObject({ ok: true });
  };

  await topUp(context, { id: 'card-top-up', method: 'card', amountMinor: 200_00, cardId: CARD_ID, authorisation: AUTHORISED });
  at(1, 20);
  await topUp(context, { id: 'e-wallet-top-up', method: 'e_wallet', amountMinor: 100_00 });
  await buy('held', 12_34);
  at(3, 10);
  await buy('released', 25_00);
  await receive('released');
  at(10, 19);
  await buy('cancelled', 40_00);
  expect(await cancelOrder(context, SHOP, 'cancelled')).toMatchObject({ ok: true });
  at(27, 18);
  await buy('by-card', 30_00, 'card');
  await refund('by-card', 5_00);
  at(28, 19);
  await buy('refunded-in-part', 18_00);
  await refund('refunded-in-part', 3_00);
  at(33, 12);
  await receive('refunded-in-part');
  at(45, 21);
  await refund('released', 25_00);
  await buy('evening', 7_50);
  at(70, 23);
  await buy('february', 9_99, 'card');
  return wallet;
}

/** The history's filter as the shopper types it on the page. */
function filterOf(form: Partial<HistoryFilterForm>): HistoryFilter {
  const parsed = parseHistoryFilter({ ...EMPTY_HISTORY_FILTER_FORM, ...form }, 'USD', 'en');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.filter;
}

/** What the rows the filter shows add up to, read page by page as the export reads them. */
async function rowsTotal(db: WalletDatabase, filter: HistoryFilter) {
  const totals = { currency: 'USD', inMinor: 0, outMinor: 0 };
  for await (const rows of createWalletReads(db).statementPages(filter))
    for (const row of rows) if (row.status !== 'voided') totals[row.direction === 'in' ? 'inMinor' : 'outMinor'] += row.amountMinor;
  return totals;
}

describe('History totals', () => {
  it('add up what the unfiltered history shows: a cancelled hold counts for nothing, a refunded one for what it still holds', async () => {
    const { db } = await historyOfThreeMonths();
    const totals = await createWalletReads(db).historyTotals({});
    expect(totals).toEqual(await rowsTotal(db, {}));
    // In: the two top-ups and the $25 refunded after release. Out: the e-wallet's fee and every purchase but the
    // cancelled one, the two refunded while held for what they still hold (a refund out of escrow moves no money in).
    expect(totals).toEqual({
      currency: 'USD',
      inMinor: 200_00 + 100_00 + 25_00,
      outMinor: 80 + 12_34 + 25_00 + 25_00 + 15_00 + 7_50 + 9_99,
    });
  });

  it('agree with the rows shown for kinds, whole days across months, open ends, amounts and orders', async () => {
    const { db } = await historyOfThreeMonths();
    const reads = createWalletReads(db);
    const forms: Partial<HistoryFilterForm>[] = [
      { kind: 'purchase' },
      { kind: 'top_up' },
      { kind: 'fee' },
      { kind: 'refund' },
      { kind: 'card_refund' },
      { from: '2026-11-03', to: '2026-11-29' },
      { from: '2026-11-03', to: '2027-01-05' },
      { from: '2026-11-01', to: '2026-12-31' },
      { from: '2026-12-01' },
      { to: '2026-11-28' },
      { from: '2026-11-29', to: '2026-11-29', kind: 'purchase' },
      { minAmount: '10', maxAmount: '30' },
      { minAmount: '25', kind: 'purchase', from: '2026-11-04' },
      { order: 'released' },
      { order: 'refunded-in-part', from: '2026-11-30' },
      { order: 'no-such-order' },
    ];
    for (const form of forms)
      expect(await reads.historyTotals(filterOf(form)), JSON.stringify(form)).toEqual(await rowsTotal(db, filterOf(form)));
  });

  it('agree with the rows shown for any whole days and kind, and for times that are not whole days', async () => {
    const { db } = await historyOfThreeMonths();
    const reads = createWalletReads(db);
    const day = (offset: number) => localDay(START + offset * 24 * HOUR);
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: -3, max: 75 })),
        fc.option(fc.integer({ min: -3, max: 75 })),
        fc.option(fc.constantFrom(...transferCode.options)),
        async (from, to, kind) => {
          const filter = filterOf({
            from: from === null ? '' : day(from),
            to: to === null || (from !== null && to < from) ? '' : day(to),
            kind: kind ?? '',
          });
          expect(await reads.historyTotals(filter)).toEqual(await rowsTotal(db, filter));
        },
      ),
      { numRuns: 60 },
    );
    const between = { from: START + 30 * 60 * 1000, to: START + 40 * 24 * HOUR };
    expect(await reads.historyTotals(between)).toEqual(await rowsTotal(db, between));
  });

  it('read whole years as years, whole months as months, and the days of a month begun or left part-way as days', () => {
    expect(spansOf(undefined, undefined)).toEqual([{ unit: 'year', first: '', last: '\uffff' }]);
    expect(spansOf('2026-11-03', '2026-11-29')).toEqual([{ unit: 'day', first: '2026-11-03', last: '2026-11-29' }]);
    expect(spansOf('2026-11-03', '2027-02-28')).toEqual([
      { unit: 'day', first: '2026-11-03', last: '2026-11-30' },
      { unit: 'month', first: '2026-12', last: '2026-12' },
      { unit: 'month', first: '2027-01', last: '2027-02' },
    ]);
    expect(spansOf('2026-11-01', '2027-02-27')).toEqual([
      { unit: 'day', first: '2027-02-01', last: '2027-02-27' },
      { unit: 'month', first: '2026-11', last: '2026-12' },
      { unit: 'month', first: '2027-01', last: '2027-01' },
    ]);
    expect(spansOf('2026-11-30', '2026-12-01')).toEqual([
      { unit: 'day', first: '2026-11-30', last: '2026-11-30' },
      { unit: 'day', first: '2026-12-01', last: '2026-12-01' },
    ]);
    expect(spansOf('2023-03-15', '2026-12-31')).toEqual([
      { unit: 'day', first: '2023-03-15', last: '2023-03-31' },
      { unit: 'month', first: '2023-04', last: '2023-12' },
      { unit: 'year', first: '2024', last: '2026' },
    ]);
    expect(spansOf(undefined, '2026-06-30')).toEqual([
      { unit: 'month', first: '2026-01', last: '2026-06' },
      { unit: 'year', first: '', last: '2025' },
    ]);
    expect(spansOf('2026-01-01', undefined)).toEqual([{ unit: 'year', first: '2026', last: '\uffff' }]);
  });
});
