import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage } from './support/driver';
import { expect, test } from './support/fixtures';

// A wallet of its own: the test changes its email and address.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

/** Types the newest code the simulated inbox holds for `channel` into its banner, as the shopper copies it across. */
async function confirmWithInboxCode(page: DriverPage, channel: 'email' | 'phone') {
  const code = (await page.textOf(`[data-testid="inbox-message-${channel}"] [data-testid="inbox-code"]`)).trim();
  await page.fill(`[name="code-${channel}"]`, code);
  await page.click(`[data-testid="confirm-${channel}"]`);
  await expect
    .poll(() => page.evaluate((channel) => document.querySelector(`[data-testid="confirm-${channel}-banner"]`) === null, channel))
    .toBe(true);
}

test('a shopper changes the email, confirmed by a code sent to the new address, and the home address, after the payment password', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html#security'));
  await confirmWithInboxCode(page, 'email');
  await page.waitForText('[data-testid="profile-summary"]', 'ada@example.com · confirmed');

  await page.fill('#change-email-address', 'ada.king@example.org');
  await page.fill('#change-email-payment', SIGN_UP_INPUT.paymentPassword);
  await page.click('[aria-labelledby="change-email-title"] button[type="submit"]');
  await page.waitForText('[data-testid="confirm-email-banner"]', 'a•••@example.org');
  // The old email stays until the new one is confirmed.
  expect(await page.textOf('[data-testid="profile-summary"]')).toContain('ada@example.com');
  await confirmWithInboxCode(page, 'email');
  await page.waitForText('[data-testid="profile-summary"]', 'ada.king@example.org · confirmed');

  await page.fill('#home-address-region', ' ');
  await page.fill('#change-address-payment', SIGN_UP_INPUT.paymentPassword);
  await page.click('[data-testid="change-address-submit"]');
  await page.waitFor('#home-address-region[aria-invalid="true"]');
  await page.fill('#home-address-street', '1 Rue de Rivoli');
  await page.fill('#home-address-city', 'Paris');
  await page.fill('#home-address-region', 'Île-de-France');
  await page.fill('#home-address-postcode', '75001');
  await page.select('#home-address-country', 'FR');
  await page.click('[data-testid="change-address-submit"]');
  await page.waitFor('[data-testid="address-changed"]');
  await page.waitForText('[data-testid="profile-summary"]', '1 Rue de Rivoli, Paris, Île-de-France, 75001, France');
  await page.waitForText('[data-testid="security-events"]', 'Home address changed');
  await page.waitForText('[data-testid="security-events"]', 'Email changed');
  await page.screenshot('contact-changes', 'main');
  await page.close();
});
