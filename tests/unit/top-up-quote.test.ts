import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, days } from '@/lib/business-days';
import { cappedBalanceMinor } from '@/lib/ledger/apply';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { markVerified } from '@/lib/wallet/create-wallet';
import {
  SETTLEMENT,
  quoteTopUp,
  settleProgress,
  thisMonthByMethod,
  topUpTerms,
  walletRoom,
  type TopUpWallet,
} from '@/lib/wallet/top-ups/top-up-quote';
import { topUpMethod, type TopUpMethod } from '@/lib/wallet/top-ups/top-up-method';
import { TOP_UP_RULES } from '@/lib/wallet/top-ups/top-up-rules';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, freshWallet } from './support/with-wallet';

const EMPTY_USD: TopUpWallet = { currency: 'USD', verified: false, cappedBalanceMinor: 0, thisMonthMinor: {} };

describe('Top-up quote: cost and arrival', () => {
  it('adds the e-wallet provider’s 0.8% on top, rounded up, and the money arrives at once', () => {
    expect(quoteTopUp('e_wallet', 10_001, EMPTY_USD, MONDAY)).toEqual({
      amountMinor: 10_001,
      feeMinor: 81,
      totalChargedMinor: 10_082,
      settlesAt: undefined,
    });
  });

  it('charges nothing on top for a card, which arrives at once', () => {
    expect(quoteTopUp('card', 5_000, EMPTY_USD, MONDAY)).toEqual({
      amountMinor: 5_000,
      feeMinor: 0,
      totalChargedMinor: 5_000,
      settlesAt: undefined,
    });
  });

  it.each([
    ['bank_transfer', Date.UTC(2026, 10, 11, 9)],
    ['money_transfer', Date.UTC(2026, 10, 5, 9)],
    ['boleto', Date.UTC(2026, 10, 5, 9)],
  ] as const)('says when a %s settles by the wallet clock', (method, settlesAt) => {
    expect(quoteTopUp(method, 5_000, EMPTY_USD, MONDAY)).toMatchObject({ settlesAt, feeMinor: 0, totalChargedMinor: 5_000 });
    expect(quoteTopUp(method, 5_000, EMPTY_USD, MONDAY).refusal).toBeUndefined();
  });

  it('states each method’s settlement as the rules compute it, from any day of the week', () => {
    for (const method of topUpMethod.options) {
      const settlement = SETTLEMENT[method];
      for (let day = 0; day < 14; day++) {
        const start = MONDAY + days(day) + day * 3_600_000;
        const expected =
          settlement.kind === 'instant'
            ? undefined
            : settlement.kind === 'days'
              ? start + days(settlement.count)
              : addBusinessDays(start, settlement.count);
        expect(TOP_UP_RULES[method].settlesAt?.(start), `${method} from day ${day}`).toBe(expected);
      }
    }
  });
});

describe('Top-up quote: refusals that say what to enter instead', () => {
  it.each([
    ['e_wallet', 99, 'below_method_minimum', 1_00],
    ['e_wallet', 500_001, 'above_method_maximum', 5_000_00],
    ['bank_transfer', 2_099, 'below_method_minimum', 21_00],
    ['money_transfer', 500_001, 'above_method_maximum', 5_000_00],
    ['boleto', 0, 'below_method_minimum', 1_00],
  ] as const)('refuses a %s of %d minor units (%s) and names the bound', (method, amountMinor, reason, limitMinor) => {
    const verified = { ...EMPTY_USD, verified: true };
    expect(quoteTopUp(method, amountMinor, verified, MONDAY).refusal).toMatchObject({ code: 'INVALID_REQUEST', reason, limitMinor });
  });

  it('refuses boleto past this month’s cap and says how much is left', () => {
    const wallet = { ...EMPTY_USD, verified: true, thisMonthMinor: { boleto: 200_000 } };
    expect(quoteTopUp('boleto', 100_001, wallet, MONDAY).refusal).toEqual({
      code: 'LIMIT_EXCEEDED',
      reason: 'monthly_method_limit',
      message: 'This method takes at most $3,000.00 a month; $1,000.00 is left this month.',
      limitMinor: 300_000,
      leftMinor: 100_000,
    });
    expect(quoteTopUp('boleto', 100_000, wallet, MONDAY).refusal).toBeUndefined();
  });

  it('refuses past the unverified cap, counting top-ups still settling, and says verifying raises it', () => {
    const refusal = quoteTopUp('card', 10_001, { ...EMPTY_USD, cappedBalanceMinor: 40_000 }, MONDAY).refusal;
    expect(refusal).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'balance_cap', limitMinor: 50_000, leftMinor: 10_000 });
    expect(refusal?.message).toContain('Verify your identity');
    expect(quoteTopUp('card', 10_000, { ...EMPTY_USD, cappedBalanceMinor: 40_000 }, MONDAY).refusal).toBeUndefined();
  });

  it('tells a verified wallet at its cap to spend first, since verifying cannot raise it further', () => {
    const refusal = quoteTopUp('card', 100, { ...EMPTY_USD, verified: true, cappedBalanceMinor: 500_000 }, MONDAY).refusal;
    expect(refusal).toMatchObject({ reason: 'balance_cap', limitMinor: 500_000, leftMinor: 0 });
    expect(refusal?.message).toContain('Spend some of the balance first');
  });

  it('scales the bounds to the wallet currency', () => {
    const yen: TopUpWallet = { ...EMPTY_USD, currency: 'JPY' };
    expect(quoteTopUp('bank_transfer', 3_149, yen, MONDAY).refusal).toMatchObject({ reason: 'below_method_minimum', limitMinor: 3_150 });
    expect(quoteTopUp('bank_transfer', 3_150, yen, MONDAY).refusal).toBeUndefined();
  });
});

describe('Top-up quote: terms shown before choosing', () => {
  it('lists each method’s bounds, fee and settlement, and the most it takes right now', () => {
    const wallet = { ...EMPTY_USD, cappedBalanceMinor: 45_000, thisMonthMinor: { boleto: 1_000 } };
    expect(topUpTerms('e_wallet', wallet)).toEqual({
      minMinor: 1_00,
      maxMinor: 5_000_00,
      feePerMille: 8,
      settlement: { kind: 'instant' },
      largestNowMinor: 5_000,
    });
    expect(topUpTerms('boleto', { ...wallet, verified: true })).toEqual({
      minMinor: 1_00,
      feePerMille: 0,
      settlement: { kind: 'business_days', count: 3 },
      monthly: { capMinor: 300_000, leftMinor: 299_000 },
      largestNowMinor: 299_000,
    });
  });

  it('tells the room left under the cap, and what verifying would raise it to', () => {
    expect(walletRoom({ ...EMPTY_USD, cappedBalanceMinor: 12_345 })).toEqual({
      capMinor: 50_000,
      roomMinor: 37_655,
      verifiedCapMinor: 500_000,
    });
    expect(walletRoom({ ...EMPTY_USD, verified: true, cappedBalanceMinor: 600_000 })).toEqual({ capMinor: 500_000, roomMinor: 0 });
  });

  it('sums this calendar month’s top-ups by method, up to now', () => {
    const now = Date.UTC(2026, 10, 20);
    expect(
      thisMonthByMethod(
        [
          { method: 'boleto', amountMinor: 1_000, createdAt: Date.UTC(2026, 10, 1) },
          { method: 'boleto', amountMinor: 2_000, createdAt: Date.UTC(2026, 10, 19) },
          { method: 'boleto', amountMinor: 4_000, createdAt: Date.UTC(2026, 9, 31, 23) },
          { method: 'card', amountMinor: 8_000, createdAt: Date.UTC(2026, 10, 2) },
          { method: 'boleto', amountMinor: 16_000, createdAt: now + 1 },
        ],
        now,
      ),
    ).toEqual({ boleto: 3_000, card: 8_000 });
  });
});

describe('Top-up quote: the same rules as the top-up itself', () => {
  const cases: [TopUpMethod, number][] = [
    ['card', 60_000],
    ['card', 100],
    ['e_wallet', 99],
    ['e_wallet', 30_000],
    ['bank_transfer', 2_000],
    ['bank_transfer', 30_000],
    ['money_transfer', 15_000],
    ['boleto', 40_000],
    ['boleto', 270_000],
    ['boleto', 260_000],
    ['card', 200_000],
  ];

  it('refuses exactly what the top-up refuses, with the same reason, fee and settlement, as the wallet fills up', async () => {
    const { context, db, clock } = await freshWallet();
    const seen = new Set<string>();
    for (const [index, [method, amountMinor]] of cases.entries()) {
      const wallet: TopUpWallet = {
        currency: 'USD',
        verified: (await db.wallet.get('wallet'))!.verified,
        cappedBalanceMinor: cappedBalanceMinor((await db.accounts.get(ACCOUNTS.shopper))!),
        thisMonthMinor: thisMonthByMethod(await db.topUps.toArray(), clock.now()),
      };
      const quote = quoteTopUp(method, amountMinor, wallet, clock.now());
      seen.add(quote.refusal?.reason ?? 'accepted');
      const request = method === 'card' ? { method, cardId: CARD_ID, authorisation: AUTHORISED } : { method };
      const result = await topUp(context, { id: `t${index}`, amountMinor, ...request });
      if (quote.refusal) expect(result, `${method} ${amountMinor}`).toMatchObject({ ok: false, reason: quote.refusal.reason });
      else
        expect(result, `${method} ${amountMinor}`).toMatchObject({
          ok: true,
          topUp: { feeMinor: quote.feeMinor, settlesAt: quote.settlesAt ?? clock.now() },
        });
      if (index === 4) await markVerified(context);
      clock.advance(days(1));
    }
    expect([...seen].sort()).toEqual(['accepted', 'balance_cap', 'below_method_minimum', 'monthly_method_limit']);
  });
});

describe('Top-up: the cap stays the ledger’s', () => {
  it('remembers a top-up refused for the cap, so its id cannot succeed after the limit is raised', async () => {
    const { context, balance } = await freshWallet();
    const request = { id: 'big', method: 'card', amountMinor: 60_000, cardId: CARD_ID, authorisation: AUTHORISED } as const;
    expect(await topUp(context, request)).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED', reason: 'balance_cap' });
    await markVerified(context);
    expect(await topUp(context, request)).toMatchObject({ ok: false, reason: 'id_already_failed' });
    expect(await topUp(context, { ...request, id: 'big-again' })).toMatchObject({ ok: true });
    expect(await balance()).toEqual({ available: 60_000, held: 0, pendingIn: 0 });
  });
});

describe('Top-up quote: progress while settling', () => {
  it('measures a settling top-up’s progress from when it was made to when it is due', () => {
    const record = { createdAt: 1_000, settlesAt: 5_000 };
    expect(settleProgress(record, 0)).toBe(0);
    expect(settleProgress(record, 2_000)).toBe(0.25);
    expect(settleProgress(record, 9_000)).toBe(1);
    expect(settleProgress({ createdAt: 1_000, settlesAt: 1_000 }, 0)).toBe(1);
  });
});
