import { describe, expect, it, vi } from 'vitest';
import type { TransferInput } from '@/lib/ledger/transfer';
import { verifyLedger } from '@/lib/ledger/verify';
import { freshLedger } from './support/with-ledger';

const MERCHANT = 'merchant:https://shop.example';
const topUp = (id: string, amountMinor: number): TransferInput => ({
  kind: 'single',
  id,
  debitAccountId: 'card-network',
  creditAccountId: 'shopper',
  amountMinor,
  currency: 'USD',
  code: 'top_up',
});
const hold = (id: string, amountMinor: number, orderId = 'ord_1'): TransferInput => ({
  kind: 'pending',
  id,
  debitAccountId: 'shopper',
  creditAccountId: MERCHANT,
  amountMinor,
  currency: 'USD',
  code: 'purchase',
  orderId,
});

async function balances(ledger: Awaited<ReturnType<typeof freshLedger>>['ledger'], id: string) {
  const { debitsPending, debitsPosted, creditsPending, creditsPosted } = (await ledger.account(id))!;
  return { debitsPending, debitsPosted, creditsPending, creditsPosted };
}

describe('Ledger: single transfers', () => {
  it('moves posted balances on both sides in one step', async () => {
    const { ledger } = await freshLedger();
    expect(await ledger.submit([topUp('t1', 10_000)])).toMatchObject({ ok: true, replayed: false });
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 10_000 });
    expect(await balances(ledger, 'card-network')).toEqual({ debitsPending: 0, debitsPosted: 10_000, creditsPending: 0, creditsPosted: 0 });
  });

  it.each([
    ['insufficient_funds', [hold('p1', 1)]],
    ['exceeds_limit', [topUp('t1', 50_001)]],
    ['accounts_must_be_different', [{ ...topUp('t1', 5), debitAccountId: 'shopper' }]],
    ['debit_account_not_found', [{ ...topUp('t1', 5), debitAccountId: 'nobody' }]],
    ['credit_account_not_found', [{ ...topUp('t1', 5), creditAccountId: 'nobody' }]],
    ['currency_mismatch', [{ ...topUp('t1', 5), debitAccountId: 'euro-bank' }]],
    ['invalid_input', [{ ...topUp('t1', 5), amountMinor: 0.5 }]],
    ['invalid_input', [{ ...topUp('t1', 5), amountMinor: 0 }]],
    ['invalid_input', [{ ...topUp('t1', 5), amountMinor: -5 }]],
    ['invalid_input', [{ ...topUp('t1', 5), currency: 'XXX' }]],
    ['invalid_input', [{ ...topUp('t1', 5), extra: true }]],
    ['invalid_input', [topUp('t1', 5), topUp('t1', 5)]],
    ['invalid_input', []],
  ])('refuses with %s and writes no money', async (code, transfers) => {
    const { ledger, db } = await freshLedger();
    const before = await db.accounts.toArray();
    const result = await ledger.submit(transfers as TransferInput[]);
    expect(result).toMatchObject({ ok: false, failure: { code } });
    expect(await db.accounts.toArray()).toEqual(before);
    expect(await db.transfers.count()).toBe(0);
  });
});

describe('Ledger: idempotency', () => {
  it('returns the first result for the same id and fields, and changes nothing', async () => {
    const { ledger } = await freshLedger();
    const first = await ledger.submit([topUp('t1', 10_000)]);
    const again = await ledger.submit([topUp('t1', 10_000)]);
    expect(again).toEqual({ ok: true, transfers: first.ok ? first.transfers : [], replayed: true });
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(10_000);
  });

  it('refuses the same id with different fields', async () => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000)]);
    expect(await ledger.submit([topUp('t1', 20_000)])).toMatchObject({ ok: false, failure: { code: 'exists_with_different_fields' } });
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(10_000);
  });

  it('keeps refusing an id that failed, even once it could succeed', async () => {
    const { ledger } = await freshLedger();
    expect(await ledger.submit([hold('p1', 5_000)])).toMatchObject({ ok: false, failure: { code: 'insufficient_funds' } });
    await ledger.submit([topUp('t1', 10_000)]);
    expect(await ledger.submit([hold('p1', 5_000)])).toMatchObject({ ok: false, failure: { code: 'id_already_failed' } });
  });
});

describe('Ledger: two-phase transfers (escrow)', () => {
  it('holds, then posts the whole amount', async () => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 4_000)]);
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 4_000, debitsPosted: 0, creditsPending: 0, creditsPosted: 10_000 });
    expect(await ledger.submit([{ kind: 'post_pending', id: 'r1', pendingId: 'p1' }])).toMatchObject({
      ok: true,
      transfers: [{ amountMinor: 4_000, orderId: 'ord_1' }],
    });
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 0, debitsPosted: 4_000, creditsPending: 0, creditsPosted: 10_000 });
    expect(await balances(ledger, MERCHANT)).toEqual({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 4_000 });
  });

  it('posts less than held and returns the rest to the shopper (a partial refund before release)', async () => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 4_000)]);
    await ledger.submit([{ kind: 'post_pending', id: 'r1', pendingId: 'p1', amountMinor: 2_500 }]);
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 0, debitsPosted: 2_500, creditsPending: 0, creditsPosted: 10_000 });
  });

  it('voids, giving the whole hold back', async () => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 4_000)]);
    await ledger.submit([{ kind: 'void_pending', id: 'v1', pendingId: 'p1' }]);
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 10_000 });
  });

  it.each([
    ['pending_already_posted', { kind: 'post_pending', id: 'r1', pendingId: 'p1' }, { kind: 'void_pending', id: 'v2', pendingId: 'p1' }],
    ['pending_already_voided', { kind: 'void_pending', id: 'v1', pendingId: 'p1' }, { kind: 'post_pending', id: 'r2', pendingId: 'p1' }],
    ['pending_already_posted', { kind: 'post_pending', id: 'r1', pendingId: 'p1' }, { kind: 'post_pending', id: 'r2', pendingId: 'p1' }],
  ] as const)('resolves a hold at most once (%s)', async (code, firstResolution, second) => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 4_000)]);
    expect(await ledger.submit([firstResolution])).toMatchObject({ ok: true });
    expect(await ledger.submit([second])).toMatchObject({ ok: false, failure: { code } });
  });

  it.each([
    ['pending_transfer_not_found', { kind: 'post_pending', id: 'r1', pendingId: 'nope' }],
    ['pending_transfer_not_pending', { kind: 'void_pending', id: 'v1', pendingId: 't1' }],
    ['exceeds_pending_amount', { kind: 'post_pending', id: 'r1', pendingId: 'p1', amountMinor: 4_001 }],
  ] as const)('refuses a resolution with %s', async (code, resolution) => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 4_000)]);
    expect(await ledger.submit([resolution])).toMatchObject({ ok: false, failure: { code } });
  });
});

describe('Ledger: linked transfers', () => {
  it('commits all or nothing: a failing second transfer undoes the first', async () => {
    const { ledger, db } = await freshLedger();
    const result = await ledger.submit([topUp('t1', 1_000), hold('p1', 5_000)]);
    expect(result).toMatchObject({ ok: false, index: 1, failure: { code: 'insufficient_funds' } });
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(0);
    expect(await db.transfers.count()).toBe(0);
    expect((await db.failedTransfers.get('t1'))?.code).toBe('linked_event_failed');
  });

  it('tops up the difference and pays in one step', async () => {
    const { ledger } = await freshLedger();
    await ledger.submit([topUp('t0', 1_000)]);
    expect(await ledger.submit([topUp('t1', 4_000), hold('p1', 5_000)])).toMatchObject({ ok: true });
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 5_000, debitsPosted: 0, creditsPending: 0, creditsPosted: 5_000 });
  });
});

describe('Ledger: transactions', () => {
  it('writes nothing when the surrounding transaction fails part-way', async () => {
    const { ledger, db } = await freshLedger();
    await expect(
      db.transaction('rw', [db.accounts, db.transfers, db.failedTransfers], async () => {
        expect(await ledger.submit([topUp('t1', 1_000)])).toMatchObject({ ok: true });
        throw new Error('the caller fails after the ledger wrote');
      }),
    ).rejects.toThrow('the caller fails');
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(0);
    expect(await db.transfers.count()).toBe(0);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it("rolls the caller's whole transaction back when a submission in it throws, even if the caller goes on", async () => {
    const { ledger, db } = await freshLedger();
    await expect(
      db.transaction('rw', [db.accounts, db.transfers, db.failedTransfers, db.jobs], async () => {
        const failing = () => Promise.reject(new Error("the caller's own record could not be written"));
        await ledger.submit([topUp('t1', 1_000)], { alongside: failing }).catch(() => undefined);
        await db.jobs.put({ id: 'after', kind: 'end_payment_check', ref: 'after', dueAt: 0 });
      }),
    ).rejects.toThrow();
    expect(await db.transfers.count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(0);
  });

  it("runs submissions made at once in one caller's transaction one at a time, so no balance is lost", async () => {
    const { ledger, db } = await freshLedger();
    await db.transaction('rw', [db.accounts, db.transfers, db.failedTransfers], () =>
      Promise.all(Array.from({ length: 10 }, (_, index) => ledger.submit([topUp(`t${index}`, 100)]))),
    );
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(1_000);
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('runs concurrent submissions one at a time, so no balance is lost', async () => {
    const { ledger } = await freshLedger();
    await Promise.all(Array.from({ length: 100 }, (_, index) => ledger.submit([topUp(`t${index}`, 100)])));
    expect((await ledger.account('shopper'))?.creditsPosted).toBe(10_000);
  });

  it('gives transfers unique, increasing timestamps even when the clock stands still', async () => {
    const { ledger, db } = await freshLedger();
    await ledger.submit([topUp('t1', 100), topUp('t2', 100)]);
    await ledger.submit([topUp('t3', 100)]);
    const stamps = (await db.transfers.orderBy('timestamp').toArray()).map((transfer) => transfer.timestamp);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
  });
});

describe("Ledger: reads made ahead in the caller's transaction", () => {
  const ledgerTables = (db: Awaited<ReturnType<typeof freshLedger>>['db']) => [db.accounts, db.transfers, db.failedTransfers];

  it('a submission takes what was read ahead for it and reads nothing again', async () => {
    const { ledger, db } = await freshLedger();
    await ledger.submit([topUp('t0', 1_000)]);
    await db.transaction('rw', ledgerTables(db), async () => {
      const ahead = await ledger.readAhead(['t1', 'p1'], ['card-network', 'shopper', MERCHANT]);
      expect(ahead.accounts.get('shopper')).toMatchObject({ creditsPosted: 1_000 });
      const reads = [vi.spyOn(db.accounts, 'bulkGet'), vi.spyOn(db.transfers, 'bulkGet'), vi.spyOn(db.failedTransfers, 'bulkGet')];
      // Read ahead for two ids, it serves a submission of either.
      expect(await ledger.submit([hold('p1', 400)], { ahead })).toMatchObject({ ok: true, replayed: false });
      for (const read of reads) expect(read).not.toHaveBeenCalled();
      vi.restoreAllMocks();
    });
    expect(await balances(ledger, 'shopper')).toMatchObject({ creditsPosted: 1_000, debitsPending: 400 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('checks what was read ahead as it checks what it reads: a failed id, a replay, a reused id', async () => {
    const { ledger, db } = await freshLedger();
    expect(await ledger.submit([hold('p0', 5_000)])).toMatchObject({ ok: false, failure: { code: 'insufficient_funds' } });
    await ledger.submit([topUp('t1', 10_000)]);
    const submitAhead = (transfer: TransferInput) =>
      db.transaction('rw', ledgerTables(db), async () =>
        ledger.submit([transfer], { ahead: await ledger.readAhead([transfer.id], ['card-network', 'shopper', MERCHANT]) }),
      );
    expect(await submitAhead(hold('p0', 5_000))).toMatchObject({ ok: false, failure: { code: 'id_already_failed' } });
    expect(await submitAhead(topUp('t1', 10_000))).toMatchObject({ ok: true, replayed: true });
    expect(await submitAhead(topUp('t1', 20_000))).toMatchObject({ ok: false, failure: { code: 'exists_with_different_fields' } });
    expect(await submitAhead(hold('p1', 20_000))).toMatchObject({ ok: false, failure: { code: 'insufficient_funds' } });
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 10_000 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true, transfersChecked: 1 });
  });

  it('reads anew what was read in another transaction, or already used by a submission', async () => {
    const { ledger, db } = await freshLedger();
    const accounts = ['card-network', 'shopper', MERCHANT];
    // Read while the shopper had nothing; the money arrives in a transaction of its own.
    const stale = await db.transaction('rw', ledgerTables(db), () => ledger.readAhead(['p1'], accounts));
    await ledger.submit([topUp('t1', 10_000)]);
    await db.transaction('rw', ledgerTables(db), async () => {
      expect(await ledger.submit([hold('p1', 4_000)], { ahead: stale })).toMatchObject({ ok: true });
      const ahead = await ledger.readAhead(['p2', 'p3'], accounts);
      expect(await ledger.submit([hold('p2', 4_000)], { ahead })).toMatchObject({ ok: true });
      // What was read ahead says 6,000 are free; the first submission held 4,000 of them.
      expect(await ledger.submit([hold('p3', 4_000)], { ahead })).toMatchObject({ ok: false, failure: { code: 'insufficient_funds' } });
    });
    expect(await balances(ledger, 'shopper')).toEqual({ debitsPending: 8_000, debitsPosted: 0, creditsPending: 0, creditsPosted: 10_000 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('gives the caller the accounts to look at, not to change', async () => {
    const { ledger, db } = await freshLedger();
    const ahead = await db.transaction('rw', ledgerTables(db), () => ledger.readAhead([], ['shopper']));
    expect(() => Object.assign(ahead.accounts.get('shopper')!, { creditsPosted: 1_000_000 })).toThrow(TypeError);
  });
});

describe('Ledger: accounts and verification', () => {
  it('reopening an account with the same fields is a no-op; with others, an error', async () => {
    const { ledger } = await freshLedger();
    expect(await ledger.createAccounts([{ id: 'fees', currency: 'USD', debitsMustNotExceedCredits: false }])).toEqual({ ok: true });
    expect(await ledger.createAccounts([{ id: 'fees', currency: 'EUR', debitsMustNotExceedCredits: false }])).toMatchObject({
      ok: false,
      failure: { code: 'exists_with_different_fields' },
    });
  });

  it('a submission opens the accounts it names with its transfers, or, given other settings, fails and moves nothing', async () => {
    const { ledger, db } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000)]);
    const shop = 'merchant:https://new-shop.example';
    const toShop = (id: string, amountMinor = 2_500): TransferInput => ({
      kind: 'pending',
      id,
      debitAccountId: 'shopper',
      creditAccountId: shop,
      amountMinor,
      currency: 'USD',
      code: 'purchase',
      orderId: id,
    });
    const before = { accounts: await db.accounts.toArray(), transfers: await db.transfers.count() };
    // A refused transfer is remembered as failed, as always; no account or balance changes.
    expect(await ledger.submit([toShop('p0')], { open: [{ id: shop, currency: 'EUR', debitsMustNotExceedCredits: false }] })).toMatchObject(
      {
        ok: false,
        failure: { code: 'currency_mismatch' },
      },
    );
    expect(
      await ledger.submit([toShop('p1')], { open: [{ id: 'shopper', currency: 'USD', debitsMustNotExceedCredits: false }] }),
    ).toMatchObject({
      ok: false,
      failure: { code: 'exists_with_different_fields' },
    });
    expect({ accounts: await db.accounts.toArray(), transfers: await db.transfers.count() }).toEqual(before);

    expect(await ledger.submit([toShop('p1')], { open: [{ id: shop, currency: 'USD', debitsMustNotExceedCredits: false }] })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await ledger.account(shop)).toMatchObject({ creditsPending: 2_500, debitsPosted: 0, currency: 'USD' });
    // Opened again with the same settings, it is the same account, balances and all.
    expect(
      await ledger.submit([toShop('p2', 1_000)], {
        open: [{ id: shop, currency: 'USD', debitsMustNotExceedCredits: false }],
      }),
    ).toMatchObject({ ok: true });
    expect(await ledger.account(shop)).toMatchObject({ creditsPending: 3_500 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });

  it("writes the caller's own records alongside the transfers, and none of them when a transfer is refused", async () => {
    const { ledger, db } = await freshLedger();
    const note = (id: string) => () => db.jobs.put({ id, kind: 'end_payment_check', ref: id, dueAt: 0 });
    await db.transaction('rw', [db.accounts, db.transfers, db.failedTransfers, db.jobs], async () => {
      expect(await ledger.submit([hold('short', 1_000)], { alongside: note('refused') })).toMatchObject({
        ok: false,
        failure: { code: 'insufficient_funds' },
      });
      expect(await ledger.submit([topUp('t1', 10_000), hold('p1', 1_000)], { alongside: note('paid') })).toMatchObject({ ok: true });
    });
    expect((await db.jobs.toArray()).map((job) => job.id)).toEqual(['paid']);
  });

  it('raising the cap lets a larger top-up through', async () => {
    const { ledger } = await freshLedger();
    expect(await ledger.submit([topUp('t1', 60_000)])).toMatchObject({ ok: false, failure: { code: 'exceeds_limit' } });
    await ledger.setBalanceLimit('shopper', 500_000);
    expect(await ledger.submit([topUp('t2', 60_000)])).toMatchObject({ ok: true });
  });

  it('verify() finds a stored balance that disagrees with the transfers', async () => {
    const { ledger, db } = await freshLedger();
    await ledger.submit([topUp('t1', 10_000), hold('p1', 2_500)]);
    expect(await verifyLedger(db)).toMatchObject({ ok: true, transfersChecked: 2 });
    await db.accounts.update('shopper', { creditsPosted: 11_000 });
    const report = await verifyLedger(db);
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((mismatch) => mismatch.accountId)).toEqual(['shopper']);
    expect(report.unbalancedCurrencies).toEqual(['USD']);
  });
});
