import { formatMoney } from '../../lib/money';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { seriousViolations } from './support/axe';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { payFromBalance, sendFromPage } from './support/shopping';
import { openExtensionOrigin, prepareWallet, resultOf } from './support/wallet-data';
import { walletSection } from './support/wallet-page';

const REFUND_MINOR = 5_00;
const usd = (amountMinor: number) => formatMoney({ amountMinor, currency: 'USD' }, 'en');

/**
 * Three orders paid from the balance (a checked card vouches for the shopper, so none waits in a payment
 * check): the shop ships the first and the buyer confirms receipt, so it is paid to the shop; the shop
 * refunds $5.00 of the second, whose rest stays held; the third stays held.
 */
async function threeOrders(wallet: WalletDriver): Promise<{ paidMinor: number; heldMinor: number; refundedMinor: number }> {
  const received = await payFromBalance(wallet);
  const refunded = await payFromBalance(wallet);
  const held = await payFromBalance(wallet);
  const shop = await wallet.newPage();
  await shop.goto(`${STOREFRONT_URL}/seller.html`);
  expect(await sendFromPage(shop, { type: 'ship', payload: { orderId: received.orderId, shipping: 'express' } })).toMatchObject({
    type: 'order',
  });
  expect(
    await sendFromPage(shop, {
      type: 'refund',
      payload: { orderId: refunded.orderId, refundId: 'spending-refund', amountMinor: REFUND_MINOR, reason: 'One item was out of stock' },
    }),
  ).toMatchObject({ type: 'order' });
  await shop.close();
  const page = await openExtensionOrigin(wallet);
  await resultOf(page, {
    type: 'orders.confirmReceipt',
    origin: STOREFRONT_URL,
    orderId: received.orderId,
    paymentPassword: SIGN_UP_INPUT.paymentPassword,
  });
  await page.close();
  return {
    paidMinor: received.totalMinor,
    heldMinor: refunded.totalMinor - REFUND_MINOR + held.totalMinor,
    refundedMinor: REFUND_MINOR,
  };
}

/** The table's row for a month: its heading and the amounts of its parts, as the page shows them. */
const rowOf = (page: DriverPage, month: string) =>
  page.evaluate((month) => {
    const row = document.querySelector(`[data-testid="spending-table"] tbody tr[data-month="${month}"]`);
    const cell = (part: string) => row?.querySelector(`[data-part="${part}"]`)?.textContent;
    return {
      month: row?.querySelector('th')?.textContent,
      paid: cell('paidMinor'),
      held: cell('heldMinor'),
      refunded: cell('refundedMinor'),
    };
  }, month);

for (const colorScheme of ['light', 'dark'] as const) {
  test(`where the money went, in ${colorScheme}: the overview's chart and its table show this month's orders paid, held and refunded, and the history's totals follow its filter`, async ({
    walletBrowser,
  }) => {
    test.setTimeout(180_000);
    // A browser of its own in the scheme asked for: the figures are exact, so nothing else may spend from its wallet.
    const wallet = await launchWallet(walletBrowser, { colorScheme });
    try {
      await prepareWallet(wallet, { card: true, availableMinor: 300_00 });
      const expected = await threeOrders(wallet);

      const page = await walletSection(wallet, 'overview');
      await page.waitFor('[data-testid="spending-chart"]');
      // The month the wallet's clock is in, which runs at real speed here: the last of the twelve.
      const month = await page.evaluate(() => {
        const now = new Date();
        return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
      }, undefined);
      const label = await page.evaluate(
        () => document.querySelector('[data-testid="spending-chart"]')?.getAttribute('aria-label') ?? '',
        undefined,
      );
      expect(label).toContain(
        `${usd(expected.paidMinor)} paid to shops, ${usd(expected.heldMinor)} held and ${usd(expected.refundedMinor)} refunded`,
      );

      // The table is the chart's alternative, a keyboard press away.
      await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="spending-table-toggle"]')?.focus(), undefined);
      await page.press('Enter');
      await page.waitFor('[data-testid="spending-table-toggle"][aria-expanded="true"]');
      await expect
        .poll(() => rowOf(page, month))
        .toEqual({
          month: new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00`)),
          paid: usd(expected.paidMinor),
          held: usd(expected.heldMinor),
          refunded: usd(expected.refundedMinor),
        });
      expect(await page.evaluate(() => document.querySelectorAll('[data-testid="spending-table"] tbody tr').length, undefined)).toBe(12);
      expect(await seriousViolations(page), `${colorScheme} overview`).toEqual([]);
      await page.screenshot(`spending-${colorScheme}`, '[data-testid="spending"]');

      // The history's purchases: each order for what it still holds or was paid, the refunded part no longer out.
      await walletSection(wallet, 'history', page);
      await page.select('[data-testid="history-filter-kind"]', 'purchase');
      await page.click('[data-testid="history-filter-apply"]');
      const purchasesMinor = expected.paidMinor + expected.heldMinor;
      await page.waitForText('[data-testid="history-total-out"]', usd(purchasesMinor));
      expect(await page.textOf('[data-testid="history-total-in"]')).toBe(usd(0));
      expect(await page.textOf('[data-testid="history-total-net"]')).toBe(`−${usd(purchasesMinor)}`);
      expect(await seriousViolations(page), `${colorScheme} history`).toEqual([]);
      await page.screenshot(`history-totals-${colorScheme}`, '[data-testid="history-section"]');
      await page.close();
    } finally {
      await wallet.close();
    }
  });
}
