import type { Offer } from '../../lib/protocol/checkout';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { seriousViolations } from './support/axe';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { noConfirmWindow, sendFromPage } from './support/shopping';
import { askBackground, openExtensionOrigin, prepareWallet, type WalletNeeds } from './support/wallet-data';

/** A wallet that can pay this spec's orders and fill a card form. */
const NEEDS: WalletNeeds = { card: true, availableMinor: 5_000 };
test.use({ walletNeeds: NEEDS });

/**
 * The inside of the confirm window: the background opens it at 440 × 640 (approvals.ts), less a
 * title bar and, in Chrome, an address bar. Playwright lays every Chromium page out at the
 * context's viewport, so each window is given this size before it is measured.
 */
const WINDOW_INSIDE = { width: 440, height: 580 };

/** Every character Unicode calls a bidi control: none may reach the screen. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ITEM_COUNT = 100;
/** Longer than the window is wide, with nowhere to break. */
const LONG_WORD = 'Unbreakable'.repeat(6);

const itemName = (index: number) =>
  `${String(index + 1).padStart(3, '0')} \u202E${LONG_WORD}\u202C \u2066\u05D7\u05E0\u05D5\u05EA\u2069\u200F`.padEnd(200, ' lorem ipsum');

/**
 * A hostile shop: unclosed overrides and isolates in its name and order id, and a hundred 200-character items full of them.
 * Each order is new to the wallet, so a test can pay or dispute it whatever the wallet paid before.
 */
const offer = (): Offer => ({
  orderId: `ord-\u202Elayout-${crypto.randomUUID().slice(0, 8)}`,
  merchantName: 'Night \u202EMarket \u2066Shop\u200F',
  amountMinor: ITEM_COUNT * 7,
  currency: 'USD',
  items: Array.from({ length: ITEM_COUNT }, (_, index) => ({ name: itemName(index), quantity: 1, unitAmountMinor: 7 })),
  mount: 'main',
});
/** The header line as the shopper must read it: the wallet's words in their places, the page's without controls. */
const merchantLine = ({ orderId }: Offer) => `Merchant says it is: Night Market Shop · Order ${orderId.replace(BIDI_CONTROLS, '')}`;
const DISPUTE_REASON = `It never came \u202Eback\u202C \u2067${'and the tracking number is '.repeat(36)}`;

const PAYMENT_CONTROLS = [
  '[data-testid="confirm-origin"]',
  '[data-testid="confirm-merchant"]',
  '[data-testid="confirm-amount"]',
  '#confirm-payment-password',
  '[data-testid="pay"]',
  '[data-testid="confirm-cancel"]',
];

/**
 * The one step that knows how a page's offer becomes a confirm window: the page posts the offer,
 * the shopper clicks the wallet's option.
 */
async function openConfirmFor(wallet: WalletDriver, page: DriverPage, offer: Offer): Promise<DriverPage> {
  await noConfirmWindow(wallet);
  const answer = await page.evaluate(
    (offer) =>
      new Promise<unknown>((resolve) => {
        const requestId = `offer-${crypto.randomUUID()}`;
        window.addEventListener('message', (event) => {
          const message = event.data as { type?: string; requestId?: string } | null;
          if (event.source === window && message?.requestId === requestId && message.type !== 'offer') resolve(message);
        });
        window.postMessage({ channel: 'wallet-checkout', version: 1, type: 'offer', requestId, payload: offer }, window.location.origin);
      }),
    offer,
  );
  expect(answer).toMatchObject({ type: 'result' });
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('Pay with wallet');
  await option.click();
  return wallet.waitForPage('/confirm.html');
}

async function shopPage(wallet: WalletDriver, path = '/'): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}${path}`);
  return page;
}

/** The confirm window loaded again at its real size, so that it lays itself out and takes focus as it opens; `ready` shows it has. */
async function sizedWindow(confirm: DriverPage, ready: string): Promise<DriverPage> {
  await confirm.waitFor(ready);
  const url = await confirm.evaluate(() => location.href, undefined);
  await confirm.setViewport(WINDOW_INSIDE.width, WINDOW_INSIDE.height);
  await confirm.goto(url);
  await confirm.waitFor(ready);
  expect(await confirm.evaluate(() => [innerWidth, innerHeight], undefined)).toEqual([WINDOW_INSIDE.width, WINDOW_INSIDE.height]);
  return confirm;
}

/** The window is not scrolled either way, and every one of `selectors` lies wholly inside it. */
async function expectOnScreen(confirm: DriverPage, selectors: string[]): Promise<void> {
  const layout = await confirm.evaluate(
    (selectors) => ({
      scrollTop: document.scrollingElement?.scrollTop,
      scrollLeft: document.scrollingElement?.scrollLeft,
      overflowsSideways: document.documentElement.scrollWidth > innerWidth,
      offScreen: selectors.filter((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return !box || box.width === 0 || box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth;
      }),
    }),
    selectors,
  );
  expect(layout).toEqual({ scrollTop: 0, scrollLeft: 0, overflowsSideways: false, offScreen: [] });
}

/** Whether the control is wholly inside the scrolling details' view, where the shopper sees it without scrolling. */
function inDetailsView(confirm: DriverPage, selector: string): Promise<boolean> {
  return confirm.evaluate((selector) => {
    const view = document.querySelector('.confirm-details')!.getBoundingClientRect();
    const box = document.querySelector(selector)?.getBoundingClientRect();
    return Boolean(box && box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1);
  }, selector);
}

/** No bidi control anywhere in the window's text. */
async function expectNoBidiControls(confirm: DriverPage): Promise<void> {
  expect(await confirm.evaluate(() => document.body.textContent, undefined)).not.toMatch(BIDI_CONTROLS);
}

/** No serious accessibility issue and a screenshot to look at; then the shopper cancels, and the shop's page is done with. */
async function screenshotAndCancel(wallet: WalletDriver, page: DriverPage, confirm: DriverPage, name: string): Promise<void> {
  expect(await seriousViolations(confirm)).toEqual([]);
  await confirm.screenshot(name);
  await confirm.click('[data-testid="confirm-cancel"]');
  await noConfirmWindow(wallet);
  await page.close();
}

/** Pays the order from the balance in its confirm window; the shop then finds it held. */
async function payHeld(wallet: WalletDriver, page: DriverPage, confirm: DriverPage, order: Offer): Promise<void> {
  await confirm.fill('#confirm-payment-password', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="pay"]');
  await noConfirmWindow(wallet);
  expect(await sendFromPage(page, { type: 'status', payload: { orderId: order.orderId } })).toMatchObject({
    type: 'order',
    payload: { state: 'held', amountMinor: order.amountMinor },
  });
}

/** Presses Tab until focus is on `selector`, as a keyboard user reaches it. */
async function tabTo(confirm: DriverPage, selector: string): Promise<void> {
  const focused = () => confirm.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);
  for (let press = 0; press < 30 && !(await focused()); press++) await confirm.press('Tab');
  expect(await focused(), `Tab reaches ${selector}`).toBe(true);
}

test('a hundred long items leave the origin, the total and the buttons on screen, and the page cannot reorder the wallet’s words', async ({
  wallet,
}) => {
  const page = await shopPage(wallet);
  const order = offer();
  const confirm = await sizedWindow(await openConfirmFor(wallet, page, order), '[data-testid="pay"]');
  await expectOnScreen(confirm, PAYMENT_CONTROLS);
  expect(await confirm.textOf('[data-testid="confirm-merchant-line"]')).toBe(merchantLine(order));
  await expectNoBidiControls(confirm);
  const isolation = await confirm.evaluate(
    () =>
      ['[data-testid="confirm-merchant"]', '[data-testid="confirm-order"]', '[data-testid="confirm-items"] li > :first-child'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).unicodeBidi,
      ),
    undefined,
  );
  expect(isolation).toEqual(['isolate', 'isolate', 'isolate']);
  expect(await confirm.evaluate(() => document.querySelectorAll('[data-testid="confirm-items"] li').length, undefined)).toBe(ITEM_COUNT);
  expect(await seriousViolations(confirm)).toEqual([]);
  await confirm.screenshot('confirm-window-layout');

  // The list scrolls from the keyboard, with its focus shown, and the window around it stays put.
  await tabTo(confirm, '[data-testid="confirm-items"]');
  expect(
    await confirm.evaluate(() => {
      const list = document.activeElement!;
      return list.matches(':focus-visible') && getComputedStyle(list).outlineStyle !== 'none';
    }, undefined),
  ).toBe(true);
  await confirm.press('Space');
  await expect
    .poll(() => confirm.evaluate(() => document.querySelector('[data-testid="confirm-items"]')!.scrollTop, undefined))
    .toBeGreaterThan(0);
  await expectOnScreen(confirm, PAYMENT_CONTROLS);
  await confirm.screenshot('confirm-window-layout-scrolled');

  // The most a payment asks for, a new card typed here, scrolls the details and moves nothing else.
  // What each choice reveals below it is brought into view: in this window it appears below the fold.
  await confirm.click('input[name="method"][value="card"]');
  await expect.poll(() => inDetailsView(confirm, '#confirm-card')).toBe(true);
  await confirm.select('#confirm-card', 'new');
  await confirm.waitFor('input[name="newCard.number"]');
  await expect.poll(() => inDetailsView(confirm, 'input[name="newCard.number"]')).toBe(true);
  await expectOnScreen(confirm, PAYMENT_CONTROLS);
  await confirm.screenshot('confirm-window-layout-new-card');

  await confirm.click('input[name="method"][value="balance"]');
  await payHeld(wallet, page, confirm, order);
  await page.close();
});

test('a dispute of that order, with a long reason full of bidi controls, keeps the action, the header and the buttons on screen', async ({
  wallet,
}) => {
  const page = await shopPage(wallet);
  // There is no other way to pay than the shopper's: the order is paid in the confirm window.
  const order = offer();
  const pay = await openConfirmFor(wallet, page, order);
  await pay.waitFor('[data-testid="pay"]');
  await payHeld(wallet, page, pay, order);
  // A buyer action is asked for from the shopper's own click on the page; its answer comes only once they decide.
  await page.evaluate(
    (payload) => {
      const button = document.createElement('button');
      button.id = 'open-dispute';
      button.textContent = 'Open a dispute';
      button.addEventListener('click', () =>
        window.postMessage(
          { channel: 'wallet-checkout', version: 1, type: 'dispute', requestId: `dispute-${crypto.randomUUID()}`, payload },
          window.location.origin,
        ),
      );
      document.body.prepend(button);
    },
    { orderId: order.orderId, reason: DISPUTE_REASON },
  );
  await page.click('#open-dispute');
  const confirm = await sizedWindow(await wallet.waitForPage('/confirm.html'), '[data-testid="confirm-order-action"]');
  await expectOnScreen(confirm, [
    '[data-testid="confirm-origin"]',
    '[data-testid="confirm-amount"]',
    '[data-testid="order-action"]',
    '[data-testid="confirm-order-action"]',
    '[data-testid="confirm-cancel"]',
  ]);
  expect(await confirm.textOf('[data-testid="confirm-merchant-line"]')).toBe(merchantLine(order));
  expect(await confirm.textOf('[data-testid="order-dispute-reason"]')).toBe(`Your reason: ${DISPUTE_REASON.replace(BIDI_CONTROLS, '')}`);
  await expectNoBidiControls(confirm);
  await screenshotAndCancel(wallet, page, confirm, 'confirm-window-layout-dispute');
});

test('locked, the unlock form follows the list, and the origin and the total stay on screen', async ({ wallet }) => {
  const extensionPage = await openExtensionOrigin(wallet);
  expect(await askBackground(extensionPage, { type: 'account.lock' })).toMatchObject({ ok: true });
  await extensionPage.close();
  const page = await shopPage(wallet);
  const confirm = await sizedWindow(await openConfirmFor(wallet, page, offer()), '[data-testid="unlock-submit"]');
  await expectOnScreen(confirm, ['[data-testid="confirm-origin"]', '[data-testid="confirm-amount"]', '[data-testid="unlock-submit"]']);
  expect(await seriousViolations(confirm)).toEqual([]);
  await confirm.screenshot('confirm-window-layout-locked');
  await confirm.fill('#unlock-password', SIGN_UP_INPUT.loginPassword);
  await confirm.click('[data-testid="unlock-submit"]');
  await confirm.waitFor('[data-testid="pay"]');
  await expectOnScreen(confirm, PAYMENT_CONTROLS);
  await screenshotAndCancel(wallet, page, confirm, 'confirm-window-layout-unlocked');
});

test('a card fill keeps the origin, the password and the buttons on screen', async ({ wallet }) => {
  const page = await shopPage(wallet, '/stores/woocommerce-checkout.html');
  const fillOffer = await page.walletFrame('fill');
  await expect.poll(() => fillOffer.text()).toContain('Fill from wallet');
  await fillOffer.click();
  const confirm = await sizedWindow(await wallet.waitForPage('/confirm.html'), '[data-testid="fill"]');
  await expectOnScreen(confirm, [
    '[data-testid="confirm-origin"]',
    '[data-testid="fill-total"]',
    '#confirm-payment-password',
    '[data-testid="fill"]',
    '[data-testid="confirm-cancel"]',
  ]);
  await screenshotAndCancel(wallet, page, confirm, 'confirm-window-layout-fill');
});

test('in dark, the long order keeps the same layout in the theme’s colours', async ({ walletBrowser }) => {
  const dark = await launchWallet(walletBrowser, { colorScheme: 'dark' });
  try {
    await prepareWallet(dark, NEEDS);
    const page = await shopPage(dark);
    const confirm = await sizedWindow(await openConfirmFor(dark, page, offer()), '[data-testid="pay"]');
    expect(await confirm.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined)).toBe('rgb(16, 21, 28)');
    await expectOnScreen(confirm, PAYMENT_CONTROLS);
    await screenshotAndCancel(dark, page, confirm, 'confirm-window-layout-dark');
  } finally {
    await dark.close();
  }
});
