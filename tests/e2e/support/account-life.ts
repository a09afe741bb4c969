import { SIGN_UP_INPUT } from '../../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './driver';
import { expect } from './fixtures';
import { askBackground, openExtensionOrigin } from './wallet-data';

export const NEW_PAYMENT_PASSWORD = '751903';

/** A signed-up wallet with money on it, made through the background: these tests are about what comes after. */
export async function fundedWallet(wallet: WalletDriver): Promise<void> {
  const page = await openExtensionOrigin(wallet);
  const state = await askBackground(page, { type: 'wallet.state' });
  if (state.ok && (state.result as { wallet: unknown }).wallet === null) {
    expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
    expect(await askBackground(page, { type: 'topUps.create', id: 'life-top-up', method: 'e_wallet', amountMinor: 20_000 })).toMatchObject({
      ok: true,
    });
  }
  await page.close();
}

/** Fills "Forgot payment password?" as a shopper would, with `answers` in the order the form asks them. */
export async function fillReset(page: DriverPage, answers = SIGN_UP_INPUT.securityAnswers.map(({ answer }) => answer)) {
  await page.waitFor('[data-testid="reset-payment-password"]');
  await page.fill('#reset-login-password', SIGN_UP_INPUT.loginPassword);
  for (const [index, answer] of answers.entries()) await page.fill(`#reset-answer-${index}`, answer);
  await page.fill('#reset-payment-new', NEW_PAYMENT_PASSWORD);
  await page.fill('#reset-payment-repeat', NEW_PAYMENT_PASSWORD);
}
