import type { DriverPage, WalletFrame } from './driver';
import { expect } from './fixtures';
import { STOREFRONT_URL } from './paths';

/** The host of a card form's "Fill from wallet" frame, as the page's DOM holds it. */
export const FILL_OFFER_HOST = '[data-wallet-frame="fill"]';

/**
 * A page with two card forms, each a number, an expiry and a code under their labels, in one wrapper the second may be
 * placed in with `secondStyle`. Resolves, once each form has its offer, with the first form's offer.
 */
export async function twoCardForms(page: DriverPage, secondStyle = ''): Promise<WalletFrame> {
  await page.goto(`${STOREFRONT_URL}/stores/frameworks/app.html`);
  await page.evaluateScript(`(() => {
    const form = (n, style) => '<form id="card-' + n + '" style="' + style + '"><h2>Card ' + n + '</h2>' +
      '<label>Card number <input name="number-' + n + '" autocomplete="cc-number"></label>' +
      '<label>Expiry (MM/YY) <input name="expiry-' + n + '" autocomplete="cc-exp"></label>' +
      '<label>Security code <input name="cvc-' + n + '" autocomplete="cc-csc"></label></form>';
    document.body.innerHTML = '<style>label{display:block;margin:6px 0}input{display:block;width:180px}</style>' +
      '<h1>Pay with two cards</h1><p>Order total: $120.00</p><div style="position:relative">' +
      form(1, '') + form(2, ${JSON.stringify(secondStyle)}) + '</div>';
  })()`);
  const first = await page.walletFrame('fill', 0);
  await expect.poll(() => first.text()).toContain('Fill from wallet');
  await expect.poll(() => page.evaluate((selector) => document.querySelectorAll(selector).length, FILL_OFFER_HOST)).toBe(2);
  return first;
}
