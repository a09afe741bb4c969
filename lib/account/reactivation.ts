import type { WalletContext } from '../wallet/context';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { unlockWithPassword } from '../vault/vault';
import { checkCode, issueChallenge, resendBlockedUntil } from './contact-codes';
import { deliverCode } from './contacts';
import { activityStanding } from './inactivity';
import { recordSecurityEvent } from './security-events';

const notInactive = () => refuse('ALREADY_DONE', 'wallet_active', 'The wallet is active: there is nothing to reactivate.');

/**
 * First step of reactivating an inactive wallet: the login password, then a code to the phone on
 * record, so someone who only learned the password cannot wake an account its owner left.
 */
export async function startReactivation(context: WalletContext, loginPassword: string): Promise<WalletResult<{ sentTo: string }>> {
  const { db, clock } = context;
  const [wallet, vault] = await Promise.all([db.wallet.get('wallet'), db.vault.get('vault')]);
  if (!wallet || !vault) return walletNotOpen();
  if (activityStanding(wallet, clock.now()).state !== 'inactive') return notInactive();
  if (!(await unlockWithPassword(vault, loginPassword)))
    return refuse('WRONG_PASSWORD', 'wrong_login_password', 'The login password is wrong.');
  return db.transaction('rw', db.security, db.contacts, db.inbox, async () => {
    const [security, phone] = await Promise.all([db.security.get('security'), db.contacts.get('phone')]);
    if (!security || !phone) return walletNotOpen();
    const now = clock.now();
    const blockedUntil = resendBlockedUntil(security.reactivation, now);
    if (blockedUntil !== undefined)
      return refuse('LOCKED', 'resend_cooldown', `Wait until ${new Date(blockedUntil).toISOString()} before asking for another code.`, {
        lockedUntil: blockedUntil,
      });
    const challenge = issueChallenge(now);
    await db.security.put({ ...security, reactivation: challenge });
    await deliverCode(db, 'phone', phone.masked, challenge);
    return { ok: true as const, sentTo: phone.masked };
  });
}

/** Second step: the code from the phone makes the wallet active again, from now; the balance was never touched. */
export async function confirmReactivation(context: WalletContext, typed: string): Promise<WalletResult<object>> {
  const { db, clock } = context;
  return db.transaction('rw', db.wallet, db.security, db.securityEvents, async () => {
    const [wallet, security] = await Promise.all([db.wallet.get('wallet'), db.security.get('security')]);
    if (!wallet || !security) return walletNotOpen();
    const now = clock.now();
    if (activityStanding(wallet, now).state !== 'inactive') return notInactive();
    const check = checkCode(security.reactivation, typed, now);
    if (!check.ok) {
      if (check.reason === 'wrong_code') {
        await db.security.put({ ...security, reactivation: check.challenge });
        return refuse('WRONG_PASSWORD', 'wrong_code', `That code is wrong; ${check.challenge.triesLeft} tries left.`, {
          triesLeft: check.challenge.triesLeft,
        });
      }
      return refuse('INVALID_REQUEST', check.reason, 'Ask for a new code.');
    }
    const { reactivation: _used, ...rest } = security;
    await db.security.put(rest);
    await db.wallet.put({ ...wallet, lastActivityAt: now });
    await recordSecurityEvent(db, 'wallet_reactivated', now);
    return { ok: true as const };
  });
}
