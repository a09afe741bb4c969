import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { passwordScore } from '@/lib/account/password-strength';
import { ACTIVITY_PRECISION_MS, activityStanding, monthsLater } from '@/lib/account/inactivity';
import { signUpForm } from '@/lib/account/profile';
import { confirmReactivation, startReactivation } from '@/lib/account/reactivation';
import { isCodeMessage } from '@/lib/account/records';
import { signUp } from '@/lib/account/sign-up';
import { unlock } from '@/lib/account/unlock';
import { readBalance } from '@/lib/wallet/balance';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { AUTHORISED } from './support/authorised';
import { MONDAY, SHOP, freshDatabase, freshWallet, offer } from './support/with-wallet';
import { pay } from '@/lib/wallet/orders/payments';

// The schema's minimum: the default 600,000 iterations are checked in vault.test.ts.
const FAST = 100_000;

async function signedUp() {
  const fresh = freshDatabase();
  const result = await signUp(fresh.context, signUpForm(fresh.clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT), FAST);
  if (!result.ok) throw new Error(result.message);
  return fresh;
}

const eWallet = (id: string) => ({ id, method: 'e_wallet' as const, amountMinor: 1_000 });

describe('Inactivity', () => {
  it('warns from 11 months after the last activity and is inactive from 12, by calendar months', () => {
    const wallet = { openedAt: MONDAY };
    expect(activityStanding(wallet, monthsLater(MONDAY, 11) - 1).state).toBe('active');
    expect(activityStanding(wallet, monthsLater(MONDAY, 11))).toEqual({ state: 'warned', inactiveAt: monthsLater(MONDAY, 12) });
    expect(activityStanding(wallet, monthsLater(MONDAY, 12)).state).toBe('inactive');
    expect(activityStanding({ ...wallet, lastActivityAt: monthsLater(MONDAY, 6) }, monthsLater(MONDAY, 12)).state).toBe('active');
  });

  it('a top-up keeps the wallet active; twelve months without one refuses payments and top-ups and keeps the balance', async () => {
    const { context, clock, db } = await signedUp();
    clock.set(monthsLater(MONDAY, 11));
    expect(await topUp(context, eWallet('t1'))).toMatchObject({ ok: true });
    clock.set(monthsLater(MONDAY, 12));
    expect(await topUp(context, eWallet('t2'))).toMatchObject({ ok: true });

    const balance = await readBalance(db);
    clock.set(monthsLater(clock.now(), 12));
    expect(await topUp(context, eWallet('t3'))).toMatchObject({ ok: false, code: 'LOCKED', reason: 'wallet_inactive' });
    expect(await db.topUps.get('t3')).toBeUndefined();
    expect(await readBalance(db)).toEqual(balance);
  });

  it('a payment keeps the wallet active, and is refused once it is inactive, with no money held', async () => {
    const { context, clock, db } = await freshWallet();
    expect(await topUp(context, { id: 't1', method: 'e_wallet', amountMinor: 10_000 })).toMatchObject({ ok: true });
    clock.set(monthsLater(MONDAY, 11));
    expect(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_1' }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
    });
    clock.set(monthsLater(MONDAY, 23));
    const balance = await readBalance(db);
    expect(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_2' }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: false,
      reason: 'wallet_inactive',
    });
    expect(await db.orders.count()).toBe(1);
    expect(await readBalance(db)).toEqual(balance);
  });

  it('notes activity to the hour: a payment within an hour of the last leaves the wallet record as it was', async () => {
    const { context, clock, db } = await freshWallet();
    expect(await topUp(context, { id: 't1', method: 'e_wallet', amountMinor: 10_000 })).toMatchObject({ ok: true });
    const noted = (await db.wallet.get('wallet'))!.lastActivityAt;
    expect(noted).toBe(clock.now());
    clock.set(noted! + ACTIVITY_PRECISION_MS - 1);
    expect(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_1' }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
    });
    expect((await db.wallet.get('wallet'))!.lastActivityAt).toBe(noted);
    clock.set(noted! + ACTIVITY_PRECISION_MS);
    expect(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_2' }), method: 'balance' }, AUTHORISED)).toMatchObject({
      ok: true,
    });
    expect((await db.wallet.get('wallet'))!.lastActivityAt).toBe(clock.now());
  });

  it('signing in counts as activity, but does not wake an inactive wallet', async () => {
    const { context, clock, db } = await signedUp();
    clock.set(monthsLater(MONDAY, 11));
    expect(await unlock(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: true });
    expect((await db.wallet.get('wallet'))?.lastActivityAt).toBe(clock.now());
    clock.set(monthsLater(clock.now(), 12));
    expect(await unlock(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: true });
    expect(activityStanding((await db.wallet.get('wallet'))!, clock.now()).state).toBe('inactive');
  });

  it('is reactivated by the login password and a code sent to the phone, and then takes top-ups again', async () => {
    const { context, clock, db } = await signedUp();
    expect(await startReactivation(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: false, reason: 'wallet_active' });
    clock.set(monthsLater(MONDAY, 12));
    expect(await startReactivation(context, 'not-the-password')).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(await startReactivation(context, SIGN_UP_INPUT.loginPassword)).toMatchObject({ ok: true, sentTo: '+44•••456' });
    const sent = (await db.inbox.orderBy('sentAt').reverse().toArray()).filter(isCodeMessage)[0]!;
    expect(sent.channel).toBe('phone');

    expect(await confirmReactivation(context, '000000')).toMatchObject({ reason: 'wrong_code', triesLeft: 4 });
    expect(await topUp(context, eWallet('t1'))).toMatchObject({ reason: 'wallet_inactive' });
    expect(await confirmReactivation(context, sent.code)).toEqual({ ok: true });
    expect(await topUp(context, eWallet('t1'))).toMatchObject({ ok: true });
    expect((await db.securityEvents.toArray()).map(({ kind }) => kind)).toEqual(['wallet_reactivated']);
  });
});
