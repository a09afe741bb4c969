import { formatMoney } from '../../lib/money';
import { parseMoney } from '../../lib/money-parse';
import { poll } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { checkoutWithOneProduct } from './support/storefront';
import { openExtensionOrigin, storesOf } from './support/wallet-data';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';

const OPTION_HOST = '[data-wallet-frame="pay"]';

// A wallet of its own holding exactly $150.00 with nothing held: the figures below are exact.
test.use({ walletProfile: 'walking-skeleton', walletNeeds: { availableMinor: 15_000 } });

// The database is there before anyone signs up: this test asks for no wallet.
test.describe(() => {
  test.use({ walletNeeds: undefined });

  test('the background creates the wallet database when the extension starts', async ({ wallet }) => {
    const page = await openExtensionOrigin(wallet);
    expect(await poll(() => storesOf(page), 'the wallet database')).toEqual([
      'accounts',
      'cards',
      'claims',
      'contacts',
      'documents',
      'failedTransfers',
      'inbox',
      'jobs',
      'letters',
      'movementTotals',
      'orders',
      'profile',
      'refunds',
      'security',
      'securityEvents',
      'spendingMonths',
      'topUps',
      'transfers',
      'vault',
      'verification',
      'wallet',
    ]);
    await page.close();
  });
});

test('the popup shows the balance from IndexedDB', async ({ wallet }) => {
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitForText('[data-testid="balance-available"]', '$150.00');
  expect(await popup.textOf('[data-testid="balance-held"]')).toBe('$0.00');
  await popup.screenshot('popup', 'main');
  await popup.close();
});

test("the checkout page offers Pay with wallet with the balance, in the wallet's own frame: the page's document holds none of it", async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await checkoutWithOneProduct(page);
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('Balance: $150.00');
  expect(await option.text()).toContain('Pay with wallet');
  // The page's own scripts see an empty host and cannot reach the frame inside it.
  expect(
    await page.evaluate((selector) => {
      const host = document.querySelector(selector);
      return {
        shadowRoot: host?.shadowRoot ?? null,
        text: host?.textContent,
        inSlot: host?.parentElement?.id,
        frames: window.frames.length,
        found: (window as unknown as { find(text: string): boolean }).find('150.00'),
        inBody: document.body.innerText.includes('150.00'),
      };
    }, OPTION_HOST),
  ).toEqual({ shadowRoot: null, text: '', inSlot: 'wallet-payment-slot', frames: 0, found: false, inBody: false });
  await page.screenshot('checkout');
  await page.close();
});

test('clicking the option opens one confirm window naming the origin and the amount', async ({ wallet }) => {
  const page = await wallet.newPage();
  await checkoutWithOneProduct(page);
  const total = (await page.textOf('[data-testid="checkout-total"]')).trim();
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('Balance');
  await option.click();

  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="confirm-origin"]');
  expect(await confirm.textOf('[data-testid="confirm-origin"]')).toBe(STOREFRONT_URL);
  expect(await confirm.textOf('[data-testid="confirm-amount"]')).toBe(total);
  expect(await confirm.textOf('[data-testid="confirm-merchant"]')).toBe('Demo Market');
  await confirm.screenshot('confirm');

  // A second click re-focuses the open window instead of stacking another approval.
  await option.click();
  await option.answered();
  await expect.poll(async () => (await wallet.pageUrls()).filter((url) => url.includes('/confirm.html')).length).toBe(1);

  await confirm.click('[data-testid="confirm-cancel"]');
  await page.waitForText('#wallet-status', 'cancelled');
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  await page.close();
});

test('a page cannot click the option for the shopper: it cannot reach the frame, and its synthetic clicks open nothing', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await checkoutWithOneProduct(page);
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('Balance');
  const reach = await page.evaluate((selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.focus();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return { shadowRoot: host.shadowRoot, frames: window.frames.length };
  }, OPTION_HOST);
  expect(reach).toEqual({ shadowRoot: null, frames: 0 });
  // The shopper's own click afterwards opens the first and only window.
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  await option.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.click('[data-testid="confirm-cancel"]');
  await page.close();
});

// Paying spends from the $150.00 the tests above read, so it pays from a browser of its own.
test.describe(() => {
  test.use({ ownWallet: true });

  test('paying from the balance holds the money in escrow; the popup shows available and held', async ({ wallet }) => {
    const page = await wallet.newPage();
    await checkoutWithOneProduct(page);
    const total = (await page.textOf('[data-testid="checkout-total"]')).trim();
    const option = await page.walletFrame('pay');
    await expect.poll(() => option.text()).toContain('Balance: $150.00');
    await option.click();

    const confirm = await wallet.waitForPage('/confirm.html');
    await confirm.waitFor('[data-testid="pay"]');
    expect(await confirm.textOf('[data-testid="confirm-method-balance"]')).toBe('Wallet balance ($150.00)');
    await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
    await confirm.screenshot('confirm-pay');
    await confirm.click('[data-testid="pay"]');

    await page.waitForText('[data-testid="order-confirmation"]', 'Paid with your wallet');
    await page.screenshot('checkout-paid');
    const popup = await wallet.newPage();
    await popup.goto(wallet.extensionUrl('/popup.html'));
    await popup.waitForText('[data-testid="balance-held"]', total);
    const paid = parseMoney(total, 'USD');
    if (!paid.ok) throw new Error(`The checkout total ${total} is not an amount`);
    expect(await popup.textOf('[data-testid="balance-available"]')).toBe(
      formatMoney({ amountMinor: 15_000 - paid.value.amountMinor, currency: 'USD' }, 'en'),
    );
    await popup.screenshot('popup-after-payment', 'main');
    await popup.close();
    await page.close();
  });
});
