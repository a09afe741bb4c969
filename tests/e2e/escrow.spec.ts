import { formatMoney } from '../../lib/money';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import type { WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_PORT, STOREFRONT_URL } from './support/paths';
import { askBackground, openExtensionOrigin, resultOf } from './support/wallet-data';
import {
  balanceOf,
  inOrder,
  noConfirmWindow,
  openPayment,
  paidOrderId,
  payFromBalance,
  sendFromPage,
  shopPageShowing,
  stateOf,
} from './support/shopping';

// Each test compares the balance before and after its own order; a worker runs one test at a time, so nothing else
// spends from the wallet in between and it can be the worker's shared one.
// Verified, so its purchases go straight into escrow; payment-check.spec.ts follows a wallet that is not.
test.use({ walletNeeds: { availableMinor: 5_000, verified: true } });

const PARTIAL_REFUND_MINOR = 500;
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' as const });

/** An order of the test's own, paid from the balance and held: a page's order can only be paid the shopper's way, in the confirm window. */
async function heldOrder(wallet: WalletDriver): Promise<string> {
  return (await payFromBalance(wallet)).orderId;
}

/** A held order the shop has marked shipped by express, through its own request. */
async function shippedOrder(wallet: WalletDriver): Promise<string> {
  const orderId = await heldOrder(wallet);
  const shop = await wallet.newPage();
  await shop.goto(`${STOREFRONT_URL}/`);
  expect(await sendFromPage(shop, { type: 'ship', payload: { orderId, shipping: 'express' } })).toMatchObject({ type: 'order' });
  await shop.close();
  return orderId;
}

/** A shipped order whose receipt the buyer confirmed from the wallet's own pages. */
async function receivedOrder(wallet: WalletDriver): Promise<string> {
  const orderId = await shippedOrder(wallet);
  const page = await openExtensionOrigin(wallet);
  await resultOf(page, { type: 'orders.confirmReceipt', origin: STOREFRONT_URL, orderId, paymentPassword: SIGN_UP_INPUT.paymentPassword });
  await page.close();
  return orderId;
}

test('order 1, paid from the balance, is held: the orders page shows what the wallet says', async ({ wallet }) => {
  const before = await balanceOf(wallet);
  const { orderId, totalMinor } = await payFromBalance(wallet);
  const page = await shopPageShowing(wallet, 'order', orderId, 'held');
  expect(await page.textOf(stateOf('order', orderId))).toContain('Held in escrow');
  await page.waitFor(inOrder('order', orderId, '[data-testid="cancel-order"]'));
  await page.screenshot('orders');
  await page.close();
  expect(await balanceOf(wallet)).toEqual({
    available: usd(before.available.amountMinor - totalMinor),
    held: usd(before.held.amountMinor + totalMinor),
  });
});

test('the seller console marks order 1 shipped by express; the orders page shows when escrow releases', async ({ wallet }) => {
  const firstOrderId = await heldOrder(wallet);
  const seller = await shopPageShowing(wallet, 'seller-order', firstOrderId, 'held');
  await seller.select(inOrder('seller-order', firstOrderId, '[data-testid="ship-kind"]'), 'express');
  await seller.click(inOrder('seller-order', firstOrderId, '[data-testid="mark-shipped"]'));
  await seller.waitFor(`${stateOf('seller-order', firstOrderId)}[data-state="shipped"]`);
  await seller.screenshot('seller');
  await seller.close();

  const page = await shopPageShowing(wallet, 'order', firstOrderId, 'shipped');
  expect(await page.textOf(stateOf('order', firstOrderId))).toContain('Goes to the seller on');
  await page.close();
});

// Nothing stays held only in a wallet with no other order.
test.describe(() => {
  test.use({ ownWallet: true });

  test('the buyer confirms receipt of order 1 in the wallet window: it is received and nothing stays held', async ({ wallet }) => {
    const firstOrderId = await shippedOrder(wallet);
    const page = await shopPageShowing(wallet, 'order', firstOrderId, 'shipped');
    await noConfirmWindow(wallet);
    await page.click(inOrder('order', firstOrderId, '[data-testid="confirm-receipt"]'));
    await page.waitForText(inOrder('order', firstOrderId, '[data-testid="order-message"]'), 'Confirm in your wallet');

    const confirm = await wallet.waitForPage('/confirm.html');
    await confirm.waitFor('[data-testid="order-action"]');
    expect(await confirm.textOf('[data-testid="confirm-origin"]')).toBe(STOREFRONT_URL);
    await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
    await confirm.screenshot('confirm-order-action');
    await confirm.click('[data-testid="confirm-order-action"]');

    await page.waitFor(`${stateOf('order', firstOrderId)}[data-state="released"]`);
    expect(await page.textOf(stateOf('order', firstOrderId))).toContain('Received');
    await page.close();

    const popup = await wallet.newPage();
    await popup.goto(wallet.extensionUrl('/popup.html'));
    await popup.waitFor('[data-testid="balance-held"]');
    await expect.poll(() => popup.textOf('[data-testid="balance-held"]')).toBe(formatMoney(usd(0), 'en'));
    await popup.close();
  });
});

test('a refund, shipment, dispute release or status query of order 1 from another origin is answered NOT_FOUND and moves no money', async ({
  wallet,
}) => {
  const firstOrderId = await receivedOrder(wallet);
  const before = await balanceOf(wallet);
  const stranger = await wallet.newPage();
  // The same server under another name: a different origin to the browser, and so to the wallet.
  await stranger.goto(`http://127.0.0.1:${STOREFRONT_PORT}/`);
  const refund = { orderId: firstOrderId, refundId: 'stranger-refund', amountMinor: 100, reason: 'Not my order' };
  expect(await sendFromPage(stranger, { type: 'refund', payload: refund })).toMatchObject({
    type: 'error',
    payload: { code: 'NOT_FOUND' },
  });
  for (const type of ['ship', 'releaseDispute', 'status'])
    expect(
      await sendFromPage(stranger, { type, payload: { orderId: firstOrderId, ...(type === 'ship' ? { shipping: 'express' } : {}) } }),
      type,
    ).toMatchObject({
      type: 'error',
      payload: { code: 'NOT_FOUND' },
    });
  await stranger.close();

  // The shop that was paid still finds the order: the refusal is about the origin, not the id.
  const shop = await wallet.newPage();
  await shop.goto(`${STOREFRONT_URL}/`);
  expect(await sendFromPage(shop, { type: 'status', payload: { orderId: firstOrderId } })).toMatchObject({
    type: 'order',
    payload: { orderId: firstOrderId, state: 'released', refundedMinor: 0 },
  });
  await shop.close();
  expect(await balanceOf(wallet)).toEqual(before);
});

test('order 2 is cancelled by the buyer before shipment, and the money comes back', async ({ wallet }) => {
  const before = await balanceOf(wallet);
  const { orderId } = await payFromBalance(wallet);
  const page = await shopPageShowing(wallet, 'order', orderId, 'held');
  await noConfirmWindow(wallet);
  await page.click(inOrder('order', orderId, '[data-testid="cancel-order"]'));

  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="order-action"]');
  // Cancelling only returns held money, so it asks for no password.
  await confirm.click('[data-testid="confirm-order-action"]');

  await page.waitFor(`${stateOf('order', orderId)}[data-state="cancelled"]`);
  await page.close();
  expect(await balanceOf(wallet)).toEqual(before);
});

test('order 3 is refunded in part by the seller: still held, the refund shown, and the wallet $5.00 richer', async ({ wallet }) => {
  const { orderId } = await payFromBalance(wallet);
  const before = await balanceOf(wallet);
  const seller = await shopPageShowing(wallet, 'seller-order', orderId, 'held');
  await seller.fill(inOrder('seller-order', orderId, '[data-testid="refund-amount"]'), '5.00');
  await seller.fill(inOrder('seller-order', orderId, '[data-testid="refund-reason"]'), 'One mug arrived chipped');
  await seller.click(inOrder('seller-order', orderId, '[data-testid="refund-submit"]'));
  await seller.waitForText(
    inOrder('seller-order', orderId, '[data-testid="refunded-so-far"]'),
    formatMoney(usd(PARTIAL_REFUND_MINOR), 'en'),
  );
  await seller.close();

  const page = await shopPageShowing(wallet, 'order', orderId, 'held');
  await page.waitForText(stateOf('order', orderId), `${formatMoney(usd(PARTIAL_REFUND_MINOR), 'en')} refunded`);
  await page.close();
  expect(await balanceOf(wallet)).toEqual({
    available: usd(before.available.amountMinor + PARTIAL_REFUND_MINOR),
    held: usd(before.held.amountMinor - PARTIAL_REFUND_MINOR),
  });
});

// A short balance, and the one card the wallet then keeps, need a wallet with less than a checkout's total and no card yet.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: { availableMinor: 1_000, verified: true } });

  test('order 4 on a short balance tops up from a new card in the confirm window, which then offers to keep the card', async ({
    wallet,
  }) => {
    // A wallet of its own, a new card typed into the confirm window and saved, then the orders page: Firefox takes about
    // 40 s of the default 60 alone, and a busy CI machine ran out of it once (while opening the last tab).
    test.setTimeout(120_000);
    const before = await balanceOf(wallet);
    const { page, confirm, totalMinor } = await openPayment(wallet);
    expect(before.available.amountMinor).toBeLessThan(totalMinor);
    await confirm.waitFor('[data-testid="confirm-short"]');
    expect(
      await confirm.evaluate(
        () => document.querySelector<HTMLInputElement>('input[name="method"][value="top_up_and_balance"]')?.checked,
        undefined,
      ),
    ).toBe(true);
    await confirm.select('select[name="card"]', 'new');
    await confirm.fill('input[name="newCard.number"]', TEST_CARD.number);
    await confirm.fill('input[name="newCard.expiry"]', TEST_CARD.expiry);
    await confirm.fill('input[name="newCard.holderName"]', TEST_CARD.holderName);
    await confirm.fill('input[name="newCard.cvv"]', TEST_CARD.cvv);
    await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
    await confirm.click('[data-testid="pay"]');

    await confirm.waitFor('[data-testid="save-card-offer"]');
    const orderId = await paidOrderId(page);
    // Saving the card asks for the payment password again, as every card change does.
    await confirm.fill('input[name="save-card-payment-password"]', SIGN_UP_INPUT.paymentPassword);
    await confirm.click('[data-testid="save-card"]');
    await page.close();

    const orders = await shopPageShowing(wallet, 'order', orderId, 'held');
    await orders.close();
    // The shortfall came from the card, so the whole balance went into escrow with it.
    expect(await balanceOf(wallet)).toEqual({ available: usd(0), held: usd(before.held.amountMinor + totalMinor) });
    const popup = await wallet.newPage();
    await popup.goto(wallet.extensionUrl('/popup.html'));
    await expect
      .poll(async () => askBackground(popup, { type: 'cards.list' }))
      .toMatchObject({ ok: true, result: { cards: [{ last4: '4242' }] } });
    await popup.close();
  });
});
