import { changeAddress } from '@/lib/account/address-change';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { changeContact, confirmCode, resendCode } from '@/lib/account/contacts';
import { signUpForm } from '@/lib/account/profile';
import { confirmReactivation, startReactivation } from '@/lib/account/reactivation';
import { readProfile } from '@/lib/account/profile-store';
import { DEFAULT_AUTO_LOCK_MINUTES } from '@/lib/account/records';
import { resetPaymentPassword } from '@/lib/account/payment-password-reset';
import { setPaymentPassword, updatePreferences } from '@/lib/account/settings';
import { signUp } from '@/lib/account/sign-up';
import { recoverWithAnswers, setLoginPassword, unlock } from '@/lib/account/unlock';
import { submitVerification } from '@/lib/identity/verification';
import { describeIssues } from '@/lib/protocol/errors';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { WalletError } from '@/lib/protocol/wallet-error';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/**
 * Who may act and what is secret: sign-up, the lock, recovery, contacts, security settings and identity
 * documents. Anything that reads or writes a secret needs the unlocked vault key; security changes also the
 * payment password, whose authorisation the `lib/` operations take.
 */
export function accountHandlers({ context, session, authorised, passwordScorer }: BackgroundServices) {
  const { db, clock } = context;
  const autoLockMinutes = async () => (await db.security.get('security'))?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;

  return {
    'account.signUp': async ({ form }) => {
      const parsed = signUpForm(clock.now(), bundledPhonePlans, await passwordScorer()).safeParse(form);
      if (!parsed.success) throw new WalletError('INVALID_REQUEST', `The sign-up form is not complete: ${describeIssues(parsed.error)}`);
      const { wallet, dataKey } = unwrap(await signUp(context, parsed.data));
      await session.unlock(dataKey, await autoLockMinutes());
      return { wallet };
    },
    'account.unlock': async ({ loginPassword }) => {
      const { dataKey } = unwrap(await unlock(context, loginPassword));
      await session.unlock(dataKey, await autoLockMinutes());
      return { unlocked: true };
    },
    'account.lock': async () => {
      await session.lock();
      return { locked: true };
    },
    'account.recover': async ({ answers, newPassword }) => {
      const { dataKey } = unwrap(await recoverWithAnswers(context, answers, newPassword, await passwordScorer()));
      await session.unlock(dataKey, await autoLockMinutes());
      return { unlocked: true };
    },
    'account.reactivate': async ({ loginPassword }) => unwrap(await startReactivation(context, loginPassword)),
    'account.confirmReactivation': async ({ code }) => {
      unwrap(await confirmReactivation(context, code));
      return { reactivated: true };
    },
    'account.profile': async () => ({ profile: await readProfile(db, await session.require()) }),
    'contacts.resend': async ({ channel }) => unwrap(await resendCode(context, channel)),
    'contacts.confirm': async ({ channel, code }) => unwrap(await confirmCode(context, channel, code, await session.current())),
    'settings.loginPassword': async ({ paymentPassword, newPassword }) => {
      const strength = await passwordScorer();
      const { key, authorisation } = await authorised(paymentPassword);
      unwrap(await setLoginPassword(context, key, newPassword, strength, authorisation));
      return { changed: true };
    },
    'settings.paymentPassword': async ({ paymentPassword, newPaymentPassword }) => {
      const { authorisation } = await authorised(paymentPassword);
      unwrap(await setPaymentPassword(context, newPaymentPassword, authorisation));
      return { changed: true };
    },
    'settings.resetPaymentPassword': async ({ loginPassword, answers, newPaymentPassword }) => ({
      changed: true,
      ...unwrap(await resetPaymentPassword(context, { loginPassword, answers, newPaymentPassword })),
    }),
    'settings.phone': async ({ paymentPassword, phone }) => {
      const { key, authorisation } = await authorised(paymentPassword);
      return unwrap(await changeContact(context, key, { channel: 'phone', typed: phone, plans: bundledPhonePlans }, authorisation));
    },
    'settings.email': async ({ paymentPassword, email }) => {
      const { key, authorisation } = await authorised(paymentPassword);
      return unwrap(await changeContact(context, key, { channel: 'email', typed: email }, authorisation));
    },
    'settings.address': async ({ paymentPassword, address }) => {
      const { key, authorisation } = await authorised(paymentPassword);
      return unwrap(await changeAddress(context, key, address, authorisation));
    },
    'settings.preferences': async (change) => {
      await session.require();
      const { wallet, security } = unwrap(
        await updatePreferences(context, {
          ...(change.autoLockMinutes !== undefined ? { autoLockMinutes: change.autoLockMinutes } : {}),
          ...(change.refundsToWallet !== undefined ? { refundsToWallet: change.refundsToWallet } : {}),
        }),
      );
      await session.touch(security.autoLockMinutes);
      return { wallet, security: { autoLockMinutes: security.autoLockMinutes } };
    },
    'identity.submit': async ({ submission }) => unwrap(await submitVerification(context, await session.require(), submission)),
  } satisfies Pick<
    RuntimeHandlers,
    | 'account.signUp'
    | 'account.unlock'
    | 'account.lock'
    | 'account.recover'
    | 'account.reactivate'
    | 'account.confirmReactivation'
    | 'account.profile'
    | 'contacts.resend'
    | 'contacts.confirm'
    | 'settings.loginPassword'
    | 'settings.paymentPassword'
    | 'settings.resetPaymentPassword'
    | 'settings.phone'
    | 'settings.email'
    | 'settings.address'
    | 'settings.preferences'
    | 'identity.submit'
  >;
}
