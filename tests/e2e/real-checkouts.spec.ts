import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// Fill from wallet on real stores' card forms (the corpus in tests/fixtures/checkout/real/) and on card forms
// that React and Vue control. The wallet holds one card: Visa 4242 4242 4242 4242, 12/30, Ada Lovelace.
test.use({ walletProfile: 'real-checkouts' });

test.beforeAll(async ({ wallet }) => {
  const page = await openExtensionOrigin(wallet);
  expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'cards.add', card: TEST_CARD })).toMatchObject({ ok: true });
  await page.close();
});

/** Clicks the offer, confirms in the wallet window with the security code 321, and checks what the window lists. */
async function fillFromWallet(wallet: WalletDriver, page: DriverPage, listed: string): Promise<void> {
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await offer.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toBe(listed);
  await confirm.fill('input[name="fillCvc"]', '321');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="fill"]');
}

/** Bundles a framework's card form for the page, as its shop would ship it. */
async function frameworkBundle(file: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../fixtures/checkout/frameworks/${file}`, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

async function openFrameworkForm(wallet: WalletDriver, file: string): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/frameworks/app.html`);
  await page.evaluateScript(await frameworkBundle(file));
  await page.waitFor('#state');
  return page;
}

const stateOf = async (page: DriverPage) => JSON.parse(await page.textOf('#state')) as Record<string, string>;

test('a card form React controls takes the fill into React’s own state', async ({ wallet }) => {
  const page = await openFrameworkForm(wallet, 'react-form.ts');
  await fillFromWallet(wallet, page, 'Fields to fill: name on card, card number, expiry month, expiry year, security code');
  await expect
    .poll(() => stateOf(page))
    .toEqual({ name: 'Ada Lovelace', number: '4242424242424242', month: '12', year: '2030', cvc: '321' });
  await page.screenshot('card-fill-react');
  await page.close();
});

test('a card form Vue binds with v-model takes the fill into Vue’s state, the card type too', async ({ wallet }) => {
  const page = await openFrameworkForm(wallet, 'vue-form.ts');
  await fillFromWallet(wallet, page, 'Fields to fill: card number, expiry, security code, name on card, card type');
  await expect
    .poll(() => stateOf(page))
    .toEqual({ number: '4242424242424242', expiry: '12/30', cvc: '321', name: 'Ada Lovelace', brand: 'VI' });
  await page.screenshot('card-fill-vue');
  await page.close();
});
