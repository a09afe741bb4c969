import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import type { Transfer } from '@/lib/ledger/transfer';
import { ACCOUNTS, merchantAccount } from '@/lib/wallet/accounts';
import { HISTORY_CSV_COLUMNS, historyCsv, historyCsvFileName, numberCell, textCell } from '@/lib/wallet/history/history-csv';
import { EMPTY_HISTORY_FILTER_FORM, isUnfiltered, parseHistoryFilter, type HistoryFilterForm } from '@/lib/wallet/history/history-filter';
import { toHistoryRow, type HistoryRow } from '@/lib/wallet/history/history-row';
import { statementPage, statementPages } from '@/lib/wallet/history/history-statement';
import { cancelOrder, confirmReceipt, shipOrder } from '@/lib/wallet/orders/orders';
import { orderKey } from '@/lib/wallet/orders/order-key';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import type { OrderRecord } from '@/lib/wallet/records';
import { settleTopUp, topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, SHOP, freshWallet, offer } from './support/with-wallet';

const OTHER_SHOP = 'https://other.example';

const transfer = (fields: Partial<Transfer>): Transfer => ({
  id: 'x1',
  kind: 'single',
  debitAccountId: ACCOUNTS.cardNetwork,
  creditAccountId: ACCOUNTS.shopper,
  amountMinor: 1_250,
  currency: 'USD',
  code: 'top_up',
  timestamp: MONDAY,
  ...fields,
});

const order = (fields: Partial<OrderRecord> = {}): OrderRecord => ({
  id: orderKey(SHOP, 'ord_1'),
  origin: SHOP,
  orderId: 'ord_1',
  merchantName: 'Demo Market',
  items: [],
  amountMinor: 4_000,
  currency: 'USD',
  method: 'balance',
  holdTransferId: `hold:${orderKey(SHOP, 'ord_1')}#0`,
  paidAt: MONDAY,
  state: 'held',
  ...fields,
});

const row = (fields: Partial<HistoryRow>): HistoryRow => ({
  transferId: 't1:principal',
  timestamp: Date.UTC(2026, 10, 2, 9, 30, 0),
  kind: 'top_up',
  direction: 'in',
  status: 'posted',
  amountMinor: 1_250,
  currency: 'USD',
  counterparty: { kind: 'method', method: 'card' },
  ...fields,
});

describe('History: a transfer as a row', () => {
  it('shows a card top-up as money in from the card, completed', () => {
    expect(toHistoryRow(transfer({ id: 't1:principal' }))).toEqual({
      transferId: 't1:principal',
      timestamp: MONDAY,
      kind: 'top_up',
      direction: 'in',
      status: 'posted',
      amountMinor: 1_250,
      currency: 'USD',
      counterparty: { kind: 'method', method: 'card' },
    });
  });

  it('shows a bank top-up as pending until it settles, then completed', () => {
    const hold = transfer({ id: 't2:principal', kind: 'pending', debitAccountId: ACCOUNTS.bank });
    expect(toHistoryRow(hold)).toMatchObject({
      status: 'pending',
      direction: 'in',
      counterparty: { kind: 'method', method: 'bank_transfer' },
    });
    const settled = transfer({ id: 't2:settle', kind: 'post_pending', pendingId: hold.id, debitAccountId: ACCOUNTS.bank });
    expect(toHistoryRow(hold, { resolution: settled })).toMatchObject({ status: 'posted', amountMinor: 1_250 });
  });

  it('names the provider that charged a top-up fee, as money out', () => {
    const fee = transfer({ id: 't3:fee', code: 'fee', debitAccountId: ACCOUNTS.eWallet, creditAccountId: ACCOUNTS.fees, amountMinor: 80 });
    expect(toHistoryRow(fee)).toMatchObject({ kind: 'fee', direction: 'out', counterparty: { kind: 'method', method: 'e_wallet' } });
  });

  it('shows a purchase from the balance as money out to the shop, held in escrow, with the shop’s order id', () => {
    const key = orderKey(SHOP, 'ord_1');
    const hold = transfer({
      id: `hold:${key}#0`,
      kind: 'pending',
      code: 'purchase',
      debitAccountId: ACCOUNTS.shopper,
      creditAccountId: merchantAccount(SHOP),
      orderId: key,
    });
    expect(toHistoryRow(hold, { order: order() })).toMatchObject({
      kind: 'purchase',
      direction: 'out',
      status: 'pending',
      counterparty: { kind: 'merchant', origin: SHOP, name: 'Demo Market' },
      order: { key, merchantOrderId: 'ord_1' },
    });
    const voided = transfer({ ...hold, id: `void:${hold.id}`, kind: 'void_pending', pendingId: hold.id });
    expect(toHistoryRow(hold, { order: order(), resolution: voided }).status).toBe('voided');
    const released = transfer({ ...hold, id: `post:${hold.id}`, kind: 'post_pending', pendingId: hold.id, amountMinor: 900 });
    expect(toHistoryRow(hold, { order: order(), resolution: released })).toMatchObject({ status: 'posted', amountMinor: 900 });
  });

  it('still shows the shop’s origin, and the key as the order, when the order record is missing', () => {
    const key = orderKey(SHOP, 'ord_9');
    const hold = transfer({
      kind: 'pending',
      code: 'purchase',
      debitAccountId: ACCOUNTS.cardNetwork,
      creditAccountId: merchantAccount(SHOP),
      orderId: key,
    });
    expect(toHistoryRow(hold)).toMatchObject({
      direction: 'out',
      counterparty: { kind: 'merchant', origin: SHOP },
      order: { key, merchantOrderId: key },
    });
    expect(toHistoryRow(hold).counterparty).not.toHaveProperty('name');
  });

  it('reads refunds by where the money went: to the wallet or the card is in, from the wallet to the card is out', () => {
    const key = orderKey(SHOP, 'ord_1');
    const toWallet = transfer({ code: 'refund', debitAccountId: merchantAccount(SHOP), creditAccountId: ACCOUNTS.shopper, orderId: key });
    expect(toHistoryRow(toWallet, { order: order() })).toMatchObject({
      direction: 'in',
      counterparty: { kind: 'merchant', name: 'Demo Market' },
    });
    const toCard = transfer({
      code: 'card_refund',
      debitAccountId: merchantAccount(SHOP),
      creditAccountId: ACCOUNTS.cardNetwork,
      orderId: key,
    });
    expect(toHistoryRow(toCard, { order: order() })).toMatchObject({
      kind: 'card_refund',
      direction: 'in',
      counterparty: { kind: 'merchant' },
    });
    const walletToCard = transfer({
      code: 'card_refund',
      debitAccountId: ACCOUNTS.shopper,
      creditAccountId: ACCOUNTS.cardNetwork,
      orderId: key,
    });
    expect(toHistoryRow(walletToCard, { order: order() })).toMatchObject({
      direction: 'out',
      counterparty: { kind: 'method', method: 'card' },
    });
  });
});

describe('History: the statement', () => {
  it('lists each movement once, with a hold’s post or void as its status, newest first', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 20_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await topUp(wallet.context, { id: 'bank', method: 'bank_transfer', amountMinor: 3_000 });
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'kept' }), method: 'balance' }, AUTHORISED);
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'cancelled', amountMinor: 1_000 }), method: 'balance' }, AUTHORISED);
    await cancelOrder(wallet.context, SHOP, 'cancelled');
    await shipOrder(wallet.context, SHOP, 'kept', 'express');
    await confirmReceipt(wallet.context, SHOP, 'kept', AUTHORISED);
    await settleTopUp(wallet.context, 'bank');

    const { rows, nextCursor } = await statementPage(wallet.db, {});
    expect(nextCursor).toBeUndefined();
    expect(
      rows.map(({ kind, direction, status, amountMinor, order }) => [kind, direction, status, amountMinor, order?.merchantOrderId]),
    ).toEqual([
      ['purchase', 'out', 'voided', 1_000, 'cancelled'],
      ['purchase', 'out', 'posted', 4_000, 'kept'],
      ['top_up', 'in', 'posted', 3_000, undefined],
      ['top_up', 'in', 'posted', 20_000, undefined],
    ]);
    expect(rows[0]!.counterparty).toEqual({ kind: 'merchant', origin: SHOP, name: 'Demo Market' });
  });

  it('includes what never touches the balance: a card payment and an e-wallet provider’s fee', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'ew', method: 'e_wallet', amountMinor: 10_000 });
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'by-card' }), method: 'card', cardId: CARD_ID }, AUTHORISED);
    const { rows } = await statementPage(wallet.db, {});
    expect(rows.map(({ kind, direction, counterparty }) => [kind, direction, counterparty.kind])).toEqual([
      ['purchase', 'out', 'merchant'],
      ['fee', 'out', 'method'],
      ['top_up', 'in', 'method'],
    ]);
    expect((await statementPage(wallet.db, { code: 'fee' })).rows.map((fee) => fee.amountMinor)).toEqual([80]);
  });

  it('fills each page with movements even when posts and voids crowd the newest transfers, and ends without an empty page', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 30_000, cardId: CARD_ID, authorisation: AUTHORISED });
    for (const id of ['a', 'b', 'c', 'd'])
      await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: id, amountMinor: 1_000 }), method: 'balance' }, AUTHORISED);
    for (const id of ['a', 'b', 'c', 'd']) await cancelOrder(wallet.context, SHOP, id);

    const pages: string[][] = [];
    let page = await statementPage(wallet.db, {}, undefined, 2);
    pages.push(page.rows.map((movement) => movement.order?.merchantOrderId ?? movement.kind));
    while (page.nextCursor) {
      page = await statementPage(wallet.db, {}, page.nextCursor, 2);
      pages.push(page.rows.map((movement) => movement.order?.merchantOrderId ?? movement.kind));
    }
    expect(pages).toEqual([['d', 'c'], ['b', 'a'], ['top_up']]);
  });

  it('finds an order by the shop’s own order id, at every shop that used it', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 30_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: '1001', amountMinor: 1_000 }), method: 'balance' }, AUTHORISED);
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: '1002', amountMinor: 2_000 }), method: 'balance' }, AUTHORISED);
    await pay(
      wallet.context,
      {
        origin: OTHER_SHOP,
        offer: offer({ orderId: '1001', amountMinor: 3_000, merchantName: 'Other' }),
        method: 'balance',
      },
      AUTHORISED,
    );
    await refundOrder(wallet.context, SHOP, '1001', { refundId: 'r1', amountMinor: 400, reason: 'damaged' });

    const { rows } = await statementPage(wallet.db, { merchantOrderId: '1001' });
    expect(
      rows.map(({ counterparty, status, amountMinor }) => [counterparty.kind === 'merchant' && counterparty.origin, status, amountMinor]),
    ).toEqual([
      [SHOP, 'pending', 600],
      [OTHER_SHOP, 'pending', 3_000],
      [SHOP, 'voided', 1_000],
    ]);
    expect((await statementPage(wallet.db, { merchantOrderId: '1001' }, undefined, 1)).nextCursor).toBeDefined();
    expect(await statementPage(wallet.db, { merchantOrderId: 'nope' })).toEqual({ rows: [] });
  });

  it('pages through a filter across shops with nothing skipped or repeated', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'seed', method: 'card', amountMinor: 30_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: '7', amountMinor: 1_000 }), method: 'balance' }, AUTHORISED);
    await pay(wallet.context, { origin: OTHER_SHOP, offer: offer({ orderId: '7', amountMinor: 2_000 }), method: 'balance' }, AUTHORISED);
    await refundOrder(wallet.context, SHOP, '7', { refundId: 'r1', amountMinor: 100, reason: 'late' });
    await refundOrder(wallet.context, OTHER_SHOP, '7', { refundId: 'r1', amountMinor: 200, reason: 'late' });

    const seen: string[] = [];
    for await (const rows of statementPages(wallet.db, { merchantOrderId: '7' }, 1))
      seen.push(...rows.map((movement) => movement.transferId));
    const all = (await statementPage(wallet.db, { merchantOrderId: '7' })).rows.map((movement) => movement.transferId);
    expect(all).toHaveLength(4);
    expect(seen).toEqual(all);
  });

  it('applies the amount bounds and the kind together', async () => {
    const wallet = await freshWallet();
    await topUp(wallet.context, { id: 'small', method: 'card', amountMinor: 1_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await topUp(wallet.context, { id: 'large', method: 'card', amountMinor: 9_000, cardId: CARD_ID, authorisation: AUTHORISED });
    await pay(wallet.context, { origin: SHOP, offer: offer({ amountMinor: 5_000 }), method: 'balance' }, AUTHORISED);
    const { rows } = await statementPage(wallet.db, { code: 'top_up', minAmountMinor: 1_000, maxAmountMinor: 5_000 });
    expect(rows.map((movement) => movement.transferId)).toEqual(['small:principal']);
  });
});

describe('History: the filter form', () => {
  const form = (fields: Partial<HistoryFilterForm>) => ({ ...EMPTY_HISTORY_FILTER_FORM, ...fields });

  it('an empty form filters nothing', () => {
    const parsed = parseHistoryFilter(EMPTY_HISTORY_FILTER_FORM, 'USD', 'en');
    expect(parsed).toEqual({ ok: true, filter: {} });
    expect(parsed.ok && isUnfiltered(parsed.filter)).toBe(true);
  });

  it('reads dates as whole local days, both included', () => {
    expect(parseHistoryFilter(form({ from: '2026-11-02', to: '2026-11-03' }), 'USD', 'en')).toEqual({
      ok: true,
      filter: { from: new Date(2026, 10, 2).getTime(), to: new Date(2026, 10, 4).getTime() - 1 },
    });
    expect(parseHistoryFilter(form({ from: '2026-11-02', to: '2026-11-02' }), 'USD', 'en').ok).toBe(true);
  });

  it('refuses an impossible date and an end before the start, beside the field', () => {
    expect(parseHistoryFilter(form({ from: '2026-02-30' }), 'USD', 'en')).toEqual({ ok: false, problems: { from: 'invalid_date' } });
    expect(parseHistoryFilter(form({ from: '2026-11-03', to: '2026-11-02' }), 'USD', 'en')).toEqual({
      ok: false,
      problems: { to: 'to_before_from' },
    });
  });

  it('reads amounts with the project’s money parser, in the UI’s locale and the wallet’s currency', () => {
    expect(parseHistoryFilter(form({ minAmount: '12,50', maxAmount: '1 000' }), 'RUB', 'ru')).toEqual({
      ok: true,
      filter: { minAmountMinor: 1_250, maxAmountMinor: 100_000 },
    });
    expect(parseHistoryFilter(form({ minAmount: '¥1,250' }), 'JPY', 'en')).toEqual({ ok: true, filter: { minAmountMinor: 1_250 } });
  });

  it('refuses an unreadable amount and a minimum above the maximum, so nothing is queried', () => {
    expect(parseHistoryFilter(form({ minAmount: 'lots', maxAmount: '-5' }), 'USD', 'en')).toEqual({
      ok: false,
      problems: { minAmount: 'not_a_number', maxAmount: 'negative' },
    });
    expect(parseHistoryFilter(form({ minAmount: '12.5' }), 'JPY', 'en')).toEqual({
      ok: false,
      problems: { minAmount: 'too_many_decimals' },
    });
    expect(parseHistoryFilter(form({ minAmount: '€5' }), 'USD', 'en')).toEqual({ ok: false, problems: { minAmount: 'currency_mismatch' } });
    expect(parseHistoryFilter(form({ minAmount: '20', maxAmount: '10' }), 'USD', 'en')).toEqual({
      ok: false,
      problems: { maxAmount: 'min_above_max' },
    });
  });

  it('takes a kind only if it is a transfer code, and the order id as typed without surrounding spaces', () => {
    expect(parseHistoryFilter(form({ kind: 'refund', order: '  A-1001 ' }), 'USD', 'en')).toEqual({
      ok: true,
      filter: { code: 'refund', merchantOrderId: 'A-1001' },
    });
    expect(parseHistoryFilter(form({ kind: 'gift' }), 'USD', 'en')).toEqual({ ok: false, problems: { kind: 'unknown_kind' } });
  });
});

describe('History: CSV export', () => {
  const lines = (csv: string) => csv.split('\r\n');

  it('writes English column names and one CRLF-terminated record per row', () => {
    const csv = historyCsv([row({}), row({ transferId: 't2:principal' })]);
    expect(lines(csv)[0]).toBe('date,kind,direction,status,amount,currency,counterparty,order,transfer_id');
    expect(HISTORY_CSV_COLUMNS).toHaveLength(9);
    expect(lines(csv)[1]).toBe('2026-11-02T09:30:00.000Z,top_up,in,posted,12.50,USD,card,,t1:principal');
    expect(csv.endsWith('t2:principal\r\n')).toBe(true);
    expect(lines(csv)).toHaveLength(4);
  });

  it('writes amounts in the currency’s own decimals, with a dot, negative when money went out', () => {
    const usd = historyCsv([row({ amountMinor: 5, direction: 'out' }), row({ amountMinor: 123_456 })]);
    expect(
      lines(usd)
        .slice(1, 3)
        .map((line) => line.split(',')[4]),
    ).toEqual(['-0.05', '1234.56']);
    const jpy = historyCsv([row({ currency: 'JPY', amountMinor: 1_250, direction: 'out' }), row({ currency: 'JPY', amountMinor: 7 })]);
    expect(
      lines(jpy)
        .slice(1, 3)
        .map((line) => line.split(',').slice(4, 6).join(' ')),
    ).toEqual(['-1250 JPY', '7 JPY']);
  });

  it('quotes by RFC 4180: commas, quotes and line breaks inside a field, and semicolons for spreadsheets that split on them', () => {
    expect(textCell('plain')).toBe('plain');
    expect(textCell('Mugs, Cups & Co')).toBe('"Mugs, Cups & Co"');
    expect(textCell('The "Best" Shop')).toBe('"The ""Best"" Shop"');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
    expect(textCell('a;b')).toBe('"a;b"');
    const csv = historyCsv([row({ counterparty: { kind: 'merchant', origin: SHOP, name: 'Shop, "Inc"' } })]);
    expect(lines(csv)[1]).toContain(',"Shop, ""Inc"" (https://shop.example)",');
  });

  it('turns text a spreadsheet would run as a formula into text, but leaves a negative amount a number', () => {
    for (const hostile of ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '  =1+1', '＝1+1']) {
      expect(textCell(hostile).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(textCell('=1+1')).toBe("'=1+1");
    expect(textCell('-5')).toBe("'-5");
    expect(numberCell('-5.00')).toBe('-5.00');
    expect(() => numberCell('=1+1')).toThrow();
    expect(() => numberCell('-')).toThrow();

    const csv = historyCsv([
      row({
        direction: 'out',
        kind: 'purchase',
        counterparty: { kind: 'merchant', origin: SHOP, name: '=cmd|" /C calc"!A0' },
        order: { key: orderKey(SHOP, '-1+2'), merchantOrderId: '-1+2' },
      }),
    ]);
    expect(lines(csv)[1]).toBe(
      `2026-11-02T09:30:00.000Z,purchase,out,posted,-12.50,USD,"'=cmd|"" /C calc""!A0 (https://shop.example)",'-1+2,t1:principal`,
    );
  });

  it('names the file after the shopper’s local date', () => {
    expect(historyCsvFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('wallet-history-2026-01-05.csv');
  });
});
