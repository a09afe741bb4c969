import type { WalletContext } from '../wallet/context';
import { unwrap } from '../wallet/unwrap';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { afterAttempt, lockedUntil, triesLeft } from '../vault/lockout';
import { paymentPasswordMatches } from '../vault/payment-password';
import type { SecurityRecord } from './records';

const lockedMessage = (until: number) =>
  `Payments, card fills and security changes are locked after 3 wrong payment passwords, until ${new Date(until).toISOString()}.`;

declare const paymentPasswordChecked: unique symbol;
/**
 * Proof that the shopper has just typed the right payment password. Only `verifyPaymentPassword` makes
 * one, and every operation that pays, fills a card, reveals or removes one, or changes a security setting
 * takes it as a parameter: no caller can reach such an operation without the check.
 */
export type PaymentAuthorisation = { readonly [paymentPasswordChecked]: true };
const AUTHORISED = Object.freeze({}) as PaymentAuthorisation;

export async function readSecurity(context: WalletContext): Promise<SecurityRecord | undefined> {
  return context.db.security.get('security');
}

/**
 * Checks the payment password before a payment, a card fill or a security change. The slow hash
 * runs outside any transaction; the count is then updated from a fresh read, so two windows
 * guessing at once cannot both slip past the third wrong try.
 */
export async function verifyPaymentPassword(
  context: WalletContext,
  candidate: string,
): Promise<WalletResult<{ authorisation: PaymentAuthorisation }>> {
  const { db, clock } = context;
  const security = await readSecurity(context);
  if (!security) return walletNotOpen();
  const until = lockedUntil(security.paymentLockout, clock.now());
  if (until !== undefined) return refuse('LOCKED', 'payment_password_locked', lockedMessage(until), { lockedUntil: until });

  const matched = await paymentPasswordMatches(security.paymentPassword, candidate);
  const after = await db.transaction('rw', db.security, async () => {
    const fresh = (await db.security.get('security'))!;
    const paymentLockout = afterAttempt(fresh.paymentLockout, matched, clock.now());
    await db.security.put({ ...fresh, paymentLockout });
    return paymentLockout;
  });
  if (matched && after.lockedUntil === undefined) return { ok: true, authorisation: AUTHORISED };
  if (after.lockedUntil !== undefined)
    return refuse('LOCKED', 'payment_password_locked', lockedMessage(after.lockedUntil), { lockedUntil: after.lockedUntil });
  return refuse(
    'WRONG_PASSWORD',
    'wrong_payment_password',
    `The payment password is wrong; ${triesLeft(after)} tries left before a 3-hour lock.`,
    {
      triesLeft: triesLeft(after),
    },
  );
}

/** The payment password's authorisation, or the typed error the router answers a wrong or locked one with. */
export async function requirePaymentPassword(context: WalletContext, candidate: string): Promise<PaymentAuthorisation> {
  return unwrap(await verifyPaymentPassword(context, candidate)).authorisation;
}
