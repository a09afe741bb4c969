import { parseMoney } from '../../../lib/money-parse';
import type { OrderStatus } from '../../../lib/protocol/checkout';
import type { WalletBalance } from '../../../lib/wallet/balance-schema';
import { SIGN_UP_INPUT } from '../../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './driver';
import { expect } from './fixtures';
import { STOREFRONT_URL } from './paths';
import { checkoutWithOneProduct } from './storefront';
import { askBackground } from './wallet-data';

/** Paying at the demo storefront and following orders there, as several specs do. */

/** The host of the wallet's Pay with wallet frame, as the page's DOM holds it. */
export const OPTION_HOST = '[data-wallet-frame="pay"]';

export type OrderList = 'order' | 'seller-order';
/** A selector inside one order of the orders page (`order`) or of the seller console (`seller-order`). */
export const inOrder = (list: OrderList, orderId: string, selector: string) =>
  `[data-testid="${list}"][data-order-id="${orderId}"] ${selector}`;
export const stateOf = (list: OrderList, orderId: string) =>
  inOrder(list, orderId, `[data-testid="${list === 'order' ? 'order-state' : 'seller-state'}"]`);

/** The balance as the wallet's own pages ask for it, from the popup. */
export async function balanceOf(wallet: WalletDriver): Promise<WalletBalance> {
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitFor('[data-testid="balance-available"]');
  const answer = await askBackground(popup, { type: 'wallet.balance' });
  await popup.close();
  if (!answer.ok) throw new Error(`The wallet's balance: ${answer.error.message}`);
  return answer.result as WalletBalance;
}

/** waitForPage finds the first confirm window, so the last one must be gone before the next opens. */
export async function noConfirmWindow(wallet: WalletDriver): Promise<void> {
  await expect.poll(async () => (await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
}

/** Checks out the shop's first product and opens the wallet's confirm window for it; the option's title is the UI language's. */
export async function openPayment(
  wallet: WalletDriver,
  optionTitle = 'Pay with wallet',
): Promise<{ page: DriverPage; confirm: DriverPage; totalMinor: number }> {
  await noConfirmWindow(wallet);
  const page = await wallet.newPage();
  await checkoutWithOneProduct(page);
  const total = parseMoney((await page.textOf('[data-testid="checkout-total"]')).trim(), 'USD');
  if (!total.ok) throw new Error('The checkout total is not an amount');
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain(optionTitle);
  await option.click();
  // No window means the wallet refused the click or it missed; what the option says then is what a shopper would read.
  const confirm = await wallet.waitForPage('/confirm.html').catch(async (error: Error) => {
    throw new Error(`${error.message}; the option says: ${await option.text()}`);
  });
  return { page, confirm, totalMinor: total.value.amountMinor };
}

/** The checkout's confirmation names the order the wallet paid. */
export async function paidOrderId(page: DriverPage): Promise<string> {
  await page.waitForText('[data-testid="order-confirmation"]', 'Paid with your wallet');
  const orderId = await page.evaluate(
    () => document.querySelector<HTMLElement>('[data-testid="order-confirmation"]')?.dataset.orderId,
    undefined,
  );
  if (!orderId) throw new Error('The confirmation names no order');
  return orderId;
}

export async function payFromBalance(wallet: WalletDriver, optionTitle?: string): Promise<{ orderId: string; totalMinor: number }> {
  const { page, confirm, totalMinor } = await openPayment(wallet, optionTitle);
  await confirm.waitFor('[data-testid="pay"]');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="pay"]');
  const orderId = await paidOrderId(page);
  await page.close();
  return { orderId, totalMinor };
}

/** Opens a page of the shop, which asks the wallet where each order stands, and waits until the order shows `state`. */
export async function shopPageShowing(
  wallet: WalletDriver,
  list: OrderList,
  orderId: string,
  state: OrderStatus['state'],
): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/${list === 'order' ? 'orders' : 'seller'}.html`);
  await page.waitFor(`${stateOf(list, orderId)}[data-state="${state}"]`);
  return page;
}

/** Sends one order request from a page's own script, as any storefront would, and returns the wallet's answer. */
export function sendFromPage(page: DriverPage, request: { type: string; payload: object }): Promise<unknown> {
  return page.evaluate(
    ({ type, payload }) =>
      new Promise<unknown>((resolve) => {
        const requestId = `${type}-${crypto.randomUUID()}`;
        const timer = setTimeout(() => resolve('no answer'), 10_000);
        window.addEventListener('message', (event) => {
          const message = event.data as { type?: string; requestId?: string } | null;
          if (event.source !== window || message?.requestId !== requestId || (message.type !== 'order' && message.type !== 'error')) return;
          clearTimeout(timer);
          resolve(message);
        });
        window.postMessage({ channel: 'wallet-checkout', version: 1, type, requestId, payload }, window.location.origin);
      }),
    request,
  );
}
