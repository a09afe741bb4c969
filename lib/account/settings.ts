import type { PaymentAuthorisation } from './payment-auth';
import type { WalletContext } from '../wallet/context';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import type { WalletRecord } from '../wallet/wallet-record';
import { PBKDF2_ITERATIONS } from '../vault/crypto';
import { hashPaymentPassword, paymentPasswordProblem } from '../vault/payment-password';
import type { SecurityRecord } from './records';
import { recordSecurityEvent, sendNotice } from './security-events';

/** Why a new payment password cannot be used, in the rules' own words; undefined when it can. */
export function newPaymentPasswordRefusal(candidate: string) {
  const problem = paymentPasswordProblem(candidate);
  return problem
    ? refuse('INVALID_REQUEST', problem, 'The payment password must be 6 digits, not a run like 123456, with no digit more than 3 times.')
    : undefined;
}

/** A new payment password, after the current one. */
export async function setPaymentPassword(
  context: WalletContext,
  candidate: string,
  _authorisation: PaymentAuthorisation,
  iterations = PBKDF2_ITERATIONS,
): Promise<WalletResult<object>> {
  const refusal = newPaymentPasswordRefusal(candidate);
  if (refusal) return refusal;
  const paymentPassword = await hashPaymentPassword(candidate, iterations);
  const { db, clock } = context;
  return db.transaction('rw', [db.security, db.contacts, db.inbox, db.securityEvents], async () => {
    const security = await db.security.get('security');
    if (!security) return walletNotOpen();
    const now = clock.now();
    await db.security.put({ ...security, paymentPassword });
    await sendNotice(db, 'payment_password_changed', now);
    await recordSecurityEvent(db, 'payment_password_changed', now);
    return { ok: true as const };
  });
}

/** The everyday settings: how soon the wallet locks itself, and where refunds go. */
export async function updatePreferences(
  context: WalletContext,
  change: { autoLockMinutes?: SecurityRecord['autoLockMinutes']; refundsToWallet?: boolean },
): Promise<WalletResult<{ wallet: WalletRecord; security: SecurityRecord }>> {
  const { db } = context;
  return db.transaction('rw', db.wallet, db.security, async () => {
    const [wallet, security] = await Promise.all([db.wallet.get('wallet'), db.security.get('security')]);
    if (!wallet || !security) return walletNotOpen();
    const nextWallet = change.refundsToWallet === undefined ? wallet : { ...wallet, refundsToWallet: change.refundsToWallet };
    const nextSecurity = change.autoLockMinutes === undefined ? security : { ...security, autoLockMinutes: change.autoLockMinutes };
    await db.wallet.put(nextWallet);
    await db.security.put(nextSecurity);
    return { ok: true as const, wallet: nextWallet, security: nextSecurity };
  });
}
