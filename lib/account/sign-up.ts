import type { WalletContext } from '../wallet/context';
import { createWalletAccounts } from '../wallet/create-wallet';
import { refuse, type WalletResult } from '../wallet/result';
import type { WalletRecord } from '../wallet/wallet-record';
import { PBKDF2_ITERATIONS, sealJson } from '../vault/crypto';
import { noLockout } from '../vault/lockout';
import { hashPaymentPassword } from '../vault/payment-password';
import { createVault } from '../vault/vault';
import { issueChallenge, maskContact } from './contact-codes';
import { sendCode } from './contacts';
import type { SignUpForm } from './profile';
import type { ProfileRecord } from './profile-fields';
import { DEFAULT_AUTO_LOCK_MINUTES } from './records';

const alreadySignedUp = () => refuse('ALREADY_DONE', 'already_signed_up', 'This browser already has a wallet: unlock it instead.');

/** The profile as sealed: the form without its secrets and choices. */
export function profileOf(form: SignUpForm): ProfileRecord {
  const {
    currency: _currency,
    loginPassword: _loginPassword,
    loginPasswordRepeat: _loginPasswordRepeat,
    paymentPassword: _paymentPassword,
    paymentPasswordRepeat: _paymentPasswordRepeat,
    securityAnswers: _securityAnswers,
    termsAccepted: _termsAccepted,
    refundsToWallet: _refundsToWallet,
    ...profile
  } = form;
  return profile;
}

/**
 * Registers the shopper from a form already checked whole by the sign-up schema: the vault and
 * the payment password's hash are made first (slow key derivations), then one transaction
 * writes the vault, the sealed profile, the wallet with its accounts and the two confirmation
 * codes, so a failure leaves nothing half-registered.
 */
export async function signUp(
  context: WalletContext,
  form: SignUpForm,
  iterations = PBKDF2_ITERATIONS,
): Promise<WalletResult<{ wallet: WalletRecord; dataKey: CryptoKey }>> {
  const { db, clock } = context;
  if (await db.vault.get('vault')) return alreadySignedUp();
  const [{ record, dataKey }, paymentPassword] = await Promise.all([
    createVault(form.loginPassword, form.securityAnswers, iterations),
    hashPaymentPassword(form.paymentPassword, iterations),
  ]);
  const sealedProfile = await sealJson(dataKey, profileOf(form));
  const now = clock.now();
  const tables = [db.vault, db.security, db.profile, db.contacts, db.inbox, db.wallet, db.accounts];
  return db.transaction('rw', tables, async () => {
    if (await db.vault.get('vault')) return alreadySignedUp();
    const opened = await createWalletAccounts(context, form.currency, { refundsToWallet: form.refundsToWallet });
    if (!opened.ok) return opened;
    await db.vault.add(record);
    await db.security.add({
      id: 'security',
      paymentPassword,
      paymentLockout: noLockout,
      recoveryLockout: noLockout,
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    });
    await db.profile.add({ id: 'profile', sealed: sealedProfile });
    for (const [channel, value] of [
      ['email', form.email],
      ['phone', form.phone],
    ] as const) {
      const masked = maskContact(channel, value);
      await db.contacts.add({ id: channel, masked });
      await sendCode(db, channel, masked, issueChallenge(now));
    }
    return { ok: true as const, wallet: opened.wallet, dataKey };
  });
}
