import { test } from './support/fixtures';
import { fillReset } from './support/account-life';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// A wallet of its own: the test locks its payment password for three hours.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

test('a shopper locked out after three wrong payment passwords is told a wrong answer counts, then resets the password, and is told the lock still runs', async ({
  wallet,
}) => {
  const origin = await openExtensionOrigin(wallet);
  for (let tries = 0; tries < 3; tries++)
    await askBackground(origin, { type: 'settings.paymentPassword', paymentPassword: '111222', newPaymentPassword: '864209' });
  await origin.close();

  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html#security'));
  await page.waitFor('[data-testid="payment-locked"]');
  await page.click('[data-testid="forgot-payment-password"]');
  await page.waitForText('[data-testid="reset-payment-password"]', 'does not end this lock early');

  await fillReset(page, ['biscuit', 'Mrs Somerville', 'Marylebone']);
  await page.click('[data-testid="reset-payment-submit"]');
  await page.waitForText('[data-testid="reset-payment-error"]', '2 tries left');

  await page.fill('#reset-answer-0', 'Biscuit');
  await page.screenshot('reset-payment-password-locked', 'main');
  await page.click('[data-testid="reset-payment-submit"]');
  await page.waitForText('[data-testid="payment-password-changed"]', 'It works once the lock ends');
  await page.waitForText('[data-testid="security-events"]', 'Payment password reset');
  await page.close();
});
