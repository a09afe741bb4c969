import { SIGN_UP_INPUT, TEST_CARD } from '../shared/sign-up-input';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

const FILL_HOST = '[data-wallet-card-fill]';

// A wallet of its own with one saved card.
test.use({ walletProfile: 'card-fill' });
test.describe.configure({ mode: 'serial' });

test('a wallet with a saved card', async ({ wallet }) => {
  const page = await openExtensionOrigin(wallet);
  expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'cards.add', card: TEST_CARD })).toMatchObject({ ok: true });
  await page.close();
});

test('a saved WooCommerce checkout gets its card fields filled after the shopper confirms in the wallet', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/woocommerce-checkout.html`);
  const offer = await page.closedShadow(FILL_HOST);
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await page.screenshot('card-fill-offer');
  await offer.click('button');

  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="confirm-origin"]')).toBe(STOREFRONT_URL);
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toContain('card number');
  await confirm.fill('input[name="fillCvc"]', '321');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.screenshot('confirm-fill');
  await confirm.click('[data-testid="fill"]');

  await expect
    .poll(() => page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-number')?.value, undefined))
    .toBe('4242424242424242');
  expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-cvc')?.value, undefined)).toBe('321');
  expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-expiry')?.value, undefined)).toMatch(
    /^12 ?\/ ?(20)?30$/,
  );
  await page.screenshot('card-filled');
  await page.close();
});

test('a store whose card fields sit in a Stripe frame is told plainly that the wallet cannot fill them', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/stripe-elements.html`);
  const note = await page.closedShadow(FILL_HOST);
  await expect.poll(() => note.text()).toContain('cannot fill');
  await page.close();
});

test('a store whose card fields are Stripe’s frames, with Stripe’s stand-in inputs beside them, gets the note naming Stripe and no offer', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/stripe-split-elements.html`);
  const note = await page.closedShadow(FILL_HOST);
  await expect.poll(() => note.text()).toContain('cannot fill');
  expect(await note.text()).toBe(
    'This store takes your card in Stripe’s frame, which the wallet cannot fill. Type the card there yourself.',
  );
  expect(await page.evaluate(() => document.querySelectorAll('[data-wallet-card-fill]').length, undefined)).toBe(1);
  await page.screenshot('card-fill-stripe-note');
  await page.close();
});
