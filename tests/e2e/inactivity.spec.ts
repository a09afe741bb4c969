import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { expect, test } from './support/fixtures';
import { openPayment, paidOrderId } from './support/shopping';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// A wallet of its own: the test lets a year of its clock pass.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

test('a wallet unused for 12 months refuses a payment, says why, and pays again once reactivated with the login password and a code to the phone', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html#overview'));
  await page.waitFor('[data-testid="account-status"]');

  // The demo clock's fastest speed lets the year pass in seconds; the overview says when it has.
  const origin = await openExtensionOrigin(wallet);
  expect(await askBackground(origin, { type: 'clock.setSpeedup', speedup: 10_000_000 })).toMatchObject({ ok: true });
  await page.waitFor('[data-testid="wallet-inactive"]');
  expect(await askBackground(origin, { type: 'clock.setSpeedup', speedup: 1 })).toMatchObject({ ok: true });
  await origin.close();

  const refused = await openPayment(wallet);
  await refused.confirm.waitFor('[data-testid="pay"]');
  await refused.confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await refused.confirm.click('[data-testid="pay"]');
  await refused.confirm.waitForText('[data-testid="confirm-refusal"]', 'inactive');
  await refused.confirm.screenshot('confirm-wallet-inactive');
  await refused.confirm.click('[data-testid="confirm-cancel"]');
  await refused.page.close();

  await page.screenshot('wallet-inactive', 'main');
  const latestPhoneCode = async () => (await page.textOf('[data-testid="inbox-message-phone"] [data-testid="inbox-code"]')).trim();
  // The sign-up code is still in the inbox: the reactivation code is the one that arrives after it.
  const signUpCode = await latestPhoneCode();
  await page.fill('#reactivate-password', SIGN_UP_INPUT.loginPassword);
  await page.click('[data-testid="reactivate-send"]');
  await page.waitFor('#reactivate-code');
  await expect.poll(latestPhoneCode).not.toBe(signUpCode);
  const code = await latestPhoneCode();
  await page.fill('#reactivate-code', code);
  await page.click('[data-testid="reactivate-confirm"]');
  await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="wallet-inactive"]') === null, undefined)).toBe(true);
  await page.close();

  const { page: shop, confirm } = await openPayment(wallet);
  await confirm.waitFor('[data-testid="pay"]');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="pay"]');
  await paidOrderId(shop);
  await shop.close();
});
