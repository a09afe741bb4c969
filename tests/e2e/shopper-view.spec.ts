import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { seriousViolations } from './support/axe';
import { captureDownloads, downloads } from './support/downloads';
import type { DriverPage, LaunchOptions, WalletDriver } from './support/driver';
import { test as walletTest, expect, launchWallet } from './support/fixtures';
import { ROOT, STOREFRONT_URL } from './support/paths';
import { balanceOf, noConfirmWindow, openPayment, payFromBalance, sendFromPage } from './support/shopping';
import { askBackground, confirmContacts, openExtensionOrigin, prepareWallet, resultOf } from './support/wallet-data';
import { walletSection } from './support/wallet-page';

const { paymentPassword, loginPassword } = SIGN_UP_INPUT;

/** Two orders paid from the balance: the shop ships the first and refunds $5.00 of the second, through its own requests. */
async function shippedAndRefunded(wallet: WalletDriver): Promise<{ shippedOrderId: string; refundedOrderId: string }> {
  const { orderId: shippedOrderId } = await payFromBalance(wallet);
  const { orderId: refundedOrderId } = await payFromBalance(wallet);
  const shop = await shopPage(wallet);
  expect(await sendFromPage(shop, { type: 'ship', payload: { orderId: shippedOrderId, shipping: 'express' } })).toMatchObject({
    type: 'order',
  });
  expect(
    await sendFromPage(shop, {
      type: 'refund',
      payload: { orderId: refundedOrderId, refundId: 'shopper-view-refund', amountMinor: 500, reason: 'One item was out of stock' },
    }),
  ).toMatchObject({ type: 'order' });
  await shop.close();
  return { shippedOrderId, refundedOrderId };
}

/**
 * What a shopper's first weeks leave in a wallet, as the history, claims, backup and popup read it: a card, the
 * email and phone confirmed, top-ups of $100.00 (e-wallet), $20.00 (card) and $50.00 (a bank transfer still on its
 * way), and two orders, one shipped and received, the other refunded $5.00 by the shop. Paying is the shopper's
 * alone, in the confirm window; everything else is asked of the background or sent by the shop.
 */
async function buildHistory(wallet: WalletDriver): Promise<void> {
  await prepareWallet(wallet, { card: true });
  const page = await openExtensionOrigin(wallet);
  await confirmContacts(page);
  const [card] = (await resultOf(page, { type: 'cards.list' })).cards;
  await resultOf(page, { type: 'topUps.create', id: 'history-e-wallet', method: 'e_wallet', amountMinor: 100_00 });
  await resultOf(page, {
    type: 'topUps.create',
    id: 'history-card',
    method: 'card',
    amountMinor: 20_00,
    cardId: card!.id,
    paymentPassword,
  });
  await resultOf(page, { type: 'topUps.create', id: 'history-bank', method: 'bank_transfer', amountMinor: 50_00 });
  // The extension page is a confirm window without an approval: it must be gone before the payments open theirs.
  await page.close();
  const { shippedOrderId } = await shippedAndRefunded(wallet);
  const receipt = await openExtensionOrigin(wallet);
  await resultOf(receipt, { type: 'orders.confirmReceipt', origin: STOREFRONT_URL, orderId: shippedOrderId, paymentPassword });
  await receipt.close();
}

const test = walletTest.extend<object, { historyWallet: WalletDriver }>({
  /** The worker's wallet with a shopper's history: the tests that read it change none of what the others read. */
  historyWallet: [
    async ({ workerWallet }, use) => {
      const wallet = await workerWallet();
      await buildHistory(wallet);
      await use(wallet);
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

// A wallet of its own: the figures below are exact, so no other spec may spend from it.
test.use({ walletProfile: 'shopper-view' });

/** A page of the demo shop, from whose origin the shop's own requests (ship, refund) go out. */
async function shopPage(wallet: WalletDriver): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/seller.html`);
  return page;
}

/**
 * Another browser of the same kind, as a shopper's new computer, with the wallet restored from a
 * backup file on its sign-up page; a wrong login password is refused first.
 */
async function restoredInNewBrowser(wallet: WalletDriver, file: string, options: LaunchOptions = {}): Promise<WalletDriver> {
  const fresh = await launchWallet(wallet.browserName, options);
  try {
    const signUp = await fresh.waitForPage('/wallet.html');
    await signUp.click('[data-testid="restore-backup-open"]');
    await signUp.upload('[data-testid="restore-backup-file"]', file);
    await signUp.fill('[data-testid="restore-backup-password"]', 'not-the-password');
    await signUp.click('[data-testid="restore-backup-submit"]');
    await signUp.waitFor('[data-testid="restore-backup"] [role="alert"]');
    await signUp.fill('[data-testid="restore-backup-password"]', loginPassword);
    await signUp.click('[data-testid="restore-backup-submit"]');
    await signUp.waitFor('.wallet-nav');
    await signUp.close();
    return fresh;
  } catch (error) {
    await fresh.close();
    throw error;
  }
}

async function popupPage(wallet: WalletDriver): Promise<DriverPage> {
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitFor('[data-testid="balance-available"]');
  return popup;
}

// The contacts still to confirm and the room before any top-up are there only in a new wallet: each of these
// tests gets one of its own, with a card.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: { card: true } });

  test('a new wallet with a card, its email and phone confirmed from the simulated inbox', async ({ wallet }) => {
    const page = await wallet.newPage();
    await page.goto(wallet.extensionUrl('/wallet.html'));
    for (const channel of ['email', 'phone']) {
      const code = (await page.textOf(`[data-testid="inbox-message-${channel}"] [data-testid="inbox-code"]`)).trim();
      await page.fill(`[name="code-${channel}"]`, code);
      await page.click(`[data-testid="confirm-${channel}"]`);
      await expect
        .poll(() => page.evaluate((banner) => document.querySelector(banner) === null, `[data-testid="confirm-${channel}-banner"]`))
        .toBe(true);
    }
    await page.close();
  });

  test('top up: each method shows its terms and fee before confirming; a card asks the payment password; a bank transfer shows its progress', async ({
    wallet,
  }) => {
    const page = await walletSection(wallet, 'topup');
    await page.waitForText('[data-testid="top-up-terms-e_wallet"]', '0.8%');
    await page.waitForText('[data-testid="top-up-room"]', '$500.00');

    await page.click('[data-testid="top-up-method-e_wallet"]');
    await page.fill('[data-testid="top-up-amount"]', '100');
    await page.waitForText('[data-testid="top-up-summary-fee"]', '$0.80');
    expect(await page.textOf('[data-testid="top-up-summary-total"]')).toContain('$100.80');
    await page.screenshot('top-up', 'main');
    await page.click('[data-testid="top-up-confirm"]');
    await page.waitForText('[data-testid="top-up-done"]', '$100.00');

    await page.click('[data-testid="top-up-method-card"]');
    await page.fill('[data-testid="top-up-amount"]', '20');
    await page.waitForText('[data-testid="top-up-summary-fee"]', 'None');
    await page.click('[data-testid="top-up-confirm"]');
    await page.fill('#top-up-password-password', '000000');
    await page.click('[data-testid="password-prompt-submit"]');
    await page.waitForText('.inline-prompt [role="alert"]', 'payment password is wrong');
    await page.fill('#top-up-password-password', paymentPassword);
    await page.click('[data-testid="password-prompt-submit"]');
    await page.waitForText('[data-testid="top-up-done"]', '$20.00');

    await page.click('[data-testid="top-up-method-bank_transfer"]');
    await page.fill('[data-testid="top-up-amount"]', '10');
    await page.waitForText('[data-testid="top-up-refusal"]', '$21.00');
    await page.fill('[data-testid="top-up-amount"]', '50');
    await page.click('[data-testid="top-up-confirm"]');
    await page.waitForText('[data-testid="top-up-done"]', 'arrives by');
    await page.waitForText('[data-testid="top-up-settling-item"]', '$50.00');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot('top-up-settling', 'main');
    await page.close();

    expect(await balanceOf(wallet)).toMatchObject({ available: { amountMinor: 120_00 }, held: { amountMinor: 0 } });
  });
});

// The orders page shows only this test's orders and refund in a wallet of its own.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: { card: true, availableMinor: 120_00 } });

  test('orders: a shipped order shows its release date, and confirming receipt takes the payment password', async ({ wallet }) => {
    const { shippedOrderId } = await shippedAndRefunded(wallet);

    const page = await walletSection(wallet, 'orders');
    const shipped = `[data-testid="order-item"][data-order-id="${shippedOrderId}"]`;
    await page.waitFor('[data-testid="order-list"]');
    await page.waitForText(`${shipped} [data-testid="order-state"]`, 'Shipped on');
    await page.waitForText(`${shipped} [data-testid="order-state"]`, 'goes to the shop by itself on');
    await page.waitForText('[data-testid="order-refunds"]', '$5.00');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot('orders', 'main');

    await page.click(`${shipped} [data-testid="order-confirm-receipt"]`);
    await page.fill(`${shipped} input[type="password"]`, paymentPassword);
    await page.click(`${shipped} [data-testid="password-prompt-submit"]`);
    await page.waitForText(`${shipped} [data-testid="order-state"]`, 'Received: the shop was paid');
    await page.close();
  });
});

// The tests below read the worker's wallet with a shopper's history, and leave what the others read as it was.
test('history: filters by kind and amount, says what is wrong with an amount, and exports the whole history as CSV', async ({
  historyWallet: wallet,
}) => {
  const page = await walletSection(wallet, 'history');
  await page.waitFor('[data-testid="history-row"]');
  const allRows = await page.evaluate(() => document.querySelectorAll('[data-testid="history-row"]').length, undefined);
  expect(allRows).toBeGreaterThanOrEqual(6);
  await page.screenshot('history', 'main');

  await page.select('[data-testid="history-filter-kind"]', 'top_up');
  await page.click('[data-testid="history-filter-apply"]');
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('[data-testid="history-row"]')].map((row) => row.textContent), undefined))
    .toHaveLength(3);
  expect(await page.textOf('[data-testid="history-table"] tbody')).not.toContain('Purchase');

  await page.fill('[data-testid="history-filter-min"]', 'lots');
  await page.click('[data-testid="history-filter-apply"]');
  await page.waitFor('#history-filter-minAmount-error');
  await page.fill('[data-testid="history-filter-min"]', '30');
  await page.click('[data-testid="history-filter-apply"]');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-testid="history-row"]').length, undefined)).toBe(2);
  expect(await seriousViolations(page)).toEqual([]);

  await page.click('[data-testid="history-filter-clear"]');
  await captureDownloads(page);
  await page.click('[data-testid="history-export"]');
  await expect.poll(async () => (await downloads(page)).length).toBe(1);
  const [csv] = await downloads(page);
  expect(csv!.name).toMatch(/^wallet-history-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv!.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('date,kind,direction,status,amount,currency,counterparty,order,transfer_id');
  expect(lines).toHaveLength(allRows + 1);
  expect(lines.some((line) => line.includes('top_up,in,posted,100.00,USD'))).toBe(true);
  await page.close();
});

test('claims: a purchase from the last 90 days can be claimed, and the claim shows as in review', async ({ historyWallet: wallet }) => {
  const page = await walletSection(wallet, 'claims');
  await page.waitForText('[data-testid="claim-purchase"]', 'Demo Market');
  await page.click('[data-testid="claim-submit"]');
  await page.waitFor('#claim-purchase-error');
  const purchase = await page.evaluate(
    () => document.querySelector<HTMLOptionElement>('[data-testid="claim-purchase"] option:nth-child(2)')?.value ?? '',
    undefined,
  );
  await page.select('[data-testid="claim-purchase"]', purchase);
  await page.fill('[data-testid="claim-reason"]', 'I did not make this purchase');
  await page.click('[data-testid="claim-submit"]');
  await page.waitForText('[data-testid="claim-opened"]', 'Demo Market');
  await page.waitForText('[data-testid="claim-state"]', 'In review');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot('claims', 'main');
  await page.close();
});

test('profile and security: the profile as given at sign-up, the ID number masked', async ({ historyWallet: wallet }) => {
  const page = await walletSection(wallet, 'security');
  await page.waitForText('[data-testid="profile-summary"]', 'Ada Lovelace');
  const profile = await page.textOf('[data-testid="profile-summary"]');
  expect(profile).toContain('••••••567');
  expect(profile).not.toContain('GB1234567');
  expect(profile).toContain('London');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot('profile', 'main');
  await page.close();
});

test('help: the search finds answers as the shopper types and says when nothing matches', async ({ historyWallet: wallet }) => {
  const page = await walletSection(wallet, 'help');
  await page.fill('[data-testid="help-search"]', 'refund');
  await page.waitForText('[data-testid="help-status"]', 'Answers found');
  expect(await page.evaluate(() => document.querySelector('[data-testid="help-topic-refundWhere"]')?.hasAttribute('open'), undefined)).toBe(
    true,
  );
  await page.screenshot('help', 'main');
  await page.fill('[data-testid="help-search"]', 'xylophone');
  await page.waitForText('[data-testid="help-status"]', 'No answer matches');
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test('backup: the encrypted file imports into the same wallet without duplicating anything and restores a new browser', async ({
  historyWallet: wallet,
}) => {
  const page = await walletSection(wallet, 'backup');
  await captureDownloads(page);
  await page.click('[data-testid="backup-export"]');
  await expect.poll(async () => (await downloads(page)).length).toBe(1);
  const [backup] = await downloads(page);
  expect(backup!.name).toMatch(/^wallet-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(backup!.text).not.toContain('4242424242424242');
  expect(backup!.text).not.toContain(SIGN_UP_INPUT.familyName);
  const backupFile = join(ROOT, 'test-results', `wallet-backup-${wallet.browserName}.json`);
  writeFileSync(backupFile, backup!.text);

  await page.upload('[data-testid="backup-import-file"]', backupFile);
  await page.click('[data-testid="backup-import-submit"]');
  await page.waitFor('[data-testid="backup-summary"]');
  await page.waitForText('[data-testid="backup-summary"]', 'already had everything');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot('backup', 'main');
  await page.close();
  const before = await balanceOf(wallet);

  const fresh = await restoredInNewBrowser(wallet, backupFile);
  try {
    expect(await balanceOf(fresh)).toEqual(before);
    const page = await fresh.newPage();
    await page.goto(fresh.extensionUrl('/wallet.html'));
    const cards = await askBackground(page, { type: 'cards.list' });
    const cardId = cards.ok ? (cards.result as { cards: { id: string }[] }).cards[0]?.id : undefined;
    expect(cardId).toBeDefined();
    expect(await askBackground(page, { type: 'cards.reveal', cardId: cardId!, paymentPassword })).toMatchObject({
      ok: true,
      result: { secret: { number: '4242424242424242' } },
    });
  } finally {
    await fresh.close();
  }
});

test('popup: balance, money on its way, recent activity, cards, shortcuts the shopper picks, and lock and unlock in place', async ({
  historyWallet: wallet,
}) => {
  const popup = await popupPage(wallet);
  await popup.waitFor('[data-testid="popup-top-up"]');
  await popup.waitForText('[data-testid="pending-top-ups"]', '$50.00');
  await popup.waitForText('[data-testid="refund-list"]', '$5.00');
  await popup.waitForText('[data-testid="refund-list"]', 'to your wallet');
  await popup.waitForText('[data-testid="recent-activity"]', 'Top-up');
  await popup.waitForText('[data-testid="popup-cards"]', 'Visa •••• 4242');
  await popup.waitFor('[data-testid="popup-shortcut-orders"]');
  expect(await seriousViolations(popup), 'popup').toEqual([]);
  await popup.screenshot('popup', 'main');

  await popup.click('[data-testid="popup-edit-shortcuts"]');
  await popup.click('[data-testid="popup-shortcut-choice-orders"]');
  await popup.click('[data-testid="popup-shortcut-choice-help"]');
  await popup.waitFor('[data-testid="popup-shortcut-help"]');
  await popup.close();
  const reopened = await popupPage(wallet);
  await reopened.waitFor('[data-testid="popup-shortcut-help"]');
  expect(await reopened.evaluate(() => document.querySelector('[data-testid="popup-shortcut-orders"]'), undefined)).toBeNull();

  await reopened.click('[data-testid="popup-lock"]');
  await reopened.waitFor('[data-testid="popup-locked"]');
  expect(await reopened.evaluate(() => document.querySelector('[data-testid="recent-activity"]'), undefined)).toBeNull();
  expect(await seriousViolations(reopened), 'locked popup').toEqual([]);
  await reopened.screenshot('popup-locked', 'main');
  await reopened.fill('#unlock-password', 'wrong password');
  await reopened.click('[data-testid="unlock-submit"]');
  await reopened.waitFor('#unlock-password-error');
  await reopened.fill('#unlock-password', loginPassword);
  await reopened.click('[data-testid="unlock-submit"]');
  await reopened.waitFor('[data-testid="recent-activity"]');
  await reopened.close();
});

test('the confirm window keeps keyboard focus inside it, and focus returns to the option when it closes', async ({
  historyWallet: wallet,
}) => {
  await noConfirmWindow(wallet);
  const { page, confirm } = await openPayment(wallet);
  await confirm.waitFor('[data-testid="pay"]');
  const focusInside = () => confirm.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false, undefined);
  // The window puts focus in its form once it has rendered it.
  await expect.poll(focusInside).toBe(true);
  for (let press = 0; press < 12; press++) {
    await confirm.press('Tab');
    expect(await focusInside(), `after ${press + 1} Tab`).toBe(true);
  }
  for (let press = 0; press < 12; press++) {
    await confirm.press('Shift+Tab');
    expect(await focusInside(), `after ${press + 1} Shift+Tab`).toBe(true);
  }
  await confirm.click('[data-testid="confirm-cancel"]');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-wallet-frame') === 'pay', undefined)).toBe(true);
  await page.close();
});

test('light and dark: the popup and the wallet page follow the system setting', async ({ historyWallet: wallet }) => {
  const bodyColour = (page: DriverPage) => page.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined);
  const light = await popupPage(wallet);
  expect(await bodyColour(light)).toBe('rgb(255, 255, 255)');
  await light.close();
  const overview = await walletSection(wallet, 'overview');
  await overview.waitFor('[data-testid="recent-activity"]');
  expect(await seriousViolations(overview), 'overview').toEqual([]);
  await overview.screenshot('wallet-overview');
  await overview.close();

  const exporter = await openExtensionOrigin(wallet);
  const backupFile = join(ROOT, 'test-results', `wallet-backup-${wallet.browserName}-dark.json`);
  writeFileSync(backupFile, (await resultOf(exporter, { type: 'backup.export' })).contents);
  await exporter.close();
  const dark = await restoredInNewBrowser(wallet, backupFile, { colorScheme: 'dark' });
  try {
    const popup = await popupPage(dark);
    await popup.waitFor('[data-testid="recent-activity"]');
    expect(await bodyColour(popup)).toBe('rgb(16, 21, 28)');
    expect(await seriousViolations(popup), 'dark popup').toEqual([]);
    await popup.screenshot('popup-dark', 'main');
    await popup.close();
    const page = await walletSection(dark, 'overview');
    await page.waitFor('[data-testid="recent-activity"]');
    expect(await bodyColour(page)).toBe('rgb(16, 21, 28)');
    expect(await seriousViolations(page), 'dark overview').toEqual([]);
    await page.screenshot('wallet-overview-dark');
    await walletSection(dark, 'orders', page);
    await page.waitFor('[data-testid="order-list"]');
    expect(await seriousViolations(page), 'dark orders').toEqual([]);
    await page.screenshot('orders-dark', 'main');
    await page.close();
  } finally {
    await dark.close();
  }
});
