import { CURRENCY_EXPONENTS, type CurrencyCode } from '../money';

/**
 * The real wallet caps an unverified account at $500 held and $500 per purchase, a verified one
 * at $5,000. Other wallet currencies get caps of the same size written as round local amounts:
 * a policy table, not an exchange rate; no money is ever converted.
 */
const CAPS_MINOR: Record<CurrencyCode, { unverified: number; verified: number }> = {
  USD: { unverified: 500_00, verified: 5_000_00 },
  EUR: { unverified: 500_00, verified: 5_000_00 },
  GBP: { unverified: 400_00, verified: 4_000_00 },
  CNY: { unverified: 3_500_00, verified: 35_000_00 },
  RUB: { unverified: 45_000_00, verified: 450_000_00 },
  JPY: { unverified: 75_000, verified: 750_000 },
  KRW: { unverified: 650_000, verified: 6_500_000 },
  HKD: { unverified: 3_900_00, verified: 39_000_00 },
  SGD: { unverified: 650_00, verified: 6_500_00 },
  AUD: { unverified: 750_00, verified: 7_500_00 },
  CAD: { unverified: 700_00, verified: 7_000_00 },
  CHF: { unverified: 450_00, verified: 4_500_00 },
  BRL: { unverified: 2_500_00, verified: 25_000_00 },
  THB: { unverified: 17_000_00, verified: 170_000_00 },
};

export interface Limits {
  /** The most the wallet may hold, counting top-ups still settling. */
  balanceMinor: number;
  /** The most one purchase may cost. */
  purchaseMinor: number;
}

export function limitsFor(currency: CurrencyCode, verified: boolean): Limits {
  const cap = CAPS_MINOR[currency][verified ? 'verified' : 'unverified'];
  return { balanceMinor: cap, purchaseMinor: cap };
}

/**
 * Writes a rule stated in US dollars ("from $21") in the wallet's currency, at the same scale
 * as the caps above, rounded to whole major units.
 */
export function policyAmountMinor(usdMinor: number, currency: CurrencyCode): number {
  const majorUnitMinor = 10 ** CURRENCY_EXPONENTS[currency];
  const scaled = (usdMinor * CAPS_MINOR[currency].unverified) / CAPS_MINOR.USD.unverified;
  return Math.max(majorUnitMinor, Math.round(scaled / majorUnitMinor) * majorUnitMinor);
}
