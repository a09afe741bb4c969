import * as z from 'zod/mini';
import { CURRENCY_EXPONENTS, type CurrencyCode } from './money';

// Kept apart from money.ts so pages that only format amounts do not load zod.
export const currencyCode = z.enum(Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]]);

/** An amount in integer minor units (cents); never a float. */
export const amountMinor = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

export const money = z.object({ amountMinor, currency: currencyCode });
export type Money = z.infer<typeof money>;
