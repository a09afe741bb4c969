import * as z from 'zod/mini';

/** Three wrong payment passwords lock payments, card fills and security changes for three hours. */
export const MAX_WRONG_TRIES = 3;
export const LOCKOUT_MS = 3 * 60 * 60 * 1000;

export const lockoutState = z.strictObject({
  wrongTries: z.int().check(z.minimum(0)),
  lockedUntil: z.optional(z.int()),
});
export type LockoutState = z.infer<typeof lockoutState>;

export const noLockout: LockoutState = { wrongTries: 0 };

/** Until when the protected actions are locked, if they are now. */
export const lockedUntil = (state: LockoutState, now: number): number | undefined =>
  state.lockedUntil !== undefined && state.lockedUntil > now ? state.lockedUntil : undefined;

/** The state after a check: a right password clears the count; the third wrong one in a row locks. */
export function afterAttempt(state: LockoutState, matched: boolean, now: number): LockoutState {
  if (matched) return noLockout;
  // A lock that has run out starts a fresh count.
  const tries = (state.lockedUntil !== undefined && state.lockedUntil <= now ? 0 : state.wrongTries) + 1;
  return tries >= MAX_WRONG_TRIES ? { wrongTries: 0, lockedUntil: now + LOCKOUT_MS } : { wrongTries: tries };
}
