import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '@/lib/ledger/verify';
import { runDueJobs } from '@/lib/wallet/jobs';
import { markVerified } from '@/lib/wallet/create-wallet';
import { topUp, topUpSettled } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, freshWallet } from './support/with-wallet';

describe('Wallet: top-ups by method', () => {
  it('adds a card top-up at once, with no fee', async () => {
    const { context, balance } = await freshWallet();
    const result = await topUp(context, { id: 't1', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED });
    expect(result).toMatchObject({ ok: true, topUp: { feeMinor: 0, settlesAt: MONDAY }, replayed: false });
    expect(await balance()).toEqual({ available: 10_000, held: 0, pendingIn: 0 });
  });

  it('charges the e-wallet provider’s 0.8% on top, rounded up, linked to the principal', async () => {
    const { context, db, balance } = await freshWallet();
    expect(await topUp(context, { id: 't1', method: 'e_wallet', amountMinor: 10_001 })).toMatchObject({
      ok: true,
      topUp: { feeMinor: 81 },
    });
    expect(await balance()).toEqual({ available: 10_001, held: 0, pendingIn: 0 });
    expect((await db.transfers.get('t1:fee'))?.amountMinor).toBe(81);
  });

  it.each([
    ['bank_transfer', 5_000, Date.UTC(2026, 10, 11, 9)],
    ['money_transfer', 5_000, Date.UTC(2026, 10, 5, 9)],
    ['boleto', 5_000, Date.UTC(2026, 10, 5, 9)],
  ] as const)('holds a %s until it settles on its date, then the clock makes it spendable', async (method, amountMinor, settlesAt) => {
    const { context, clock, balance } = await freshWallet();
    const result = await topUp(context, { id: 't1', method, amountMinor });
    expect(result).toMatchObject({ ok: true, topUp: { settlesAt } });
    expect(await balance()).toEqual({ available: 0, held: 0, pendingIn: amountMinor });
    clock.set(settlesAt - 1);
    expect(await runDueJobs(context)).toEqual({ done: 0, failed: [] });
    clock.set(settlesAt);
    expect(await runDueJobs(context)).toEqual({ done: 1, failed: [] });
    expect(await balance()).toEqual({ available: amountMinor, held: 0, pendingIn: 0 });
    expect(result.ok && (await topUpSettled(context, result.topUp))).toBe(true);
  });

  it('counts bank transfer settlement in business days, skipping the weekend', async () => {
    const { context } = await freshWallet();
    // Monday + 7 business days is the Wednesday of the following week.
    expect(await topUp(context, { id: 't1', method: 'bank_transfer', amountMinor: 2_100 })).toMatchObject({
      ok: true,
      topUp: { settlesAt: Date.UTC(2026, 10, 11, 9) },
    });
  });

  it.each([
    ['e_wallet', 99, 'below_method_minimum'],
    ['e_wallet', 500_001, 'above_method_maximum'],
    ['bank_transfer', 2_099, 'below_method_minimum'],
    ['money_transfer', 2_099, 'below_method_minimum'],
    ['money_transfer', 500_001, 'above_method_maximum'],
    ['boleto', 99, 'below_method_minimum'],
  ] as const)('refuses a %s of %d minor units (%s) and moves nothing', async (method, amountMinor, reason) => {
    const { context, db, balance } = await freshWallet();
    await markVerified(context);
    expect(await topUp(context, { id: 't1', method, amountMinor })).toMatchObject({ ok: false, code: 'INVALID_REQUEST', reason });
    expect(await balance()).toEqual({ available: 0, held: 0, pendingIn: 0 });
    expect(await db.topUps.count()).toBe(0);
  });

  it('refuses a card top-up without a linked card', async () => {
    const { context } = await freshWallet();
    expect(await topUp(context, { id: 't1', method: 'card', amountMinor: 1_000, cardId: 'nope', authorisation: AUTHORISED })).toMatchObject(
      {
        ok: false,
        code: 'NOT_FOUND',
        reason: 'card_not_found',
      },
    );
  });

  it('caps boleto at 3,000 per calendar month and starts again next month', async () => {
    const { context, clock } = await freshWallet();
    await markVerified(context);
    expect(await topUp(context, { id: 'b1', method: 'boleto', amountMinor: 200_000 })).toMatchObject({ ok: true });
    expect(await topUp(context, { id: 'b2', method: 'boleto', amountMinor: 100_001 })).toMatchObject({
      ok: false,
      code: 'LIMIT_EXCEEDED',
      reason: 'monthly_method_limit',
    });
    expect(await topUp(context, { id: 'b3', method: 'boleto', amountMinor: 100_000 })).toMatchObject({ ok: true });
    clock.set(Date.UTC(2026, 11, 1, 0, 0, 0));
    expect(await topUp(context, { id: 'b4', method: 'boleto', amountMinor: 100_000 })).toMatchObject({ ok: true });
  });

  it('refuses a top-up past the unverified $500 cap, counting top-ups still settling', async () => {
    const { context, balance } = await freshWallet();
    expect(await topUp(context, { id: 't1', method: 'bank_transfer', amountMinor: 40_000 })).toMatchObject({ ok: true });
    expect(
      await topUp(context, { id: 't2', method: 'card', amountMinor: 10_001, cardId: CARD_ID, authorisation: AUTHORISED }),
    ).toMatchObject({
      ok: false,
      code: 'LIMIT_EXCEEDED',
      reason: 'balance_cap',
    });
    expect(
      await topUp(context, { id: 't3', method: 'card', amountMinor: 10_000, cardId: CARD_ID, authorisation: AUTHORISED }),
    ).toMatchObject({ ok: true });
    expect(await balance()).toEqual({ available: 10_000, held: 0, pendingIn: 40_000 });
  });

  it('lets a verified wallet hold $5,000', async () => {
    const { context } = await freshWallet();
    await markVerified(context);
    expect(
      await topUp(context, { id: 't1', method: 'card', amountMinor: 500_000, cardId: CARD_ID, authorisation: AUTHORISED }),
    ).toMatchObject({ ok: true });
    expect(await topUp(context, { id: 't2', method: 'card', amountMinor: 100, cardId: CARD_ID, authorisation: AUTHORISED })).toMatchObject({
      ok: false,
      reason: 'balance_cap',
    });
  });

  it('returns the first top-up for a retried id, and refuses the id with other details', async () => {
    const { context, balance } = await freshWallet();
    await topUp(context, { id: 't1', method: 'card', amountMinor: 1_000, cardId: CARD_ID, authorisation: AUTHORISED });
    expect(
      await topUp(context, { id: 't1', method: 'card', amountMinor: 1_000, cardId: CARD_ID, authorisation: AUTHORISED }),
    ).toMatchObject({
      ok: true,
      replayed: true,
    });
    expect(
      await topUp(context, { id: 't1', method: 'card', amountMinor: 2_000, cardId: CARD_ID, authorisation: AUTHORISED }),
    ).toMatchObject({
      ok: false,
      reason: 'exists_with_different_fields',
    });
    expect(await balance()).toEqual({ available: 1_000, held: 0, pendingIn: 0 });
  });

  it('scales method bounds to the wallet currency', async () => {
    const { context } = await freshWallet({ currency: 'JPY' });
    // $21 at the JPY policy scale is ¥3,150.
    expect(await topUp(context, { id: 't1', method: 'bank_transfer', amountMinor: 3_149 })).toMatchObject({
      ok: false,
      reason: 'below_method_minimum',
    });
    expect(await topUp(context, { id: 't2', method: 'bank_transfer', amountMinor: 3_150 })).toMatchObject({ ok: true });
  });

  it('leaves a ledger that verifies', async () => {
    const { context, db } = await freshWallet();
    await topUp(context, { id: 't1', method: 'e_wallet', amountMinor: 10_000 });
    await topUp(context, { id: 't2', method: 'bank_transfer', amountMinor: 3_000 });
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
  });
});
