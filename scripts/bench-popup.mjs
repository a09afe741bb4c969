// The toolbar popup's time to its content, in headless Chromium with the built extension, for
// `npm run bench`: the same wallet with an empty history and with 100,000 transfers. The popup
// may only read bounded slices through indexes, so the two should take about as long.
// The functions given to the page run in the browser, where these exist.
/* global document, indexedDB, requestAnimationFrame */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { interleaved } from './bench-pairs.mjs';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';
import { extensionOrigin, workerStopper } from './worker-stopper.mjs';

const LARGE = 100_000;
/** Opens of each browser that are not timed, so both start warm. */
const WARM_UP_OPENS = 3;
const SETTLE_MS = 5_000;

/** The shared sign-up form the tests use, compiled from TypeScript on the fly. @param {string} root */
export async function signUpInput(root) {
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
 * A browser with the built extension and a signed-up wallet, holding `transfers` transfers of history.
 * @param {string} executablePath
 * @param {string} extension the built extension's folder
 * @param {unknown} form the sign-up form
 * @param {number} transfers
 */
async function walletBrowser(executablePath, extension, form, transfers) {
  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...QUIET_CHROMIUM_ARGS],
  });
  const origin = await extensionOrigin(context);
  const page = await context.newPage();
  await page.goto(`${origin}/confirm.html`);
  const signedUp = await page.evaluate(
    (form) => /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'account.signUp', form }),
    form,
  );
  if (!signedUp?.ok) throw new Error(`Sign-up for the popup bench failed: ${JSON.stringify(signedUp)}`);
  if (transfers > 0) await page.evaluate(seedTransfers, transfers);
  return { context, origin, page };
}

/**
 * Milliseconds from opening the popup to its balance and recent activity on screen.
 * @param {{ context: import('@playwright/test').BrowserContext, origin: string }} wallet
 */
async function popupTime({ context, origin }) {
  const popup = await context.newPage();
  await popup.addInitScript(STAMP);
  await popup.goto(`${origin}/popup.html`);
  await popup.waitForFunction(() => /** @type {any} */ (globalThis).__contentAt !== undefined);
  const at = await popup.evaluate(() => /** @type {any} */ (globalThis).__contentAt);
  await popup.close();
  return /** @type {number} */ (at);
}

/**
 * In an extension page: milliseconds for one request to the background (`wallet.balance`) and its answer. Chrome
 * names the extension API `chrome`, Firefox `browser`.
 */
export const ROUND_TRIP = async () => {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  const started = performance.now();
  const answer = await api.runtime.sendMessage({ type: 'wallet.balance' });
  if (!answer?.ok) throw new Error(`wallet.balance failed: ${JSON.stringify(answer)}`);
  return performance.now() - started;
};

/**
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function popupBench(executablePath, root) {
  const extension = join(root, '.output', 'chrome-mv3');
  const form = await signUpInput(root);
  const empty = await walletBrowser(executablePath, extension, form, 0);
  const large = await walletBrowser(executablePath, extension, form, LARGE);
  try {
    // IndexedDB settles a large write in the background (Chromium's LevelDB compacts it); the
    // popup is timed once the browser is idle again, as a shopper would next open it.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    for (let open = 0; open < WARM_UP_OPENS; open++) await Promise.all([popupTime(empty), popupTime(large)]);
    const history = await interleaved(
      () => popupTime(large),
      () => popupTime(empty),
    );
    // Cold: the worker stopped first, as Chrome stops it after 30 idle seconds; warm: just used.
    const stopper = await workerStopper(large.context, large.origin);
    const coldPopup = await interleaved(
      async () => {
        await stopper.stop();
        return popupTime(large);
      },
      () => popupTime(large),
    );
    const coldRequest = await interleaved(
      async () => {
        await stopper.stop();
        return large.page.evaluate(ROUND_TRIP);
      },
      () => large.page.evaluate(ROUND_TRIP),
    );
    await stopper.close();
    return { transfers: LARGE, history, coldPopup, coldRequest };
  } finally {
    await empty.context.close();
    await large.context.close();
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
