import { test } from './support/fixtures';
import { NEW_PAYMENT_PASSWORD, fillReset } from './support/account-life';
import { openPayment, paidOrderId } from './support/shopping';

// A wallet of its own: the test changes its payment password.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

test('a shopper who forgot the payment password at checkout sets a new one in the confirm window and pays with it; the inbox and the security events say so', async ({
  wallet,
}) => {
  const { page, confirm } = await openPayment(wallet);
  await confirm.click('[data-testid="forgot-payment-password"]');
  await fillReset(confirm);
  await confirm.screenshot('confirm-reset-payment-password');
  await confirm.click('[data-testid="reset-payment-submit"]');
  await confirm.waitForText('[data-testid="confirm-notice"]', 'Payment password changed');

  await confirm.fill('input[name="confirm-payment-password"]', NEW_PAYMENT_PASSWORD);
  await confirm.click('[data-testid="pay"]');
  await paidOrderId(page);
  await page.close();

  const walletPage = await wallet.newPage();
  await walletPage.goto(wallet.extensionUrl('/wallet.html#security'));
  await walletPage.waitForText('[data-testid="inbox-notice"]', 'payment password was changed');
  await walletPage.waitForText('[data-testid="security-events"]', 'Payment password reset');
  await walletPage.screenshot('security-events', 'main');
  await walletPage.close();
});
