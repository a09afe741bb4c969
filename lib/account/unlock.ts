import type { PaymentAuthorisation } from './payment-auth';
import type { WalletContext } from '../wallet/context';
import { noteActivity } from './inactivity';
import { tooWeak, type Strength } from './password-scorer';
import { readProfile } from './profile-store';
import { recordSecurityEvent } from './security-events';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { PBKDF2_ITERATIONS } from '../vault/crypto';
import { RECOVERY_LOCKOUT, afterAttempt, lockedUntil, triesLeft } from '../vault/lockout';
import { changeLoginPassword, unlockWithAnswers, unlockWithPassword, type SecurityAnswer } from '../vault/vault';

/** Opens the vault with the login password. The key derivation itself is the brake on guessing. */
export async function unlock(context: WalletContext, loginPassword: string): Promise<WalletResult<{ dataKey: CryptoKey }>> {
  const vault = await context.db.vault.get('vault');
  if (!vault) return walletNotOpen();
  const dataKey = await unlockWithPassword(vault, loginPassword);
  if (!dataKey)
    return refuse(
      'WRONG_PASSWORD',
      'wrong_login_password',
      'The login password is wrong. Forgot it? Recover it with your security answers.',
    );
  // Signing in keeps the account active, as the terms count activity.
  const { db, clock } = context;
  await db.transaction('rw', db.wallet, () => noteActivity(db, clock.now()));
  return { ok: true, dataKey };
}

/** A new login password must be as hard to guess as at sign-up; the shopper's details come from the profile the key opens. */
async function weakPassword(context: WalletContext, dataKey: CryptoKey, newPassword: string, strength: Strength) {
  if (!tooWeak(strength, newPassword, await readProfile(context.db, dataKey))) return undefined;
  return refuse('INVALID_REQUEST', 'password_weak', 'This password is too easy to guess: add more words or characters.');
}

export const recoveryLocked = (until: number) =>
  refuse('LOCKED', 'recovery_locked', `Too many wrong answers: try again after ${new Date(until).toISOString()}.`, { lockedUntil: until });

/** The security questions the shopper chose, in order, for the recovery form. */
export async function recoveryQuestions(context: WalletContext): Promise<string[] | undefined> {
  return (await context.db.vault.get('vault'))?.byAnswers.questionIds;
}

/**
 * "Forgot login password": the three answers open the same data key, which is then wrapped under
 * the new password, so every card and document stays readable. Wrong answers count towards a
 * one-hour wait after three in a row. A new password `strength` finds too weak is refused once the
 * answers are known right, with nothing written.
 */
export async function recoverWithAnswers(
  context: WalletContext,
  answers: readonly SecurityAnswer[],
  newPassword: string,
  strength: Strength,
  iterations = PBKDF2_ITERATIONS,
): Promise<WalletResult<{ dataKey: CryptoKey }>> {
  const { db, clock } = context;
  const [vault, security] = await Promise.all([db.vault.get('vault'), db.security.get('security')]);
  if (!vault || !security) return walletNotOpen();
  const until = lockedUntil(security.recoveryLockout, clock.now());
  if (until !== undefined) return recoveryLocked(until);
  if (answers.map((answer) => answer.questionId).join() !== vault.byAnswers.questionIds.join())
    return refuse('INVALID_REQUEST', 'wrong_questions', 'Answer the three questions you chose at sign-up, in their order.');

  const dataKey = await unlockWithAnswers(vault, answers);
  const weak = dataKey && (await weakPassword(context, dataKey, newPassword, strength));
  if (weak) return weak;
  const rewrapped = dataKey ? await changeLoginPassword(vault, dataKey, newPassword, iterations) : undefined;
  return db.transaction('rw', db.vault, db.security, db.securityEvents, async () => {
    const fresh = (await db.security.get('security'))!;
    const recoveryLockout = afterAttempt(fresh.recoveryLockout, dataKey !== undefined, clock.now(), RECOVERY_LOCKOUT);
    await db.security.put({ ...fresh, recoveryLockout });
    if (!dataKey || !rewrapped) {
      return recoveryLockout.lockedUntil !== undefined
        ? recoveryLocked(recoveryLockout.lockedUntil)
        : refuse('WRONG_PASSWORD', 'wrong_answers', 'At least one answer is wrong. Answers are case-sensitive.', {
            triesLeft: triesLeft(recoveryLockout, RECOVERY_LOCKOUT),
          });
    }
    await db.vault.put(rewrapped);
    await recordSecurityEvent(db, 'login_password_recovered', clock.now());
    return { ok: true as const, dataKey };
  });
}

/** Wraps the data key under a new login password, after the payment password, if `strength` finds it hard enough to guess. */
export async function setLoginPassword(
  context: WalletContext,
  dataKey: CryptoKey,
  newPassword: string,
  strength: Strength,
  _authorisation: PaymentAuthorisation,
  iterations = PBKDF2_ITERATIONS,
): Promise<WalletResult<object>> {
  const { db, clock } = context;
  const vault = await db.vault.get('vault');
  if (!vault) return walletNotOpen();
  const weak = await weakPassword(context, dataKey, newPassword, strength);
  if (weak) return weak;
  const rewrapped = await changeLoginPassword(vault, dataKey, newPassword, iterations);
  return db.transaction('rw', db.vault, db.securityEvents, async () => {
    await db.vault.put(rewrapped);
    await recordSecurityEvent(db, 'login_password_changed', clock.now());
    return { ok: true as const };
  });
}
