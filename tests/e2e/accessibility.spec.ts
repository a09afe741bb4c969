import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { checkoutWithOneProduct } from './support/storefront';
import { askBackground } from './support/wallet-data';

// A signed-up wallet's pages, with a card to list and money enough for the checkout's total.
test.use({ walletNeeds: { card: true, availableMinor: 10_000 } });

// Only a fresh install shows the sign-up form.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: undefined });

  test('the sign-up form has no serious or critical axe violations, with and without errors shown', async ({ wallet }) => {
    const page = await wallet.waitForPage('/wallet.html');
    await page.waitFor('[data-testid="sign-up-submit"]');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('[data-testid="sign-up-submit"]');
    await page.waitFor('.field-error');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

test('every wallet page section, locked and unlocked, has no serious or critical axe violations', async ({ wallet }) => {
  const page = await wallet.newPage();
  for (const section of ['overview', 'cards', 'verification', 'security', 'help']) {
    await page.goto(wallet.extensionUrl(`/wallet.html#${section}`));
    await page.waitFor(`a[href="#${section}"][aria-current="page"]`);
    expect(await seriousViolations(page), section).toEqual([]);
  }
  await page.click('[data-testid="lock"]');
  await page.waitFor('[data-testid="unlock-submit"]');
  expect(await seriousViolations(page), 'locked').toEqual([]);
  await page.click('[data-testid="forgot-password"]');
  await page.waitFor('[data-testid="recover-submit"]');
  expect(await seriousViolations(page), 'recovery').toEqual([]);
  expect(await askBackground(page, { type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword })).toMatchObject({ ok: true });
  await page.close();
});

test('the popup and the confirm window have no serious or critical axe violations', async ({ wallet }) => {
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitFor('[data-testid="balance-available"]');
  expect(await seriousViolations(popup), 'popup').toEqual([]);
  await popup.close();

  const shop = await wallet.newPage();
  await checkoutWithOneProduct(shop);
  const option = await shop.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('covers the total');
  await option.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="pay"]');
  expect(await seriousViolations(confirm), 'confirm').toEqual([]);
  await confirm.click('[data-testid="confirm-cancel"]');
  await shop.close();
});
