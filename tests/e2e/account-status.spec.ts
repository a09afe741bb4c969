import { expect, test } from './support/fixtures';

// A new wallet of its own, so its status is the new wallet's whatever other specs verify.
test.use({ ownWallet: true, walletNeeds: { availableMinor: 20_000 } });

test('a new wallet says it is not verified, with its limit, on the overview and in the popup, each with the way to verification', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html#overview'));
  await page.waitForText('[data-testid="account-status"]', 'Not verified · limit $500.00');
  await page.click('[data-testid="account-status"] a');
  await page.waitFor('a[href="#verification"][aria-current="page"]');
  await page.close();

  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitForText('[data-testid="account-status"]', 'Not verified · limit $500.00');
  expect(await popup.textOf('[data-testid="account-status"] button')).toContain('Verify');
  await popup.screenshot('popup-account-status');
  await popup.close();
});
