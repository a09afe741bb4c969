import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney } from '../../lib/money';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { ROOT, STOREFRONT_URL } from './support/paths';
import { OPTION_HOST, balanceOf, paidOrderId, payFromBalance, sendFromPage } from './support/shopping';
import { checkoutWithOneProduct } from './support/storefront';
import { POPUP_MAX, STORE_SHOT, composeOver, composedPath, pngSize, publish, shotName } from './support/store-shots';
import { confirmContacts, openExtensionOrigin, prepareWallet, resultOf } from './support/wallet-data';

/**
 * The store listing's screenshots (docs/store/), taken from the real extension in light theme at the stores' size:
 * the checkout with Pay with wallet, the confirm window, the popup, the wallet page and card fill on another store.
 * `STORE_SCREENSHOTS=1 npx playwright test store-screenshots` writes them into the listing; any other run keeps them
 * under test-results and checks their size.
 */

/** What the wallet is topped up to before its first purchase. */
const BALANCE_MINOR = 25_000;
/** The confirm window's inner size: the wallet opens it at 440×640, title bar included. */
const CONFIRM_WINDOW = { width: 440, height: 600 };
const { givenName, familyName, address, email, paymentPassword } = SIGN_UP_INPUT;

/**
 * The listing's languages, as `_locales` names them, with the browser language that shows each: English is named too,
 * so a machine set to another language still takes the English pictures.
 */
const LANGUAGES = [
  { locale: 'en', browserLocale: 'en-US' },
  { locale: 'ru', browserLocale: 'ru' },
  { locale: 'zh_CN', browserLocale: 'zh-CN' },
];

/**
 * The saved WooCommerce checkout of a made-up coffee shop keeps its form but lost its theme's stylesheet, as the
 * card-fill tests want it; this plain stand-in for the theme lets the picture show a store rather than a bare form.
 */
const STORE_THEME = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #3c3f45; background: #ffffff; }
  #masthead { display: flex; justify-content: space-between; align-items: center; padding: 16px 72px; border-bottom: 1px solid #e4e4e4; }
  #masthead::before { content: 'Blue Heron Coffee'; font-size: 24px; font-weight: 700; color: #1d4e63; }
  .cart-contents { color: #1d4e63; text-decoration: none; font-weight: 600; }
  .cart-contents .count { margin-left: 8px; font-weight: 400; color: #6b7076; }
  #content { max-width: 1136px; margin: 0 auto; padding: 0 32px; }
  .entry-title { font-size: 32px; font-weight: 400; margin: 20px 0 12px; }
  .woocommerce-form-coupon-toggle { display: none; }
  form.checkout { display: grid; grid-template-columns: 1fr 1fr; column-gap: 56px; }
  #customer_details { grid-row: 1 / span 2; }
  #order_review_heading { grid-column: 2; margin: 0 0 8px; }
  h3 { font-size: 20px; font-weight: 600; margin: 0 0 8px; }
  .form-row { margin: 0 0 10px; }
  .form-row-first, .form-row-last { display: inline-block; width: calc(50% - 8px); vertical-align: top; }
  .form-row-first { margin-right: 12px; }
  label { display: block; font-size: 14px; font-weight: 600; margin-bottom: 4px; }
  abbr.required, span.required { color: #b3261e; text-decoration: none; border: 0; }
  .input-text { box-sizing: border-box; width: 100% !important; padding: 9px 12px; font: inherit; border: 1px solid #cfd3d8; border-radius: 4px; background: #f7f7f8; }
  table.shop_table { width: 100%; border-collapse: collapse; margin-bottom: 12px; font-size: 15px; }
  .shop_table th, .shop_table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ececec; }
  .woocommerce-shipping-methods { list-style: none; margin: 0; padding: 0; }
  .includes_tax { color: #6b7076; }
  #payment { background: #f4f5f6; border-radius: 6px; padding: 8px 16px 16px; }
  .wc_payment_methods { list-style: none; margin: 0; padding: 0; }
  .wc_payment_method { padding: 6px 0; border-bottom: 1px solid #e4e4e4; }
  .wc_payment_method > label { display: inline; font-weight: 600; }
  .payment_box { background: #ffffff; border-radius: 4px; padding: 12px 16px 4px; margin-top: 8px; }
  fieldset { border: 0; margin: 0; padding: 0; }
  .woocommerce-privacy-policy-text { font-size: 13px; color: #6b7076; }
  .woocommerce-shipping-methods label { display: inline; font-weight: 400; }
  #place_order { width: 100%; padding: 12px; border: 0; border-radius: 4px; background: #1d4e63; color: #ffffff; font: 600 17px system-ui, sans-serif; }
`;

/** A text of the extension in one of its languages. */
const messageOf = (locale: string, key: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key]!
    .message;

/**
 * A wallet as a shopper has it after a while: email and phone confirmed, a card, a top-up, a bank transfer on its
 * way, and an earlier order the shop shipped and refunded in part. Answers the balance left to pay with.
 */
async function aWalletInUse(wallet: WalletDriver, locale: string): Promise<number> {
  await prepareWallet(wallet, { card: true, availableMinor: BALANCE_MINOR });
  const page = await openExtensionOrigin(wallet);
  await confirmContacts(page);
  await resultOf(page, { type: 'topUps.create', id: `store-${crypto.randomUUID()}`, method: 'bank_transfer', amountMinor: 50_00 });
  // The blank extension page is a confirm window, which a payment waits to see closed.
  await page.close();
  const { orderId } = await payFromBalance(wallet, messageOf(locale, 'optionTitle'));
  const shop = await wallet.newPage();
  await shop.goto(`${STOREFRONT_URL}/`);
  expect(await sendFromPage(shop, { type: 'ship', payload: { orderId, shipping: 'express' } })).toMatchObject({ type: 'order' });
  const refund = { orderId, refundId: `store-${crypto.randomUUID()}`, amountMinor: 5_00, reason: 'One mug arrived chipped' };
  expect(await sendFromPage(shop, { type: 'refund', payload: refund })).toMatchObject({ type: 'order' });
  await shop.close();
  return (await balanceOf(wallet)).available.amountMinor;
}

/** The lists the popup and the overview fill from the database after they first draw: a picture waits for each. */
const WALLET_LISTS = ['[data-testid="pending-top-ups"] li', '[data-testid="refund-list"] li', '[data-testid="recent-activity"] li'];

/** Waits until the page has nothing left to draw: its fonts and images loaded, and two frames painted. */
function drawn(page: DriverPage): Promise<void> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, undefined);
}

for (const { locale, browserLocale } of LANGUAGES) {
  test(`store screenshots in ${locale}`, async ({ walletBrowser }) => {
    // AMO takes one set of screenshots for every language; the Chrome Web Store takes one per language.
    test.skip(
      walletBrowser === 'firefox' && locale !== 'en',
      'Firefox shows the extension in another language only with its language pack',
    );
    // A whole wallet's life in one test (sign-up, top-ups, three orders, five pictures), beside others on two cores.
    test.setTimeout(300_000);
    const wallet = await launchWallet(walletBrowser, walletBrowser === 'chromium' ? { locale: browserLocale } : {});
    try {
      const availableMinor = await aWalletInUse(wallet, locale);
      const shots: string[] = [];
      const publishShot = (name: string, path: string) => {
        shots.push(path);
        publish(walletBrowser, locale, name, path);
        return path;
      };
      const shot = async (page: DriverPage, name: string) => {
        await drawn(page);
        return publishShot(name, await page.screenshot(shotName(locale, name)));
      };

      // 1. The checkout, the shopper's address typed and the wallet's option in view with the balance beside it.
      const checkout = await wallet.newPage();
      await checkout.setViewport(STORE_SHOT.width, STORE_SHOT.height);
      await checkoutWithOneProduct(checkout);
      const shipTo = {
        name: `${givenName} ${familyName}`,
        street: address.street,
        city: address.city,
        postcode: address.postcode,
        country: 'United Kingdom',
      };
      for (const [name, value] of Object.entries(shipTo)) await checkout.fill(`input[name="${name}"]`, value);
      const option = await checkout.walletFrame('pay');
      await expect.poll(() => option.text()).toContain(formatMoney({ amountMinor: availableMinor, currency: 'USD' }, browserLocale));
      await checkout.evaluate((host) => {
        (document.activeElement as HTMLElement | null)?.blur();
        // As much of the form above as the window holds, down to the option: the page scrolls only if it must.
        const bottom = document.querySelector(host)!.previousElementSibling!.getBoundingClientRect().bottom;
        window.scrollTo(0, Math.max(0, bottom + 48 - window.innerHeight));
      }, OPTION_HOST);
      const checkoutShot = await shot(checkout, '1-checkout');

      // 2. The confirm window over the checkout, the payment password typed, at the size the wallet opens it.
      await option.click();
      const confirm = await wallet.waitForPage('/confirm.html');
      await confirm.waitFor('[data-testid="pay"]');
      await confirm.setViewport(CONFIRM_WINDOW.width, CONFIRM_WINDOW.height);
      await confirm.fill('input[name="confirm-payment-password"]', paymentPassword);
      await drawn(confirm);
      const confirmWindow = await confirm.screenshot(shotName(locale, 'confirm-window'));
      const confirmAt = { x: STORE_SHOT.width - CONFIRM_WINDOW.width - 72, y: (STORE_SHOT.height - CONFIRM_WINDOW.height) / 2 };
      publishShot('2-confirm', composeOver(checkoutShot, confirmWindow, confirmAt, composedPath(walletBrowser, locale, '2-confirm')));
      await confirm.click('[data-testid="pay"]');
      await paidOrderId(checkout);
      await drawn(checkout);
      const paidShot = await checkout.screenshot(shotName(locale, 'checkout-paid'));
      await checkout.close();

      // 3. The popup over the paid checkout, at the size the browser gives it: the balance left and what is held.
      const popup = await wallet.newPage();
      await popup.goto(wallet.extensionUrl('/popup.html'));
      await popup.waitFor('[data-testid="popup-lock"]');
      for (const list of WALLET_LISTS) await popup.waitFor(list);
      // A popup taller than the browser allows scrolls; the picture ends it below the last line that fits whole, not mid-line.
      const popupSize = await popup.evaluate((max) => {
        const main = document.querySelector('main')!;
        const box = main.getBoundingClientRect();
        const fits = [...main.querySelectorAll('h1, h2, li, p, button, a')]
          .map((element) => element.getBoundingClientRect().bottom)
          .filter((bottom) => bottom <= max.height - box.top);
        return { width: Math.min(Math.ceil(box.right + box.left), max.width), height: Math.ceil(Math.max(...fits) + box.top) };
      }, POPUP_MAX);
      await popup.setViewport(popupSize.width, popupSize.height);
      await drawn(popup);
      const popupWindow = await popup.screenshot(shotName(locale, 'popup-window'));
      const popupAt = { x: STORE_SHOT.width - popupSize.width - 16, y: 8 };
      publishShot('3-popup', composeOver(paidShot, popupWindow, popupAt, composedPath(walletBrowser, locale, '3-popup')));
      await popup.close();

      // 4. The wallet page's overview.
      const walletPage = await wallet.newPage();
      await walletPage.setViewport(STORE_SHOT.width, STORE_SHOT.height);
      await walletPage.goto(wallet.extensionUrl('/wallet.html#overview'));
      await walletPage.waitFor('.wallet-nav a[href="#overview"][aria-current="page"]');
      for (const list of WALLET_LISTS) await walletPage.waitFor(list);
      await shot(walletPage, '4-wallet');
      await walletPage.close();

      // 5. Fill from wallet on another store's checkout, the shopper's details typed.
      const store = await wallet.newPage();
      await store.setViewport(STORE_SHOT.width, STORE_SHOT.height);
      await store.goto(`${STOREFRONT_URL}/stores/woocommerce-checkout.html`);
      await store.evaluate(
        (css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })),
        STORE_THEME,
      );
      const billing = {
        billing_first_name: givenName,
        billing_last_name: familyName,
        billing_address_1: address.street,
        billing_city: address.city,
        billing_postcode: address.postcode,
        billing_email: email,
      };
      for (const [id, value] of Object.entries(billing)) await store.fill(`#${id}`, value);
      await store.walletFrame('fill');
      await store.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
      await shot(store, '5-card-fill');
      await store.close();

      for (const path of shots) expect(pngSize(path), path).toEqual(STORE_SHOT);
    } finally {
      await wallet.close();
    }
  });
}
