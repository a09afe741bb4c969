import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { passwordScore } from '@/lib/account/password-strength';
import {
  checkCode,
  issueChallenge,
  maskContact,
  randomCode,
  resendBlockedUntil,
  CODE_TTL_MS,
  RESEND_COOLDOWN_MS,
} from '@/lib/account/contact-codes';
import { isCodeMessage } from '@/lib/account/records';
import { changeContact, confirmCode, resendCode } from '@/lib/account/contacts';
import { changeAddress } from '@/lib/account/address-change';
import { verifyPaymentPassword } from '@/lib/account/payment-auth';
import { signUpForm } from '@/lib/account/profile';
import { readProfile } from '@/lib/account/profile-store';
import { setPaymentPassword, updatePreferences } from '@/lib/account/settings';
import { signUp } from '@/lib/account/sign-up';
import { recoverWithAnswers, setLoginPassword, unlock } from '@/lib/account/unlock';
import { resetPaymentPassword, type PaymentPasswordReset } from '@/lib/account/payment-password-reset';
import { latestSecurityEvents } from '@/lib/account/security-events';
import { PAYMENT_LOCKOUT, RECOVERY_LOCKOUT } from '@/lib/vault/lockout';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { addCard, removeCard, revealCard, saveCard, setDefaultCard } from '@/lib/wallet/cards/cards';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import { freshDatabase } from './support/with-wallet';

// The schema's minimum: the default 600,000 iterations are checked in vault.test.ts.
const FAST = 100_000;
const ANSWERS = SIGN_UP_INPUT.securityAnswers as { questionId: 'first-pet' | 'first-teacher' | 'childhood-street'; answer: string }[];

async function signedUp() {
  const fresh = freshDatabase();
  const form = signUpForm(fresh.clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT);
  const result = await signUp(fresh.context, form, FAST);
  if (!result.ok) throw new Error(result.message);
  return { ...fresh, dataKey: result.dataKey, wallet: result.wallet };
}

const address = SIGN_UP_INPUT.address as Parameters<typeof addCard>[2]['billingAddress'];

describe('Sign-up', () => {
  it('opens the wallet in the chosen currency with the refunds switch, and writes the vault, the hash, the sealed profile and two codes', async () => {
    const { db, dataKey, wallet } = await signedUp();
    expect(wallet).toMatchObject({ currency: 'USD', verified: false, refundsToWallet: true });
    expect(await db.accounts.get(ACCOUNTS.shopper)).toMatchObject({ currency: 'USD', balanceLimitMinor: 50_000 });
    expect(await db.vault.get('vault')).toBeDefined();
    expect((await db.security.get('security'))?.autoLockMinutes).toBe(15);
    expect(await readProfile(db, dataKey)).toMatchObject({ givenName: 'Ada', phone: '+447400123456', citizenship: 'GB' });
    const inbox = await db.inbox.toArray();
    expect(inbox.map((message) => message.channel).sort()).toEqual(['email', 'phone']);
    expect(inbox.find((message) => message.channel === 'phone')?.to).toBe('+44•••456');
  });

  it('refuses a second sign-up and changes nothing', async () => {
    const { db, context, clock } = await signedUp();
    const before = await db.vault.get('vault');
    const again = await signUp(context, signUpForm(clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT), FAST);
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_DONE', reason: 'already_signed_up' });
    expect(await db.vault.get('vault')).toEqual(before);
    expect(await db.inbox.count()).toBe(2);
  });
});

describe('Unlock and recovery', () => {
  it('unlocks with the login password and refuses a wrong one', async () => {
    const { context } = await signedUp();
    expect(await unlock(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: true });
    expect(await unlock(context, 'analytical-engine-1842')).toMatchObject({
      ok: false,
      code: 'WRONG_PASSWORD',
      reason: 'wrong_login_password',
    });
  });

  it('recovers with the answers: a new password opens the same key, so a card still decrypts, and the old password no longer works', async () => {
    const { context, dataKey } = await signedUp();
    const { card } = (await addCard(context, dataKey, { ...TEST_CARD, id: 'c1', billingAddress: address, save: true }, AUTHORISED)) as {
      card: { id: string };
    };
    const recovered = await recoverWithAnswers(context, ANSWERS, 'difference-engine-1822', passwordScore, FAST);
    expect(recovered.ok).toBe(true);
    const reopened = await unlock(context, 'difference-engine-1822');
    if (!reopened.ok) throw new Error(reopened.message);
    expect(await revealCard(context, reopened.dataKey, card.id, AUTHORISED)).toMatchObject({
      ok: true,
      secret: { number: '4242424242424242' },
    });
    expect(await unlock(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: false });
  });

  it('treats answers as case-sensitive, and waits an hour after three wrong tries', async () => {
    const { context, clock } = await signedUp();
    const wrong = ANSWERS.map((answer, index) => (index === 0 ? { ...answer, answer: 'biscuit' } : answer));
    expect(await recoverWithAnswers(context, wrong, 'new-password-123456', passwordScore, FAST)).toMatchObject({
      code: 'WRONG_PASSWORD',
      triesLeft: 2,
    });
    expect(await recoverWithAnswers(context, wrong, 'new-password-123456', passwordScore, FAST)).toMatchObject({
      code: 'WRONG_PASSWORD',
      triesLeft: 1,
    });
    const locked = await recoverWithAnswers(context, wrong, 'new-password-123456', passwordScore, FAST);
    expect(locked).toMatchObject({ code: 'LOCKED', reason: 'recovery_locked', lockedUntil: clock.now() + RECOVERY_LOCKOUT.lockMs });
    // Even the right answers wait for the hour to pass.
    expect(await recoverWithAnswers(context, ANSWERS, 'new-password-123456', passwordScore, FAST)).toMatchObject({ code: 'LOCKED' });
    clock.advance(RECOVERY_LOCKOUT.lockMs);
    expect(await recoverWithAnswers(context, ANSWERS, 'new-password-123456', passwordScore, FAST)).toMatchObject({ ok: true });
  });

  it('refuses answers to other questions than the ones chosen', async () => {
    const { context } = await signedUp();
    const others = [...ANSWERS].reverse();
    expect(await recoverWithAnswers(context, others, 'new-password-123456', passwordScore, FAST)).toMatchObject({
      reason: 'wrong_questions',
    });
  });

  it('changes the login password without touching what is encrypted', async () => {
    const { context, dataKey, db } = await signedUp();
    await setLoginPassword(context, dataKey, 'jacquard-loom-cards-1804', passwordScore, AUTHORISED, FAST);
    const reopened = await unlock(context, 'jacquard-loom-cards-1804');
    if (!reopened.ok) throw new Error(reopened.message);
    expect((await readProfile(db, reopened.dataKey)).familyName).toBe('Lovelace');
  });
});

describe('Forgotten payment password', () => {
  const NEW = '751903';
  const reset = (context: Parameters<typeof resetPaymentPassword>[0], overrides: Partial<PaymentPasswordReset> = {}) =>
    resetPaymentPassword(
      context,
      { loginPassword: SIGN_UP_INPUT.loginPassword, answers: ANSWERS, newPaymentPassword: NEW, ...overrides },
      FAST,
    );

  it('is reset with the login password and the three answers: the new one pays, the old one no longer does, and the shopper is told', async () => {
    const { context, db } = await signedUp();
    expect(await reset(context)).toEqual({ ok: true });
    expect(await verifyPaymentPassword(context, NEW)).toMatchObject({ ok: true });
    expect(await verifyPaymentPassword(context, SIGN_UP_INPUT.paymentPassword)).toMatchObject({ code: 'WRONG_PASSWORD' });
    const notices = (await db.inbox.toArray()).filter((message) => !isCodeMessage(message));
    expect(notices).toEqual([expect.objectContaining({ channel: 'email', notice: 'payment_password_changed' })]);
    expect((await db.securityEvents.toArray()).map(({ kind }) => kind)).toEqual(['payment_password_reset']);
  });

  it('refuses a wrong login password or a wrong answer alike, changes nothing, and counts with login recovery', async () => {
    const { context, db, clock } = await signedUp();
    const security = await db.security.get('security');
    const inbox = await db.inbox.count();
    const wrongAnswer = ANSWERS.map((answer, index) => (index === 2 ? { ...answer, answer: 'Elm Road' } : answer));
    expect(await reset(context, { loginPassword: 'not-the-login-password' })).toMatchObject({
      code: 'WRONG_PASSWORD',
      reason: 'wrong_login_or_answers',
      triesLeft: 2,
    });
    expect(await reset(context, { answers: wrongAnswer })).toMatchObject({ reason: 'wrong_login_or_answers', triesLeft: 1 });
    expect((await db.security.get('security'))?.paymentPassword).toEqual(security?.paymentPassword);
    expect(await db.inbox.count()).toBe(inbox);
    expect(await db.securityEvents.count()).toBe(0);

    // The third wrong try, made through login recovery, locks both ways in for the hour.
    expect(await recoverWithAnswers(context, wrongAnswer, 'new-password-123456', passwordScore, FAST)).toMatchObject({ code: 'LOCKED' });
    expect(await reset(context)).toMatchObject({ code: 'LOCKED', reason: 'recovery_locked' });
    clock.advance(RECOVERY_LOCKOUT.lockMs);
    expect(await reset(context)).toMatchObject({ ok: true });
  });

  it('holds the new password to the same rules, before anything is counted', async () => {
    const { context, db } = await signedUp();
    expect(await reset(context, { newPaymentPassword: '123456' })).toMatchObject({ code: 'INVALID_REQUEST', reason: 'sequential' });
    expect((await db.security.get('security'))?.recoveryLockout.wrongTries).toBe(0);
    expect(await verifyPaymentPassword(context, SIGN_UP_INPUT.paymentPassword)).toMatchObject({ ok: true });
  });

  it('does not lift a running lock after three wrong payment passwords', async () => {
    const { context, clock } = await signedUp();
    for (let tries = 0; tries < 3; tries++) await verifyPaymentPassword(context, '111222');
    const lockedUntil = clock.now() + PAYMENT_LOCKOUT.lockMs;
    expect(await reset(context)).toEqual({ ok: true, paymentLockedUntil: lockedUntil });
    expect(await verifyPaymentPassword(context, NEW)).toMatchObject({ code: 'LOCKED', lockedUntil });
    clock.set(lockedUntil);
    expect(await verifyPaymentPassword(context, NEW)).toMatchObject({ ok: true });
  });

  it('keeps every security change in the history of security events, newest first', async () => {
    const { context, db, dataKey, clock } = await signedUp();
    await setLoginPassword(context, dataKey, 'jacquard-loom-cards-1804', passwordScore, AUTHORISED, FAST);
    clock.advance(1_000);
    await setPaymentPassword(context, NEW, AUTHORISED, FAST);
    clock.advance(1_000);
    await recoverWithAnswers(context, ANSWERS, 'difference-engine-1822', passwordScore, FAST);
    expect((await latestSecurityEvents(db, 10)).map(({ kind }) => kind)).toEqual([
      'login_password_recovered',
      'payment_password_changed',
      'login_password_changed',
    ]);
  });
});

describe('Payment password', () => {
  it('accepts the right one and counts wrong ones down, then locks for 3 hours by the clock', async () => {
    const { context, clock } = await signedUp();
    expect(await verifyPaymentPassword(context, '204913')).toMatchObject({ ok: true });
    expect(await verifyPaymentPassword(context, '111222')).toMatchObject({ code: 'WRONG_PASSWORD', triesLeft: 2 });
    expect(await verifyPaymentPassword(context, '111222')).toMatchObject({ code: 'WRONG_PASSWORD', triesLeft: 1 });
    const lockedUntil = clock.now() + PAYMENT_LOCKOUT.lockMs;
    expect(await verifyPaymentPassword(context, '111222')).toMatchObject({
      code: 'LOCKED',
      reason: 'payment_password_locked',
      lockedUntil,
    });
    expect(await verifyPaymentPassword(context, '204913')).toMatchObject({ code: 'LOCKED', lockedUntil });
    clock.set(lockedUntil);
    expect(await verifyPaymentPassword(context, '204913')).toMatchObject({ ok: true });
  });

  it('a right password clears the count of wrong ones', async () => {
    const { context } = await signedUp();
    await verifyPaymentPassword(context, '111222');
    await verifyPaymentPassword(context, '111222');
    await verifyPaymentPassword(context, '204913');
    expect(await verifyPaymentPassword(context, '111222')).toMatchObject({ triesLeft: 2 });
  });

  it('changes to a new one that follows the rule, and refuses one that does not', async () => {
    const { context } = await signedUp();
    expect(await setPaymentPassword(context, '123456', AUTHORISED, FAST)).toMatchObject({ ok: false, reason: 'sequential' });
    expect(await setPaymentPassword(context, '777712', AUTHORISED, FAST)).toMatchObject({ ok: false, reason: 'digit_repeated' });
    expect(await verifyPaymentPassword(context, '204913')).toMatchObject({ ok: true });
    expect(await setPaymentPassword(context, '583920', AUTHORISED, FAST)).toEqual({ ok: true });
    expect(await verifyPaymentPassword(context, '583920')).toMatchObject({ ok: true });
    expect(await verifyPaymentPassword(context, '204913')).toMatchObject({ code: 'WRONG_PASSWORD' });
  });
});

describe('Confirmation codes', () => {
  it('makes six-digit codes that expire after 10 minutes, allow 5 tries, and resend after a minute', () => {
    for (let index = 0; index < 200; index++) expect(randomCode()).toMatch(/^\d{6}$/);
    let challenge = issueChallenge(0, '482913');
    expect(resendBlockedUntil(challenge, 0)).toBe(RESEND_COOLDOWN_MS);
    expect(resendBlockedUntil(challenge, RESEND_COOLDOWN_MS)).toBeUndefined();
    expect(checkCode(challenge, '482913', CODE_TTL_MS)).toMatchObject({ ok: false, reason: 'expired' });
    for (let tries = 4; tries >= 0; tries--) {
      const check = checkCode(challenge, '000000', 1);
      expect(check).toMatchObject({ ok: false, reason: 'wrong_code', challenge: { triesLeft: tries } });
      if (check.ok || !check.challenge) throw new Error('expected a wrong code');
      challenge = check.challenge;
    }
    expect(checkCode(challenge, '482913', 1)).toMatchObject({ ok: false, reason: 'no_tries_left' });
    expect(checkCode(undefined, '482913', 1)).toMatchObject({ reason: 'no_code' });
  });

  it('masks addresses for the inbox', () => {
    expect(maskContact('email', 'ada@example.com')).toBe('a•••@example.com');
    expect(maskContact('phone', '+447400123456')).toBe('+44•••456');
  });

  it('confirms the phone with the code from the inbox, and counts a wrong code', async () => {
    const { context, db } = await signedUp();
    const sent = (await db.inbox.toArray()).filter(isCodeMessage).find((message) => message.channel === 'phone')!;
    expect(await confirmCode(context, 'phone', '000000', undefined)).toMatchObject({
      code: 'WRONG_PASSWORD',
      reason: 'wrong_code',
      triesLeft: 4,
    });
    expect(await confirmCode(context, 'phone', sent.code, undefined)).toMatchObject({
      ok: true,
      contact: { confirmedAt: expect.any(Number) },
    });
    expect((await db.contacts.get('phone'))?.challenge).toBeUndefined();
  });

  it('refuses an expired code and a resend inside the cooldown, and resends after it', async () => {
    const { context, clock, db } = await signedUp();
    expect(await resendCode(context, 'email')).toMatchObject({ code: 'LOCKED', reason: 'resend_cooldown' });
    clock.advance(CODE_TTL_MS);
    const old = (await db.inbox.toArray()).filter(isCodeMessage).find((message) => message.channel === 'email')!;
    expect(await confirmCode(context, 'email', old.code, undefined)).toMatchObject({ reason: 'expired' });
    const resent = await resendCode(context, 'email');
    if (!resent.ok) throw new Error(resent.message);
    expect(await db.inbox.where('sentAt').equals(clock.now()).count()).toBe(1);
    expect(await confirmCode(context, 'email', resent.contact.challenge!.code, undefined)).toMatchObject({ ok: true });
  });

  it('changes the phone only once the new number confirms its code, keeping citizenship and the rest', async () => {
    const { context, clock, db, dataKey } = await signedUp();
    clock.advance(RESEND_COOLDOWN_MS);
    const started = await changeContact(
      context,
      dataKey,
      { channel: 'phone', typed: '+1 213 373 4253', plans: bundledPhonePlans },
      AUTHORISED,
    );
    if (!started.ok) throw new Error(started.message);
    expect((await readProfile(db, dataKey)).phone).toBe('+447400123456');
    const code = started.contact.challenge!.code;
    expect(await confirmCode(context, 'phone', code, undefined)).toMatchObject({ code: 'LOCKED', reason: 'wallet_locked' });
    expect(await confirmCode(context, 'phone', code, dataKey)).toMatchObject({ ok: true, contact: { masked: '+12•••253' } });
    expect(await readProfile(db, dataKey)).toMatchObject({ phone: '+12133734253', citizenship: 'GB', givenName: 'Ada' });
  });
});

describe('Email and address', () => {
  it('changes the email only once the new address confirms its code, and records it', async () => {
    const { context, clock, db, dataKey } = await signedUp();
    clock.advance(RESEND_COOLDOWN_MS);
    const started = await changeContact(context, dataKey, { channel: 'email', typed: ' ada.king@example.org ' }, AUTHORISED);
    if (!started.ok) throw new Error(started.message);
    expect(started.contact.pendingChange?.masked).toBe('a•••@example.org');
    expect((await readProfile(db, dataKey)).email).toBe('ada@example.com');
    expect(await confirmCode(context, 'email', started.contact.challenge!.code, dataKey)).toMatchObject({ ok: true });
    expect((await readProfile(db, dataKey)).email).toBe('ada.king@example.org');
    expect((await db.securityEvents.toArray()).map(({ kind }) => kind)).toEqual(['email_changed']);
  });

  it('refuses an address that is not an email or phone number, sending nothing', async () => {
    const { context, clock, db, dataKey } = await signedUp();
    clock.advance(RESEND_COOLDOWN_MS);
    const inbox = await db.inbox.count();
    expect(await changeContact(context, dataKey, { channel: 'email', typed: 'ada@' }, AUTHORISED)).toMatchObject({
      reason: 'email_invalid',
    });
    expect(await changeContact(context, dataKey, { channel: 'phone', typed: '12345', plans: bundledPhonePlans }, AUTHORISED)).toMatchObject(
      { reason: 'phone_invalid' },
    );
    expect(await db.inbox.count()).toBe(inbox);
    expect((await db.contacts.get('email'))?.pendingChange).toBeUndefined();
  });

  it('changes the home address after the payment password, keeping the rest of the profile, and refuses one without a region', async () => {
    const { context, db, dataKey } = await signedUp();
    const address = { street: '1 Rue de Rivoli', city: 'Paris', region: 'Île-de-France', country: 'FR', postcode: '75001' };
    expect(await changeAddress(context, dataKey, { ...address, region: '' }, AUTHORISED)).toMatchObject({ reason: 'address_incomplete' });
    expect((await readProfile(db, dataKey)).address.city).toBe('London');
    expect(await changeAddress(context, dataKey, address, AUTHORISED)).toMatchObject({ ok: true });
    expect(await readProfile(db, dataKey)).toMatchObject({ address, givenName: 'Ada', phone: '+447400123456' });
    expect((await db.securityEvents.toArray()).map(({ kind }) => kind)).toEqual(['address_changed']);
  });
});

describe('Preferences', () => {
  it('sets the auto-lock time and the refund destination', async () => {
    const { context } = await signedUp();
    expect(await updatePreferences(context, { autoLockMinutes: 5, refundsToWallet: false })).toMatchObject({
      ok: true,
      wallet: { refundsToWallet: false },
      security: { autoLockMinutes: 5 },
    });
  });
});

describe('Cards', () => {
  it('adds a card sealed, shown as brand and last four, the first one default', async () => {
    const { context, dataKey, db } = await signedUp();
    const added = await addCard(context, dataKey, { ...TEST_CARD, id: 'c1', billingAddress: address, save: true }, AUTHORISED);
    expect(added).toMatchObject({ ok: true, card: { brand: 'visa', last4: '4242', status: 'saved', expiryMonth: 12, expiryYear: 2030 } });
    expect((await db.wallet.get('wallet'))?.defaultCardId).toBe('c1');
    expect(await revealCard(context, dataKey, 'c1', AUTHORISED)).toMatchObject({
      ok: true,
      secret: { number: '4242424242424242', billingAddress: address },
    });
  });

  it.each([
    ['a number failing Luhn', { number: '4242 4242 4242 4241' }, 'card_invalid_number'],
    ['an expired card', { expiry: '10/26' }, 'card_expired'],
    ['a malformed expiry', { expiry: '13/30' }, 'card_invalid_expiry'],
    ['a short CVV', { cvv: '12' }, 'card_invalid_cvv'],
    ['a blank holder', { holderName: ' ' }, 'card_invalid_holder'],
  ])('refuses %s and stores nothing', async (_name, change, reason) => {
    const { context, dataKey, db } = await signedUp();
    expect(
      await addCard(context, dataKey, { ...TEST_CARD, ...change, id: 'c1', billingAddress: address, save: true }, AUTHORISED),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      reason,
    });
    expect(await db.cards.count()).toBe(0);
  });

  it('refuses the same card twice, but saving a card used once at checkout keeps the same record', async () => {
    const { context, dataKey, db } = await signedUp();
    await addCard(context, dataKey, { ...TEST_CARD, id: 'once', billingAddress: address, save: false }, AUTHORISED);
    expect((await db.wallet.get('wallet'))?.defaultCardId).toBeUndefined();
    expect(await addCard(context, dataKey, { ...TEST_CARD, id: 'again', billingAddress: address, save: true }, AUTHORISED)).toMatchObject({
      ok: true,
      card: { id: 'once', status: 'saved' },
    });
    expect(await addCard(context, dataKey, { ...TEST_CARD, id: 'third', billingAddress: address, save: true }, AUTHORISED)).toMatchObject({
      reason: 'card_already_linked',
    });
    expect(await db.cards.count()).toBe(1);
  });

  it('chooses a default, and removing it erases the sealed number and moves the default', async () => {
    const { context, dataKey, db } = await signedUp();
    await addCard(context, dataKey, { ...TEST_CARD, id: 'visa', billingAddress: address, save: true }, AUTHORISED);
    await addCard(
      context,
      dataKey,
      { ...TEST_CARD, number: '5555 5555 5555 4444', id: 'mc', billingAddress: address, save: true },
      AUTHORISED,
    );
    expect(await setDefaultCard(context, 'mc')).toMatchObject({ ok: true });
    expect(await removeCard(context, 'mc', AUTHORISED)).toMatchObject({ ok: true, card: { status: 'removed' } });
    expect((await db.cards.get('mc'))?.sealedDetails).toBeUndefined();
    expect((await db.wallet.get('wallet'))?.defaultCardId).toBe('visa');
    expect(await revealCard(context, dataKey, 'mc', AUTHORISED)).toMatchObject({ ok: false, reason: 'card_not_found' });
    expect(await removeCard(context, 'mc', AUTHORISED)).toMatchObject({ ok: false, reason: 'card_not_found' });
    expect(await saveCard(context, 'mc', AUTHORISED)).toMatchObject({ ok: false });
  });
});
