import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { balanceOf, noConfirmWindow, openPayment, paidOrderId, sendFromPage } from './support/shopping';
import { askBackground, openExtensionOrigin } from './support/wallet-data';

// Balances are compared exactly before and after each stop, within the test: the worker's shared wallet will do.
test.use({ walletNeeds: { availableMinor: 5_000, verified: true } });
test.skip(
  ({ walletBrowser }) => walletBrowser !== 'chromium',
  "Only Chromium's service worker can be stopped by a test (CDP); Firefox runs an event page.",
);

const { paymentPassword } = SIGN_UP_INPUT;
/** Where each stop landed: before the payment was committed (paid again by the shopper) or after it. */
const figures = { kills: 0, payments: 0, beforeCommit: 0, afterCommit: 0 };

/** The order the checkout page is about to pay, as the page shows it. */
async function orderIdOnPage(page: DriverPage): Promise<string> {
  const text = await page.textOf('main');
  const orderId = /Order (ord_[\w-]+)/.exec(text)?.[1];
  if (!orderId) throw new Error('The checkout page names no order');
  return orderId;
}

/** The ledger's holds for an order, read from IndexedDB as the background left it. */
async function holdsFor(wallet: WalletDriver, orderId: string): Promise<number> {
  const page = await openExtensionOrigin(wallet);
  const count = await page.evaluate(
    (orderId) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('wallet');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('transfers').objectStore('transfers').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { kind: string; code: string; orderId?: string }[]).filter(
                (t) => t.kind === 'pending' && t.code === 'purchase' && t.orderId?.endsWith(` ${orderId}`),
              ).length,
            );
            request.result.close();
          };
        };
      }),
    orderId,
  );
  await page.close();
  return count;
}

/**
 * After a payment the stop let through, the confirm window has closed itself on the answer; or, stopped before it
 * could hear one, says the request is closed and where to see whether it went through (the shopper closes it); or,
 * stopped before the approval was closed, asks again, and confirming again replays the payment and closes it.
 */
async function finishConfirmWindow(wallet: WalletDriver): Promise<void> {
  const confirmUrl = async () => (await wallet.pageUrls()).find((url) => url.includes('/confirm.html'));
  const seen = async () => {
    const url = await confirmUrl();
    if (!url) return 'closed';
    const window = await wallet.waitForPage(url);
    const said = await window.evaluate(() => document.querySelector('main')?.textContent ?? '', undefined).catch(() => '');
    if (said.includes('nothing is ever charged twice')) return 'says so';
    const asksAgain = await window
      .evaluate(() => document.querySelector('[data-testid="confirm-refusal"]') !== null, undefined)
      .catch(() => false);
    return asksAgain ? 'asks again' : `waiting: ${said}`;
  };
  await expect.poll(seen).toMatch(/^(closed|says so|asks again)$/);
  const url = await confirmUrl();
  if (!url) return;
  const window = await wallet.waitForPage(url);
  if ((await seen()) === 'asks again') {
    await window.fill('input[name="confirm-payment-password"]', paymentPassword);
    await window.click('[data-testid="pay"]');
    await noConfirmWindow(wallet);
  } else await window.close();
}

async function kill(wallet: WalletDriver) {
  await wallet.stopBackground!();
  figures.kills++;
}

test.afterAll(() => {
  if (figures.kills === 0) return;
  console.log(
    `Killed worker: ${figures.kills} stops survived over ${figures.payments} payments (${figures.beforeCommit} before the commit, paid again; ${figures.afterCommit} after it, found held); no money lost or charged twice.`,
  );
});

test('stopped before the shopper confirms: paying wakes it, the payment is held once and the page hears it', async ({ wallet }) => {
  const before = await balanceOf(wallet);
  const { page, confirm, totalMinor } = await openPayment(wallet);
  const orderId = await orderIdOnPage(page);
  await confirm.waitFor('[data-testid="pay"]');
  await kill(wallet);
  await confirm.fill('input[name="confirm-payment-password"]', paymentPassword);
  await confirm.click('[data-testid="pay"]');
  expect(await paidOrderId(page)).toBe(orderId);
  figures.payments++;
  expect(await holdsFor(wallet, orderId)).toBe(1);
  expect((await balanceOf(wallet)).available.amountMinor).toBe(before.available.amountMinor - totalMinor);
  await page.close();
});

for (const delayMs of [0, 5, 20, 50, 120, 250, 500]) {
  test(`stopped ${delayMs} ms after the shopper confirms: nothing lost or charged twice, and the page learns the outcome by asking`, async ({
    wallet,
  }) => {
    await noConfirmWindow(wallet);
    const before = await balanceOf(wallet);
    const { page, confirm, totalMinor } = await openPayment(wallet);
    const orderId = await orderIdOnPage(page);
    await confirm.waitFor('[data-testid="pay"]');
    await confirm.fill('input[name="confirm-payment-password"]', paymentPassword);
    await confirm.click('[data-testid="pay"]');
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await kill(wallet);

    // Whatever the stop interrupted, the page asking where its order stands gets a true answer,
    // and the shopper can finish: paying again never charges twice.
    const status = (await sendFromPage(page, { type: 'status', payload: { orderId } })) as {
      type: string;
      payload: { state?: string; code?: string };
    };
    if (status.type === 'order') {
      expect(status.payload.state).toBe('held');
      figures.afterCommit++;
      await finishConfirmWindow(wallet);
    } else {
      figures.beforeCommit++;
      expect(status.payload.code).toBe('NOT_FOUND');
      const retry = await wallet.waitForPage('/confirm.html');
      await retry.waitFor('[data-testid="pay"]');
      await retry.fill('input[name="confirm-payment-password"]', paymentPassword);
      await retry.click('[data-testid="pay"]');
      await expect
        .poll(async () => ((await sendFromPage(page, { type: 'status', payload: { orderId } })) as { type: string }).type)
        .toBe('order');
    }
    figures.payments++;
    expect(await holdsFor(wallet, orderId)).toBe(1);
    expect((await balanceOf(wallet)).available.amountMinor).toBe(before.available.amountMinor - totalMinor);
    await page.close();
  });
}

// The login password scorer is a script of the extension's own that the worker runs on first use: Chrome lets a
// woken worker run it only because it ran it once while installing. A wallet of its own, as its password changes.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: {} });

  test('stopped before a login password change: the woken worker still scores it, refusing a weak one and taking a strong one', async ({
    wallet,
  }) => {
    const page = await openExtensionOrigin(wallet);
    await kill(wallet);
    expect(await askBackground(page, { type: 'settings.loginPassword', paymentPassword, newPassword: 'password1234' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', reason: 'password_weak' },
    });
    await kill(wallet);
    expect(
      await askBackground(page, { type: 'settings.loginPassword', paymentPassword, newPassword: 'difference-engine-1822' }),
    ).toMatchObject({ ok: true });
    await page.close();
  });
});
