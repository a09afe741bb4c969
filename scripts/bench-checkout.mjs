// The checkout page with and without the extension, in headless Chromium, for `npm run bench`:
// how much the wallet adds to the page's load, and how soon its option shows after the page's offer.
// The functions given to the page run in the browser, where these exist.
/* global window, document, requestAnimationFrame */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';

const PORT = 5189;
const LOADS = 15;

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

// Stamps, in the page, when it posts its offer and when the wallet's option is drawn on screen.
const STAMPS = () => {
  const post = window.postMessage.bind(window);
  /** @type {any} */ (window).postMessage = (/** @type {any} */ message, /** @type {any} */ ...rest) => {
    if (message?.channel === 'wallet-checkout' && message.type === 'offer') {
      /** @type {any} */ (window).__offerAt = performance.now();
      const look = () => {
        const host = document.querySelector('[data-wallet-checkout-option]');
        if (host?.matches(':popover-open') && host.getBoundingClientRect().height > 0)
          /** @type {any} */ (window).__optionAt = performance.now();
        else requestAnimationFrame(look);
      };
      look();
    }
    return post(message, ...rest);
  };
};

/**
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function checkoutBench(executablePath, root) {
  const server = spawn(process.execPath, [join(root, 'scripts', 'storefront-server.mjs')], {
    env: { ...process.env, STOREFRONT_PORT: String(PORT) },
    stdio: 'ignore',
  });
  const base = `http://localhost:${PORT}`;
  try {
    for (let tries = 0; ; tries++) {
      if (
        await fetch(`${base}/`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      if (tries > 50) throw new Error('The storefront server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const extension = join(root, '.output', 'chrome-mv3');
    const withWallet = await measure(executablePath, base, [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`]);
    const without = await measure(executablePath, base, []);
    return {
      loads: LOADS,
      loadWithMs: withWallet.loadMs,
      loadWithoutMs: without.loadMs,
      offerToOptionMs: withWallet.offerToOptionMs,
    };
  } finally {
    server.kill();
  }
}

/**
 * @param {string} executablePath
 * @param {string} base
 * @param {string[]} extraArgs
 */
async function measure(executablePath, base, extraArgs) {
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [...QUIET_CHROMIUM_ARGS, ...extraArgs],
  });
  try {
    await context.addInitScript(STAMPS);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.click('main button.primary');
    /** @type {number[]} */
    const loads = [];
    /** @type {number[]} */
    const options = [];
    for (let run = 0; run < LOADS; run++) {
      await page.goto(`${base}/checkout.html`, { waitUntil: 'load' });
      loads.push(
        await page.evaluate(() => /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]).loadEventEnd),
      );
      if (extraArgs.length === 0) continue;
      await page.waitForFunction(() => /** @type {any} */ (window).__optionAt !== undefined);
      options.push(await page.evaluate(() => /** @type {any} */ (window).__optionAt - /** @type {any} */ (window).__offerAt));
    }
    return { loadMs: median(loads), offerToOptionMs: options.length > 0 ? median(options) : null };
  } finally {
    await context.close();
  }
}
