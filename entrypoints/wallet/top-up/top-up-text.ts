import { formatAmount, t, tKey, uiLocale } from '@/components/i18n';
import type { CurrencyCode } from '@/lib/money';
import type { MoneyParseErrorCode } from '@/lib/money-parse';
import type { Settlement, TopUpRefusal, TopUpTerms, WalletRoom } from '@/lib/wallet/top-ups/top-up-quote';
import type { TopUpMethod } from '@/lib/wallet/top-ups/top-up-method';

export const methodName = (method: TopUpMethod): string => tKey(`topUpMethod_${method}`);

const amountIn = (currency: CurrencyCode) => (amountMinor: number) => formatAmount({ amountMinor, currency });

function settlementText(settlement: Settlement): string {
  if (settlement.kind === 'instant') return t('topUpTermInstant');
  return settlement.kind === 'business_days'
    ? t('topUpTermBusinessDays', [String(settlement.count)])
    : t('topUpTermWithinDays', [String(settlement.count)]);
}

/** A fee in thousandths as a percentage people read ("0.8%"); a display figure, never used for money. */
const percentOf = (perMille: number): string =>
  new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(perMille / 1000);

/** A method's rules as short lines, in the order a shopper weighs them: when it arrives, what it costs, how much it takes. */
export function termLines(terms: TopUpTerms, currency: CurrencyCode): string[] {
  const amount = amountIn(currency);
  return [
    settlementText(terms.settlement),
    terms.feePerMille > 0 ? t('topUpTermFee', [percentOf(terms.feePerMille)]) : t('topUpTermNoFee'),
    terms.maxMinor === undefined
      ? t('topUpTermMinimum', [amount(terms.minMinor)])
      : t('topUpTermRange', [amount(terms.minMinor), amount(terms.maxMinor)]),
    ...(terms.monthly ? [t('topUpTermMonthly', [amount(terms.monthly.capMinor), amount(terms.monthly.leftMinor)])] : []),
    terms.largestNowMinor >= terms.minMinor ? t('topUpTermLargestNow', [amount(terms.largestNowMinor)]) : t('topUpTermNoRoom'),
  ];
}

/** The wallet's cap and the room under it, said once for every method. */
export function roomText(room: WalletRoom, currency: CurrencyCode): string {
  const amount = amountIn(currency);
  return room.verifiedCapMinor === undefined
    ? t('topUpRoomVerified', [amount(room.capMinor), amount(room.roomMinor)])
    : t('topUpRoomUnverified', [amount(room.capMinor), amount(room.roomMinor), amount(room.verifiedCapMinor)]);
}

/** Why this top-up cannot be made, and what to enter or do instead. */
export function refusalText(refusal: TopUpRefusal, room: WalletRoom, currency: CurrencyCode): string {
  const amount = amountIn(currency);
  const limit = amount(refusal.limitMinor);
  const left = amount(refusal.leftMinor ?? 0);
  switch (refusal.reason) {
    case 'below_method_minimum':
      return t('topUpRefusalBelowMinimum', [limit]);
    case 'above_method_maximum':
      return t('topUpRefusalAboveMaximum', [limit]);
    case 'monthly_method_limit':
      return t('topUpRefusalMonthly', [limit, left]);
    case 'balance_cap':
      return room.verifiedCapMinor === undefined
        ? t('topUpRefusalCapVerified', [limit, left])
        : t('topUpRefusalCapUnverified', [limit, left, amount(room.verifiedCapMinor)]);
  }
}

/** What is wrong with the amount as typed, in the shopper's language. */
export const amountProblemText = (code: MoneyParseErrorCode, currency: CurrencyCode): string => tKey(`topUpAmount_${code}`, [currency]);
