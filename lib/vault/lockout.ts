import * as z from 'zod/mini';

/** How many wrong tries in a row lock an action, and for how long. */
export interface LockoutPolicy {
  maxWrongTries: number;
  lockMs: number;
}

/** Three wrong payment passwords lock payments, card fills and security changes for three hours (the real wallet's rule). */
export const PAYMENT_LOCKOUT: LockoutPolicy = { maxWrongTries: 3, lockMs: 3 * 60 * 60 * 1000 };
/** Wrong security answers: each try costs a slow key derivation, and three in a row wait an hour. */
export const RECOVERY_LOCKOUT: LockoutPolicy = { maxWrongTries: 3, lockMs: 60 * 60 * 1000 };

export const lockoutState = z.strictObject({
  wrongTries: z.int().check(z.minimum(0)),
  lockedUntil: z.optional(z.int()),
});
export type LockoutState = z.infer<typeof lockoutState>;

export const noLockout: LockoutState = { wrongTries: 0 };

/** Until when the action is locked, if it is now. */
export const lockedUntil = (state: LockoutState, now: number): number | undefined =>
  state.lockedUntil !== undefined && state.lockedUntil > now ? state.lockedUntil : undefined;

/** Tries left before the lock, for "2 tries left" beside the field. */
export const triesLeft = (state: LockoutState, policy: LockoutPolicy = PAYMENT_LOCKOUT): number => policy.maxWrongTries - state.wrongTries;

/** The state after a check: a right answer clears the count; the last wrong one in a row locks. */
export function afterAttempt(state: LockoutState, matched: boolean, now: number, policy: LockoutPolicy = PAYMENT_LOCKOUT): LockoutState {
  if (matched) return noLockout;
  // A lock that has run out starts a fresh count.
  const tries = (state.lockedUntil !== undefined && state.lockedUntil <= now ? 0 : state.wrongTries) + 1;
  return tries >= policy.maxWrongTries ? { wrongTries: 0, lockedUntil: now + policy.lockMs } : { wrongTries: tries };
}
