import { formatMoney } from '../../lib/money';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { balanceOf, inOrder, noConfirmWindow, openPayment, paidOrderId, sendFromPage, shopPageShowing, stateOf } from './support/shopping';
import { STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin } from './support/wallet-data';
import { addTestCard } from './support/wallet-page';

// A wallet of its own, unverified and without a card, so its purchases meet the payment check: no other spec may
// verify it or link a card. Each test pays an order of its own; the clock test accepts every order then in check,
// which no other test waits on afterwards.
test.use({ walletProfile: 'payment-check', walletNeeds: { availableMinor: 10_000 } });

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' as const });

/** Pays the shop's first product from the balance, reading on the way what the confirm window and the shop's page say. */
async function payInCheck(wallet: WalletDriver, screenshots = false): Promise<{ orderId: string; totalMinor: number }> {
  const { page, confirm, totalMinor } = await openPayment(wallet);
  await confirm.waitFor('[data-testid="pay"]');
  await confirm.waitForText('[data-testid="confirm-payment-check"]', 'this payment is checked first');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  if (screenshots) await confirm.screenshot('confirm-payment-check');
  await confirm.click('[data-testid="pay"]');
  const orderId = await paidOrderId(page);
  await page.waitForText('[data-testid="payment-check-note"]', 'Your wallet is checking this payment');
  if (screenshots) await page.screenshot('checkout-payment-check');
  await page.close();
  return { orderId, totalMinor };
}

async function walletOrders(wallet: WalletDriver): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html#orders'));
  await page.waitFor('[data-testid="order-list"]');
  return page;
}

const walletOrder = (orderId: string, selector: string) => `[data-testid="order-item"][data-order-id="${orderId}"] ${selector}`;

test('order A goes to payment check: the money is held, and the shop, the wallet and the popup say so', async ({ wallet }) => {
  const before = await balanceOf(wallet);
  const { orderId, totalMinor } = await payInCheck(wallet, true);
  expect(await balanceOf(wallet)).toEqual({
    available: usd(before.available.amountMinor - totalMinor),
    held: usd(before.held.amountMinor + totalMinor),
  });

  const orders = await shopPageShowing(wallet, 'order', orderId, 'checking');
  expect(await orders.textOf(stateOf('order', orderId))).toContain('Payment check');
  expect(await orders.textOf(stateOf('order', orderId))).toContain('until then it can be cancelled, not shipped');
  await orders.waitFor(inOrder('order', orderId, '[data-testid="cancel-order"]'));
  expect(
    await orders.evaluate((selector) => document.querySelector(selector), inOrder('order', orderId, '[data-testid="open-dispute"]')),
  ).toBeNull();
  await orders.screenshot('orders-payment-check');
  await orders.close();

  const page = await walletOrders(wallet);
  await page.waitForText(walletOrder(orderId, '[data-testid="order-state"]'), 'Payment check');
  expect(await page.textOf(walletOrder(orderId, '[data-testid="order-state"]'))).toContain('the wallet checks this payment');
  await page.waitFor(walletOrder(orderId, '[data-testid="order-cancel"]'));
  expect(
    await page.evaluate((selector) => document.querySelector(selector), walletOrder(orderId, '[data-testid="order-dispute"]')),
  ).toBeNull();
  await page.screenshot('wallet-orders-payment-check', 'main');
  await page.close();

  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitForText('[data-testid="recent-activity"]', 'In payment check');
  expect(await popup.textOf('[data-testid="balance-held"]')).toBe(formatMoney(usd(before.held.amountMinor + totalMinor), 'en'));
  await popup.screenshot('popup-payment-check', 'main');
  await popup.close();
});

test('the seller console will not ship order A while it is in check, and the wallet refuses a ship request from the shop', async ({
  wallet,
}) => {
  const { orderId: checkedOrderId } = await payInCheck(wallet);
  const seller = await shopPageShowing(wallet, 'seller-order', checkedOrderId, 'checking');
  await seller.waitForText(inOrder('seller-order', checkedOrderId, '[data-testid="ship-not-yet"]'), 'ship once it is accepted');
  expect(
    await seller.evaluate(
      (selector) => document.querySelector<HTMLButtonElement>(selector)?.disabled,
      inOrder('seller-order', checkedOrderId, '[data-testid="mark-shipped"]'),
    ),
  ).toBe(true);
  await seller.screenshot('seller-payment-check');

  // A shop that sends the request anyway, from its own origin, is refused and the order stays as it was.
  expect(await sendFromPage(seller, { type: 'ship', payload: { orderId: checkedOrderId, shipping: 'express' } })).toMatchObject({
    type: 'error',
    payload: { code: 'INVALID_REQUEST', message: expect.stringContaining('payment is in check') },
  });
  expect(await sendFromPage(seller, { type: 'status', payload: { orderId: checkedOrderId } })).toMatchObject({
    type: 'order',
    payload: { state: 'checking', checkEndsAt: expect.any(Number) },
  });
  await seller.close();
});

test("the wallet's clock accepts order A: sped up, the day passes and the seller can ship", async ({ wallet }) => {
  const { orderId: checkedOrderId } = await payInCheck(wallet);
  const extension = await openExtensionOrigin(wallet);
  const before = await balanceOf(wallet);
  expect(await askBackground(extension, { type: 'clock.setSpeedup', speedup: 100_000 })).toMatchObject({ ok: true });
  try {
    // The shop asks where the order stands as a page would, until the wallet says it was accepted.
    const shop = await wallet.newPage();
    await shop.goto(`${STOREFRONT_URL}/seller.html`);
    await expect
      .poll(
        async () =>
          ((await sendFromPage(shop, { type: 'status', payload: { orderId: checkedOrderId } })) as { payload: { state?: string } }).payload
            .state,
        { timeout: 30_000 },
      )
      .toBe('held');
    await shop.close();
  } finally {
    expect(await askBackground(extension, { type: 'clock.setSpeedup', speedup: 1 })).toMatchObject({ ok: true });
  }
  await extension.close();
  // Accepting moves nothing: the same hold keeps the money for the shop.
  expect(await balanceOf(wallet)).toEqual(before);

  const seller = await shopPageShowing(wallet, 'seller-order', checkedOrderId, 'held');
  await seller.select(inOrder('seller-order', checkedOrderId, '[data-testid="ship-kind"]'), 'express');
  await seller.click(inOrder('seller-order', checkedOrderId, '[data-testid="mark-shipped"]'));
  await seller.waitFor(`${stateOf('seller-order', checkedOrderId)}[data-state="shipped"]`);
  await seller.close();

  const page = await walletOrders(wallet);
  await page.waitForText(walletOrder(checkedOrderId, '[data-testid="order-state"]'), 'Shipped on');
  await page.close();
});

test('order B, cancelled by the buyer during its check, gives the money back at once', async ({ wallet }) => {
  const before = await balanceOf(wallet);
  const { orderId, totalMinor } = await payInCheck(wallet);
  expect(await balanceOf(wallet)).toEqual({
    available: usd(before.available.amountMinor - totalMinor),
    held: usd(before.held.amountMinor + totalMinor),
  });

  const page = await shopPageShowing(wallet, 'order', orderId, 'checking');
  await noConfirmWindow(wallet);
  await page.click(inOrder('order', orderId, '[data-testid="cancel-order"]'));
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitForText('[data-testid="order-state"]', 'payment in check');
  await confirm.screenshot('confirm-cancel-payment-check');
  await confirm.click('[data-testid="confirm-order-action"]');

  await page.waitFor(`${stateOf('order', orderId)}[data-state="cancelled"]`);
  expect(await balanceOf(wallet)).toEqual(before);
  await page.close();
});

// Linking a card ends the checks for every later purchase: a wallet of its own.
test.describe(() => {
  test.use({ ownWallet: true });

  test('a card linked in the wallet passes its one-cent check, shown under the card; the next purchase is accepted at once', async ({
    wallet,
  }) => {
    const page = await wallet.newPage();
    await page.goto(wallet.extensionUrl('/wallet.html#cards'));
    await addTestCard(page);
    await page.waitForText('[data-testid="card-check-state"]', 'Passed on');
    await expect
      .poll(() =>
        page.evaluate(() => [...document.querySelectorAll('[data-testid="card-history-row"]')].map((row) => row.textContent), undefined),
      )
      .toEqual([expect.stringMatching(/^Card check refund.*\+\$0\.01$/), expect.stringMatching(/^Card check ·.*−\$0\.01$/)]);
    await page.screenshot('cards-card-check', 'main');
    await page.close();

    const { page: checkout, confirm } = await openPayment(wallet);
    await confirm.waitFor('[data-testid="pay"]');
    expect(await confirm.evaluate(() => document.querySelector('[data-testid="confirm-payment-check"]'), undefined)).toBeNull();
    await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
    await confirm.click('[data-testid="pay"]');
    const orderId = await paidOrderId(checkout);
    expect(await checkout.evaluate(() => document.querySelector('[data-testid="payment-check-note"]'), undefined)).toBeNull();
    await checkout.close();
    const orders = await shopPageShowing(wallet, 'order', orderId, 'held');
    await orders.close();
  });
});
