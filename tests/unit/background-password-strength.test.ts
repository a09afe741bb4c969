import 'fake-indexeddb/auto';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { passwordScore } from '@/lib/account/password-strength';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { dumpWallet, restartWorker, send, startBackground } from './support/with-background';

const STRONG = SIGN_UP_INPUT.loginPassword;
// Ten characters and more, so only the strength rule stands in their way.
const WEAK = ['password1234', 'Lovelace1990'];

const signUp = async (loginPassword = STRONG) =>
  send({ type: 'account.signUp', form: { ...SIGN_UP_INPUT, loginPassword, loginPasswordRepeat: loginPassword } });
const changePassword = (newPassword: string) =>
  send({ type: 'settings.loginPassword', paymentPassword: SIGN_UP_INPUT.paymentPassword, newPassword });
const recover = (newPassword: string) => send({ type: 'account.recover', answers: SIGN_UP_INPUT.securityAnswers, newPassword });

/** The worker's `importScripts` failing on the scorer alone. */
function scorerFailsToLoad() {
  const importScripts = globalThis.importScripts;
  vi.stubGlobal('importScripts', (url: string) => {
    if (url.endsWith('/password-scorer.js')) throw new Error(`The script at '${url}' failed to load.`);
    importScripts(url);
  });
}

/** Signs up with the strong password and locks the wallet, as before a recovery. */
async function signedUpAndLocked() {
  expect(await signUp()).toMatchObject({ ok: true });
  await send({ type: 'account.lock' });
}

describe('Background: the login password strength rule', () => {
  beforeEach(startBackground);

  it.each(WEAK)('refuses a sign-up with %s, saving nothing', async (weak) => {
    const before = await dumpWallet();
    expect(await signUp(weak)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('err_password_weak') },
    });
    expect(await dumpWallet()).toBe(before);
  });

  it('signs up with the strong password of the shared sign-up input', async () => {
    expect(await signUp()).toMatchObject({ ok: true });
  });

  it.each(WEAK)('refuses a change of login password to %s, keeping the old one', async (weak) => {
    expect(await signUp()).toMatchObject({ ok: true });
    const before = await dumpWallet();
    expect(await changePassword(weak)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', reason: 'password_weak' } });
    expect(await dumpWallet()).toBe(before);
    await send({ type: 'account.lock' });
    expect(await send({ type: 'account.unlock', loginPassword: STRONG })).toMatchObject({ ok: true });
  });

  it('changes the login password to a strong one', async () => {
    expect(await signUp()).toMatchObject({ ok: true });
    expect(await changePassword('difference-engine-1822')).toMatchObject({ ok: true });
  });

  it.each(WEAK)('refuses a recovery to %s, writing nothing', async (weak) => {
    await signedUpAndLocked();
    const before = await dumpWallet();
    expect(await recover(weak)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', reason: 'password_weak' } });
    expect(await dumpWallet()).toBe(before);
    expect(await send({ type: 'account.unlock', loginPassword: STRONG })).toMatchObject({ ok: true });
  });

  it('recovers to a strong password', async () => {
    await signedUpAndLocked();
    expect(await recover('difference-engine-1822')).toMatchObject({ ok: true });
  });

  it('refuses a sign-up when the scorer cannot be loaded, saving nothing, and loads it on the next try', async () => {
    // The router reports to the console it had when the worker started.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    restartWorker();
    const importScripts = globalThis.importScripts;
    scorerFailsToLoad();
    const before = await dumpWallet();
    expect(await signUp()).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dumpWallet()).toBe(before);
    expect((logged.mock.calls[0]?.[0] as Error).message).toBe('The password scorer (password-scorer.js) could not be loaded');
    vi.stubGlobal('importScripts', importScripts);
    expect(await signUp()).toMatchObject({ ok: true });
  });

  it('refuses every password it cannot score when the scorer cannot be loaded, saying so and writing nothing', async () => {
    await signedUpAndLocked();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    restartWorker();
    scorerFailsToLoad();
    const locked = await dumpWallet();
    expect(await recover('difference-engine-1822')).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dumpWallet()).toBe(locked);
    expect(await send({ type: 'account.unlock', loginPassword: STRONG })).toMatchObject({ ok: true });
    const unlocked = await dumpWallet();
    expect(await changePassword('difference-engine-1822')).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dumpWallet()).toBe(unlocked);
    for (const [error] of logged.mock.calls)
      expect((error as Error).message).toBe('The password scorer (password-scorer.js) could not be loaded');
    expect(logged).toHaveBeenCalledTimes(2);
  });
});

describe('The scorer the background loads', () => {
  // The wallet page's meter, built as it was before the background loaded it from the extension's files.
  const bundled = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

  it.each([
    ['password1234', []],
    ['AdaLovelace1990', ['Ada', 'Lovelace', 'ada@example.com', 'ada', '1990']],
    ['qwertyuiop123', []],
    ['correct horse battery staple', []],
    ['analytical-engine-1843', ['Ada', 'Lovelace']],
    ['Tr0ub4dor&3', []],
    ['vivid otter lamp quarry 93', []],
  ])('scores %s as the bundled meter does', (password, userInputs) => {
    expect(passwordScore(password, userInputs)).toBe(bundled.check(password, userInputs).score);
  });
});
