import type { WalletContext } from '../wallet/context';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { PBKDF2_ITERATIONS } from '../vault/crypto';
import { RECOVERY_LOCKOUT, afterAttempt, lockedUntil, triesLeft } from '../vault/lockout';
import { hashPaymentPassword } from '../vault/payment-password';
import { unlockWithAnswers, unlockWithPassword, type SecurityAnswer } from '../vault/vault';
import { recordSecurityEvent, sendNotice } from './security-events';
import { newPaymentPasswordRefusal } from './settings';
import { recoveryLocked } from './unlock';

export interface PaymentPasswordReset {
  loginPassword: string;
  answers: readonly SecurityAnswer[];
  newPaymentPassword: string;
}

/**
 * "Forgot payment password": the login password and the three security answers together stand in
 * for the forgotten one. Wrong tries count on the same counter as login recovery (a one-hour wait
 * after three in a row), so the two ways in cannot be guessed at twice as fast, and the refusal
 * does not say which of the two was wrong. A running lock after three wrong payment passwords is
 * not lifted: whoever was guessing the old password would otherwise only need the login password.
 */
export async function resetPaymentPassword(
  context: WalletContext,
  request: PaymentPasswordReset,
  iterations = PBKDF2_ITERATIONS,
): Promise<WalletResult<{ paymentLockedUntil?: number }>> {
  const rules = newPaymentPasswordRefusal(request.newPaymentPassword);
  if (rules) return rules;
  const { db, clock } = context;
  const [vault, security] = await Promise.all([db.vault.get('vault'), db.security.get('security')]);
  if (!vault || !security) return walletNotOpen();
  const until = lockedUntil(security.recoveryLockout, clock.now());
  if (until !== undefined) return recoveryLocked(until);
  if (request.answers.map((answer) => answer.questionId).join() !== vault.byAnswers.questionIds.join())
    return refuse('INVALID_REQUEST', 'wrong_questions', 'Answer the three questions you chose at sign-up, in their order.');

  const [byPassword, byAnswers] = await Promise.all([
    unlockWithPassword(vault, request.loginPassword),
    unlockWithAnswers(vault, request.answers),
  ]);
  const paymentPassword = byPassword && byAnswers ? await hashPaymentPassword(request.newPaymentPassword, iterations) : undefined;
  return db.transaction('rw', [db.security, db.contacts, db.inbox, db.securityEvents], async () => {
    const fresh = (await db.security.get('security'))!;
    const now = clock.now();
    const recoveryLockout = afterAttempt(fresh.recoveryLockout, paymentPassword !== undefined, now, RECOVERY_LOCKOUT);
    if (!paymentPassword) {
      await db.security.put({ ...fresh, recoveryLockout });
      return recoveryLockout.lockedUntil !== undefined
        ? recoveryLocked(recoveryLockout.lockedUntil)
        : refuse(
            'WRONG_PASSWORD',
            'wrong_login_or_answers',
            'The login password or at least one answer is wrong. Answers are case-sensitive.',
            {
              triesLeft: triesLeft(recoveryLockout, RECOVERY_LOCKOUT),
            },
          );
    }
    await db.security.put({ ...fresh, recoveryLockout, paymentPassword });
    await sendNotice(db, 'payment_password_changed', now);
    await recordSecurityEvent(db, 'payment_password_reset', now);
    const paymentLockedUntil = lockedUntil(fresh.paymentLockout, now);
    return { ok: true as const, ...(paymentLockedUntil !== undefined ? { paymentLockedUntil } : {}) };
  });
}
