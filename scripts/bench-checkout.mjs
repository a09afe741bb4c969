// The checkout page with and without the extension, in headless Chromium, for `npm run bench`:
// how much the wallet adds to the page's load, how soon its option shows after the page's offer, and what
// it costs store pages that keep changing (bench-mutations.mjs).
// The functions given to the page run in the browser, where these exist.
/* global window, document, requestAnimationFrame, location, addEventListener, postMessage */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { mutationBench } from './bench-mutations.mjs';
import { interleaved } from './bench-pairs.mjs';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';
import { extensionOrigin, workerStopper } from './worker-stopper.mjs';

/** Loads are quick and vary more than the rest: more pairs than the least the budgets ask. */
const LOAD_PAIRS = 15;

// Stamps when the page posts its offer and, in the wallet's frame, when the option shows its text:
// the frame is another document (another process in Chromium), so both are stamped in wall-clock
// time (timeOrigin + now), which both processes share.
const STAMPS = () => {
  const wallClock = () => performance.timeOrigin + performance.now();
  if (location.pathname.endsWith('/inline.html')) {
    const look = () => {
      if (document.getElementById('detail')?.textContent) /** @type {any} */ (window).__shownAt = wallClock();
      else requestAnimationFrame(look);
    };
    look();
    return;
  }
  const post = window.postMessage.bind(window);
  /** @type {any} */ (window).postMessage = (/** @type {any} */ message, /** @type {any} */ ...rest) => {
    if (message?.channel === 'wallet-checkout' && message.type === 'offer') /** @type {any} */ (window).__offerAt = wallClock();
    return post(message, ...rest);
  };
};

/** When the wallet's frame on `page` showed its option, in wall-clock ms. @param {import('@playwright/test').Page} page */
async function shownAt(page) {
  for (;;) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/inline.html')) continue;
      const at = await frame.evaluate(() => /** @type {any} */ (window).__shownAt).catch(() => undefined);
      if (at !== undefined) return /** @type {number} */ (at);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// In the page: a burst of 10,000 checkout messages, then a message that refers to itself. Each message
// is its own task, in which the wallet's listener runs first: the gap between two arrivals at the page's
// own listener is how long the page's main thread was held for one message.
const STALLS = async () => {
  /** @type {number[]} */
  const arrivals = [];
  addEventListener('message', () => arrivals.push(performance.now()));
  const longestGap = () =>
    arrivals.reduce((longest, at, index) => (index === 0 ? 0 : Math.max(longest, at - (arrivals[index - 1] ?? at))), 0);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  for (let index = 0; index < 10_000; index++)
    postMessage(
      { channel: 'wallet-checkout', version: 1, type: 'status', requestId: `flood-${index}`, payload: { orderId: `ord_${index}` } },
      location.origin,
    );
  const burstPostedAt = performance.now();
  await settle();
  const burst = { longestMs: longestGap(), drainMs: (arrivals.at(-1) ?? burstPostedAt) - burstPostedAt };
  arrivals.length = 0;
  /** @type {Record<string, unknown>} */
  const payload = { orderId: 'ord_1' };
  for (let index = 0; index < 40; index++) payload[`self${index}`] = payload;
  const postedAt = performance.now();
  postMessage({ channel: 'wallet-checkout', version: 1, type: 'status', requestId: 'self', payload }, location.origin);
  await settle();
  return { burst, selfReferenceMs: (arrivals[0] ?? postedAt) - postedAt };
};

/**
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function checkoutBench(executablePath, root) {
  // A port the system gives: another bench on the machine may hold any fixed one, and would answer for it.
  const server = spawn(process.execPath, [join(root, 'scripts', 'storefront-server.mjs')], {
    env: { ...process.env, STOREFRONT_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {import('@playwright/test').BrowserContext[]} */
  const contexts = [];
  try {
    const base = await listeningAt(server);
    const extension = join(root, '.output', 'chrome-mv3');
    // Both browsers are open at once and loaded in turn, so the machine's other work falls on both alike.
    const withWallet = await checkoutPage(executablePath, base, [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ]);
    const without = await checkoutPage(executablePath, base, []);
    contexts.push(withWallet.context, without.context);
    // The wallet opens its welcome tab on install, in front of the page: a tab behind another draws almost no frames,
    // which would leave the drawing of the page and of the wallet's option out of every figure.
    const welcome = (/** @type {import('@playwright/test').Page} */ page) => page.url().endsWith('/wallet.html');
    if (!withWallet.context.pages().some(welcome))
      await withWallet.context.waitForEvent('page', { predicate: welcome, timeout: 10_000 }).catch(() => undefined);
    for (const { page } of [withWallet, without]) await page.bringToFront();
    const loads = await interleaved(
      () => loadTime(withWallet.page, base),
      () => loadTime(without.page, base),
      LOAD_PAIRS,
    );
    const stopper = await workerStopper(withWallet.context, await extensionOrigin(withWallet.context));
    // The option's wait with the worker stopped first (as Chrome stops it after 30 idle seconds) and warm.
    const offerToOption = await interleaved(
      async () => {
        await stopper.stop();
        return optionTime(withWallet.page, base);
      },
      () => optionTime(withWallet.page, base),
    );
    await stopper.close();
    const flooded = { withWallet: await stalls(withWallet.page, base), without: await stalls(without.page, base) };
    const mutations = await mutationBench({ withWallet: withWallet.page, without: without.page }, base);
    return { loads, offerToOption, stalls: flooded, mutations };
  } finally {
    for (const context of contexts) await context.close();
    server.kill();
  }
}

/**
 * The storefront's address, once the server says it listens.
 * @param {import('node:child_process').ChildProcess} server
 * @returns {Promise<string>}
 */
function listeningAt(server) {
  return new Promise((resolve, reject) => {
    let said = '';
    server.stdout?.on('data', (chunk) => {
      said += chunk;
      const port = /localhost:(\d+)\//.exec(said)?.[1];
      if (port) resolve(`http://localhost:${port}`);
    });
    server.once('exit', (code) => reject(new Error(`The storefront server stopped (exit code ${code})`)));
  });
}

/**
 * A browser on the demo shop with its cart filled, so each load of the checkout page shows an offer.
 * @param {string} executablePath
 * @param {string} base
 * @param {string[]} extraArgs
 */
async function checkoutPage(executablePath, base, extraArgs) {
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [...QUIET_CHROMIUM_ARGS, ...extraArgs],
  });
  await context.addInitScript(STAMPS);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.click('main button.primary');
  await loadTime(page, base);
  return { context, page };
}

/** The checkout page's load time (loadEventEnd). @param {import('@playwright/test').Page} page @param {string} base */
async function loadTime(page, base) {
  await page.goto(`${base}/checkout.html`, { waitUntil: 'load' });
  return page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).loadEventEnd);
}

/** From the page's offer to the option on screen in the wallet's frame. @param {import('@playwright/test').Page} page @param {string} base */
async function optionTime(page, base) {
  await loadTime(page, base);
  const shown = await shownAt(page);
  return shown - (await page.evaluate(() => /** @type {any} */ (window).__offerAt));
}

/** @param {import('@playwright/test').Page} page @param {string} base */
async function stalls(page, base) {
  await page.goto(`${base}/orders.html`, { waitUntil: 'load' });
  return page.evaluate(STALLS);
}
