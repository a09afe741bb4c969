import type { Account } from './account';

/** The account that holds the shopper's wallet balance. */
export const SHOPPER_ACCOUNT_ID = 'shopper';

/** What the shopper can spend now: posted credits less posted and pending debits. */
export function availableMinor(value: Account): number {
  return value.creditsPosted - value.debitsPosted - value.debitsPending;
}

/** What is held in escrow: pending debits not yet posted or voided. */
export function heldMinor(value: Account): number {
  return value.debitsPending;
}
