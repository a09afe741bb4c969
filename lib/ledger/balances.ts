import type { Account } from './account';

/** The account that holds the shopper's wallet balance. */
export const SHOPPER_ACCOUNT_ID = 'shopper';

/** What the shopper can spend now: posted credits less posted and pending debits. */
export function availableMinor(value: Account): number {
  return value.creditsPosted - value.debitsPosted - value.debitsPending;
}

/** Debits beyond credits on an account that forbids it; the ledger refuses such a transfer and verify() reports it. */
export function overdrawnMinor(value: Account): number {
  return value.debitsMustNotExceedCredits ? Math.max(0, value.debitsPosted + value.debitsPending - value.creditsPosted) : 0;
}

/** What is held in escrow: pending debits not yet posted or voided. */
export function heldMinor(value: Account): number {
  return value.debitsPending;
}
