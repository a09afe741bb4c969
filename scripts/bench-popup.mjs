// The toolbar popup's time to its content, in headless Chromium with the built extension, for
// `npm run bench`: the same wallet with an empty history and with 100,000 transfers. The popup
// may only read bounded slices through indexes, so the two should take about as long.
// The functions given to the page run in the browser, where these exist.
/* global document, indexedDB, requestAnimationFrame */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';

const OPENS = 15;
const LARGE = 100_000;
/** Opens before each series that are not timed, so both series start from the same warm browser. */
const WARM_UP_OPENS = 3;
const SETTLE_MS = 5_000;

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The shared sign-up form the tests use, compiled from TypeScript on the fly. @param {string} root */
async function signUpInput(root) {
  const built = await build({
    entryPoints: [join(root, 'tests/wallet-input/sign-up-input.ts')],
    bundle: true,
    format: 'esm',
    write: false,
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0]?.text ?? '').toString('base64')}`);
  return module.SIGN_UP_INPUT;
}

// Stamps, in the popup, when its balance and recent activity are both on screen.
const STAMP = () => {
  const look = () => {
    if (document.querySelector('[data-testid="balance-available"]') && document.querySelector('[data-testid="recent-activity"]'))
      /** @type {any} */ (globalThis).__contentAt = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

/**
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function popupBench(executablePath, root) {
  const extension = join(root, '.output', 'chrome-mv3');
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...QUIET_CHROMIUM_ARGS],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = await context.newPage();
    await page.goto(`${origin}/confirm.html`);
    const signedUp = await page.evaluate(
      (form) => /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'account.signUp', form }),
      await signUpInput(root),
    );
    if (!signedUp?.ok) throw new Error(`Sign-up for the popup bench failed: ${JSON.stringify(signedUp)}`);

    const timeToContent = async () => {
      const times = [];
      for (let open = -WARM_UP_OPENS; open < OPENS; open++) {
        const popup = await context.newPage();
        await popup.addInitScript(STAMP);
        await popup.goto(`${origin}/popup.html`);
        await popup.waitForFunction(() => /** @type {any} */ (globalThis).__contentAt !== undefined);
        const at = await popup.evaluate(() => /** @type {any} */ (globalThis).__contentAt);
        if (open >= 0) times.push(at);
        await popup.close();
      }
      return median(times);
    };

    const emptyMs = await timeToContent();
    await page.evaluate(seedTransfers, LARGE);
    // IndexedDB settles a large write in the background (Chromium's LevelDB compacts it); the
    // popup is timed once the browser is idle again, as a shopper would next open it.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const largeMs = await timeToContent();
    return { opens: OPENS, transfers: LARGE, emptyMs, largeMs };
  } finally {
    await context.close();
  }
}

/**
 * Writes `count` purchases and top-ups of the shopper straight into the extension's database in
 * one transaction, spread over the past year, as a long-time shopper's history would be.
 * @param {number} count
 */
async function seedTransfers(count) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('wallet');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = Date.now() - 365 * 24 * 3600 * 1000;
  await new Promise((resolve, reject) => {
    const transaction = db.transaction('transfers', 'readwrite');
    const store = transaction.objectStore('transfers');
    for (let index = 0; index < count; index++) {
      const topUp = index % 2 === 0;
      store.put({
        id: `bench-${index}`,
        debitAccountId: topUp ? 'external:e-wallet' : 'shopper',
        creditAccountId: topUp ? 'shopper' : 'merchant:https://shop.example',
        amountMinor: 100 + (index % 5000),
        currency: 'USD',
        code: topUp ? 'top_up' : 'purchase',
        kind: 'single',
        timestamp: start + index * 300,
      });
    }
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { findBrowser } = await import('./browsers.mjs');
  console.log(await popupBench(findBrowser('chromium') ?? 'chromium', join(import.meta.dirname, '..')));
}
