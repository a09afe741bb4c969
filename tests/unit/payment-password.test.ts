import { describe, expect, it } from 'vitest';
import { PAYMENT_LOCKOUT, afterAttempt, lockedUntil, noLockout } from '@/lib/vault/lockout';
import { hashPaymentPassword, paymentPasswordMatches, paymentPasswordProblem } from '@/lib/vault/payment-password';

describe('Payment password: the rule', () => {
  it.each(['204913', '112233', '000111', '909090', '135790', '123465'])('accepts %s', (candidate) => {
    expect(paymentPasswordProblem(candidate)).toBeUndefined();
  });

  it.each([
    ['12345', 'not_six_digits'],
    ['1234567', 'not_six_digits'],
    ['12a456', 'not_six_digits'],
    ['１２３４５６', 'not_six_digits'],
    ['123456', 'sequential'],
    ['012345', 'sequential'],
    ['987654', 'sequential'],
    ['543210', 'sequential'],
    ['111123', 'digit_repeated'],
    ['000000', 'digit_repeated'],
    ['191911', 'digit_repeated'],
  ])('refuses %s (%s)', (candidate, problem) => {
    expect(paymentPasswordProblem(candidate)).toBe(problem);
  });
});

describe('Payment password: storage', () => {
  it('keeps a salted slow hash, never the digits, and checks against it', async () => {
    const record = await hashPaymentPassword('204913', 100_000);
    expect(JSON.stringify(record)).not.toContain('204913');
    expect(await paymentPasswordMatches(record, '204913')).toBe(true);
    expect(await paymentPasswordMatches(record, '204914')).toBe(false);
    expect((await hashPaymentPassword('204913', 100_000)).hash).not.toBe(record.hash);
  });
});

describe('Payment password: lockout', () => {
  const now = 1_000_000;
  it('locks for three hours on the third wrong try in a row', () => {
    let state = noLockout;
    state = afterAttempt(state, false, now);
    state = afterAttempt(state, false, now);
    expect(lockedUntil(state, now)).toBeUndefined();
    state = afterAttempt(state, false, now);
    expect(lockedUntil(state, now)).toBe(now + PAYMENT_LOCKOUT.lockMs);
    expect(lockedUntil(state, now + PAYMENT_LOCKOUT.lockMs - 1)).toBe(now + PAYMENT_LOCKOUT.lockMs);
    expect(lockedUntil(state, now + PAYMENT_LOCKOUT.lockMs)).toBeUndefined();
  });

  it('a right password clears the count', () => {
    const state = afterAttempt(afterAttempt(afterAttempt(noLockout, false, now), false, now), true, now);
    expect(afterAttempt(afterAttempt(state, false, now), false, now)).toEqual({ wrongTries: 2 });
  });

  it('counts afresh once a lock has run out', () => {
    const locked = afterAttempt(afterAttempt(afterAttempt(noLockout, false, now), false, now), false, now);
    expect(afterAttempt(locked, false, now + PAYMENT_LOCKOUT.lockMs)).toEqual({ wrongTries: 1 });
  });
});
