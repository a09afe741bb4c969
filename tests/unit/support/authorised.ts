import type { PaymentAuthorisation } from '@/lib/account/payment-auth';

/**
 * The payment password's authorisation, for tests of the operations it guards on wallets made without a
 * sign-up (no payment password to check). The check itself is tested in account.test.ts and background.test.ts.
 */
export const AUTHORISED = Object.freeze({}) as PaymentAuthorisation;
