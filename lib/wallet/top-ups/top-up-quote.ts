import { startOfMonth } from '../../business-days';
import type { CurrencyCode } from '../../money';
import type { ErrorCode } from '../../protocol/errors';
import { describeAmount } from '../context';
import { limitsFor, policyAmountMinor } from '../limits';
import type { TopUpRecord } from '../records';
import type { TopUpMethod } from './top-up-method';
import { TOP_UP_RULES, feeMinor } from './top-up-rules';

/** What a top-up's rules depend on, read from the wallet at the moment of asking. */
export interface TopUpWallet {
  currency: CurrencyCode;
  verified: boolean;
  /** What the wallet holds once every settling top-up arrives: the amount its cap limits, as the ledger counts it. */
  cappedBalanceMinor: number;
  /** This calendar month's top-ups so far, summed by method, for the methods with a monthly cap. */
  thisMonthMinor: Partial<Record<TopUpMethod, number>>;
}

/** How long a method's money takes to arrive, in the words a shopper reads. */
export type Settlement = { kind: 'instant' } | { kind: 'business_days' | 'days'; count: number };

/**
 * The settlement times of TOP_UP_RULES, stated for reading: the rules hold them as functions. A test
 * holds this table to the rules' own dates, so the two cannot drift apart.
 */
export const SETTLEMENT: Record<TopUpMethod, Settlement> = {
  card: { kind: 'instant' },
  e_wallet: { kind: 'instant' },
  bank_transfer: { kind: 'business_days', count: 7 },
  money_transfer: { kind: 'days', count: 3 },
  boleto: { kind: 'business_days', count: 3 },
};

/** The wallet's cap as it stands: what it may hold, how much more fits, and what verifying would raise it to. */
export interface WalletRoom {
  capMinor: number;
  roomMinor: number;
  /** Only while unverified: the cap after identity verification. */
  verifiedCapMinor?: number;
}

export function walletRoom(wallet: TopUpWallet): WalletRoom {
  const capMinor = limitsFor(wallet.currency, wallet.verified).balanceMinor;
  return {
    capMinor,
    roomMinor: Math.max(0, capMinor - wallet.cappedBalanceMinor),
    ...(wallet.verified ? {} : { verifiedCapMinor: limitsFor(wallet.currency, true).balanceMinor }),
  };
}

/** One method's rules in the wallet's currency, with what is left of its monthly cap and of the wallet's room. */
export interface TopUpTerms {
  minMinor: number;
  maxMinor?: number;
  /** The provider's fee in thousandths of the amount, paid on top. */
  feePerMille: number;
  settlement: Settlement;
  monthly?: { capMinor: number; leftMinor: number };
  /** The largest top-up this method takes right now, after its own bounds, its monthly cap and the wallet's room. */
  largestNowMinor: number;
}

export function topUpTerms(method: TopUpMethod, wallet: TopUpWallet): TopUpTerms {
  const rule = TOP_UP_RULES[method];
  const { currency } = wallet;
  const maxMinor = rule.maxUsdMinor === undefined ? undefined : policyAmountMinor(rule.maxUsdMinor, currency);
  const monthlyCapMinor = rule.monthlyMaxUsdMinor === undefined ? undefined : policyAmountMinor(rule.monthlyMaxUsdMinor, currency);
  const monthly =
    monthlyCapMinor === undefined
      ? undefined
      : { capMinor: monthlyCapMinor, leftMinor: Math.max(0, monthlyCapMinor - (wallet.thisMonthMinor[method] ?? 0)) };
  const largestNowMinor = Math.min(maxMinor ?? Infinity, monthly?.leftMinor ?? Infinity, walletRoom(wallet).roomMinor);
  return {
    minMinor: policyAmountMinor(rule.minUsdMinor, currency),
    ...(maxMinor === undefined ? {} : { maxMinor }),
    feePerMille: rule.feePerMille,
    settlement: SETTLEMENT[method],
    ...(monthly ? { monthly } : {}),
    largestNowMinor,
  };
}

export type TopUpRefusalReason = 'below_method_minimum' | 'above_method_maximum' | 'monthly_method_limit' | 'balance_cap';

/** Why a top-up cannot be made, with the bound it crossed and what is left under it, so a page can say what to enter instead. */
export interface TopUpRefusal {
  code: ErrorCode;
  reason: TopUpRefusalReason;
  /** For developers and logs; the wallet's pages word it in the shopper's language from the reason and amounts. */
  message: string;
  limitMinor: number;
  leftMinor?: number;
}

export interface TopUpQuote {
  amountMinor: number;
  feeMinor: number;
  /** What the source is charged: the amount and the provider's fee on top. */
  totalChargedMinor: number;
  /** When the money becomes spendable; `undefined` when it arrives at once. */
  settlesAt: number | undefined;
  refusal?: TopUpRefusal;
}

function refusalFor(method: TopUpMethod, amountMinor: number, wallet: TopUpWallet): TopUpRefusal | undefined {
  const { currency } = wallet;
  const terms = topUpTerms(method, wallet);
  const amount = (minor: number) => describeAmount(minor, currency);
  if (amountMinor < terms.minMinor)
    return {
      code: 'INVALID_REQUEST',
      reason: 'below_method_minimum',
      message: `This method takes at least ${amount(terms.minMinor)}.`,
      limitMinor: terms.minMinor,
    };
  if (terms.maxMinor !== undefined && amountMinor > terms.maxMinor)
    return {
      code: 'INVALID_REQUEST',
      reason: 'above_method_maximum',
      message: `This method takes at most ${amount(terms.maxMinor)} at a time.`,
      limitMinor: terms.maxMinor,
    };
  if (terms.monthly && amountMinor > terms.monthly.leftMinor)
    return {
      code: 'LIMIT_EXCEEDED',
      reason: 'monthly_method_limit',
      message: `This method takes at most ${amount(terms.monthly.capMinor)} a month; ${amount(terms.monthly.leftMinor)} is left this month.`,
      limitMinor: terms.monthly.capMinor,
      leftMinor: terms.monthly.leftMinor,
    };
  const room = walletRoom(wallet);
  if (amountMinor > room.roomMinor)
    return {
      code: 'LIMIT_EXCEEDED',
      reason: 'balance_cap',
      message: `This top-up would take the wallet over its limit of ${amount(room.capMinor)}; ${amount(room.roomMinor)} more fits. ${
        room.verifiedCapMinor === undefined ? 'Spend some of the balance first.' : 'Verify your identity to raise the limit.'
      }`,
      limitMinor: room.capMinor,
      leftMinor: room.roomMinor,
    };
  return undefined;
}

/**
 * What a top-up by this method would cost and when it would arrive, or why it cannot be made:
 * the rules the wallet applies when the top-up is asked for, so a page can show them first.
 */
export function quoteTopUp(method: TopUpMethod, amountMinor: number, wallet: TopUpWallet, now: number): TopUpQuote {
  const rule = TOP_UP_RULES[method];
  const fee = feeMinor(amountMinor, rule.feePerMille);
  const refusal = refusalFor(method, amountMinor, wallet);
  return {
    amountMinor,
    feeMinor: fee,
    totalChargedMinor: amountMinor + fee,
    settlesAt: rule.settlesAt?.(now),
    ...(refusal ? { refusal } : {}),
  };
}

/** Sums this calendar month's top-ups (up to `now`) by method, for the monthly caps. */
export function thisMonthByMethod(
  records: readonly Pick<TopUpRecord, 'method' | 'amountMinor' | 'createdAt'>[],
  now: number,
): Partial<Record<TopUpMethod, number>> {
  const from = startOfMonth(now);
  const sums: Partial<Record<TopUpMethod, number>> = {};
  for (const { method, amountMinor, createdAt } of records)
    if (createdAt >= from && createdAt <= now) sums[method] = (sums[method] ?? 0) + amountMinor;
  return sums;
}

/** How far a settling top-up has come, from 0 when it was made to 1 when it is due, by the wallet's clock. */
export function settleProgress({ createdAt, settlesAt }: Pick<TopUpRecord, 'createdAt' | 'settlesAt'>, now: number): number {
  if (settlesAt <= createdAt) return 1;
  return Math.min(1, Math.max(0, (now - createdAt) / (settlesAt - createdAt)));
}
