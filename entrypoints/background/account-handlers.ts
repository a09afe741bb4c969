import { confirmCode, changePhone, resendCode } from '@/lib/account/contacts';
import { verifyPaymentPassword } from '@/lib/account/payment-auth';
import { phoneNumber, signUpForm } from '@/lib/account/profile';
import { readProfile } from '@/lib/account/profile-store';
import { setPaymentPassword, updatePreferences } from '@/lib/account/settings';
import { securityQuestionId } from '@/lib/account/security-questions';
import { signUp } from '@/lib/account/sign-up';
import { recoverWithAnswers, setLoginPassword, unlock } from '@/lib/account/unlock';
import { submitVerification } from '@/lib/identity/verification';
import { describeIssues } from '@/lib/protocol/errors';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { WalletError } from '@/lib/protocol/wallet-error';
import { lockedUntil } from '@/lib/vault/lockout';
import { addCard, removeCard, revealCard, saveCard, setDefaultCard } from '@/lib/wallet/cards';
import type { WalletContext } from '@/lib/wallet/context';
import { unwrap } from '@/lib/wallet/unwrap';
import type { VaultSession } from './vault-session';

type AccountHandlers = Pick<
  RuntimeHandlers,
  | 'wallet.state'
  | 'account.signUp'
  | 'account.unlock'
  | 'account.lock'
  | 'account.recover'
  | 'account.profile'
  | 'contacts.resend'
  | 'contacts.confirm'
  | 'settings.loginPassword'
  | 'settings.paymentPassword'
  | 'settings.phone'
  | 'settings.preferences'
  | 'cards.add'
  | 'cards.list'
  | 'cards.save'
  | 'cards.setDefault'
  | 'cards.remove'
  | 'cards.reveal'
  | 'identity.submit'
>;

/**
 * Who may act and what is secret: sign-up, the lock, recovery, security settings, cards and
 * identity documents. Anything that reads or writes a secret needs the unlocked vault key;
 * security changes and card removal also need the payment password.
 */
export function createAccountHandlers(context: WalletContext, session: VaultSession): AccountHandlers {
  const { db, clock } = context;
  const autoLockMinutes = async () => (await db.security.get('security'))?.autoLockMinutes ?? 15;
  /** The vault key, after the payment password: for security changes and revealing a card. */
  const authorised = async (paymentPassword: string) => {
    const key = await session.require();
    unwrap(await verifyPaymentPassword(context, paymentPassword));
    return key;
  };

  return {
    'wallet.state': async () => {
      const [wallet, security, vault, key] = await Promise.all([
        db.wallet.get('wallet'),
        db.security.get('security'),
        db.vault.get('vault'),
        session.current(),
      ]);
      const now = clock.now();
      const paymentLockedUntil = security && lockedUntil(security.paymentLockout, now);
      const recoveryLockedUntil = security && lockedUntil(security.recoveryLockout, now);
      return {
        wallet: wallet ?? null,
        locked: key === undefined,
        ...(security
          ? {
              security: {
                autoLockMinutes: security.autoLockMinutes,
                ...(paymentLockedUntil !== undefined ? { paymentLockedUntil } : {}),
                ...(recoveryLockedUntil !== undefined ? { recoveryLockedUntil } : {}),
              },
            }
          : {}),
        ...(vault ? { questionIds: vault.byAnswers.questionIds.flatMap((id) => securityQuestionId.safeParse(id).data ?? []) } : {}),
      };
    },
    'account.signUp': async ({ form }) => {
      const parsed = signUpForm(clock.now()).safeParse(form);
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
      const { dataKey } = unwrap(await recoverWithAnswers(context, answers, newPassword));
      await session.unlock(dataKey, await autoLockMinutes());
      return { unlocked: true };
    },
    'account.profile': async () => ({ profile: await readProfile(db, await session.require()) }),
    'contacts.resend': async ({ channel }) => unwrap(await resendCode(context, channel)),
    'contacts.confirm': async ({ channel, code }) => unwrap(await confirmCode(context, channel, code, await session.current())),
    'settings.loginPassword': async ({ paymentPassword, newPassword }) => {
      unwrap(await setLoginPassword(context, await authorised(paymentPassword), newPassword));
      return { changed: true };
    },
    'settings.paymentPassword': async ({ paymentPassword, newPaymentPassword }) => {
      await authorised(paymentPassword);
      unwrap(await setPaymentPassword(context, newPaymentPassword));
      return { changed: true };
    },
    'settings.phone': async ({ paymentPassword, phone }) => {
      const parsed = phoneNumber.safeParse(phone);
      if (!parsed.success)
        throw new WalletError('INVALID_REQUEST', 'Type the mobile number in international format, with its country code.', {
          reason: 'err_phone_invalid',
        });
      return unwrap(await changePhone(context, await authorised(paymentPassword), parsed.data));
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
    'cards.add': async ({ card, billingAddress }) => {
      const key = await session.require();
      const address = billingAddress ?? (await readProfile(db, key)).address;
      return unwrap(await addCard(context, key, { ...card, id: crypto.randomUUID(), billingAddress: address, save: true }));
    },
    'cards.list': async () => {
      const [cards, wallet] = await Promise.all([db.cards.toArray(), db.wallet.get('wallet')]);
      // Labels only: the sealed details stay in the background.
      const saved = cards.filter((card) => card.status === 'saved').map(({ sealedDetails: _sealed, ...label }) => label);
      return { cards: saved, ...(wallet?.defaultCardId ? { defaultCardId: wallet.defaultCardId } : {}) };
    },
    'cards.save': async ({ cardId }) => {
      await session.require();
      return unwrap(await saveCard(context, cardId));
    },
    'cards.setDefault': async ({ cardId }) => {
      await session.require();
      return unwrap(await setDefaultCard(context, cardId));
    },
    'cards.remove': async ({ cardId, paymentPassword }) => {
      await authorised(paymentPassword);
      return unwrap(await removeCard(context, cardId));
    },
    'cards.reveal': async ({ cardId, paymentPassword }) => ({
      secret: unwrap(await revealCard(context, await authorised(paymentPassword), cardId)).secret,
    }),
    'identity.submit': async ({ submission }) => unwrap(await submitVerification(context, await session.require(), submission)),
  };
}
