import type { DriverPage } from './driver';
import { STOREFRONT_URL } from './paths';

/** Starts a fresh visit to the demo shop, puts its first product in the cart through the page, and opens the checkout. */
export async function checkoutWithOneProduct(page: DriverPage): Promise<void> {
  await page.goto(`${STOREFRONT_URL}/`);
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  }, undefined);
  await page.reload();
  await page.click('main button.primary');
  await page.waitForText('.cart-link .badge', '1');
  await page.goto(`${STOREFRONT_URL}/checkout.html`);
  await page.waitFor('[data-testid="checkout-total"]');
}
