import { addBusinessDays, days } from '../../business-days';
import type { TopUpMethod } from './top-up-method';

export interface TopUpRule {
  /** Bounds per top-up in US cents, scaled to the wallet's currency by policyAmountMinor. */
  minUsdMinor: number;
  maxUsdMinor?: number;
  /** A cap on the sum of top-ups by this method per calendar month, in US cents. */
  monthlyMaxUsdMinor?: number;
  /** The provider's fee in thousandths of the amount, paid on top by the shopper. */
  feePerMille: number;
  /** When the money arrives; `undefined` for instant methods. */
  settlesAt?: (createdAt: number) => number;
}

/** Each top-up method with its own rules, as the real wallet published them. */
export const TOP_UP_RULES: Record<TopUpMethod, TopUpRule> = {
  card: { minUsdMinor: 1_00, feePerMille: 0 },
  e_wallet: { minUsdMinor: 1_00, maxUsdMinor: 5_000_00, feePerMille: 8 },
  bank_transfer: {
    minUsdMinor: 21_00,
    feePerMille: 0,
    settlesAt: (createdAt) => addBusinessDays(createdAt, 7),
  },
  money_transfer: {
    minUsdMinor: 21_00,
    maxUsdMinor: 5_000_00,
    feePerMille: 0,
    settlesAt: (createdAt) => createdAt + days(3),
  },
  // Boleto payments clear in up to three business days once paid.
  boleto: {
    minUsdMinor: 1_00,
    monthlyMaxUsdMinor: 3_000_00,
    feePerMille: 0,
    settlesAt: (createdAt) => addBusinessDays(createdAt, 3),
  },
};

/** The provider's fee, rounded up to a whole minor unit so the provider is never short. */
export const feeMinor = (amountMinor: number, feePerMille: number) => Math.ceil((amountMinor * feePerMille) / 1000);
