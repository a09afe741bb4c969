// Firefox's event page from cold, for `npm run bench`: Firefox suspends a non-persistent background after an idle
// time (30 s by default); this profile sets it to one second, so each cold figure is taken after the page was
// suspended, and each warm one right after a request woke it.
// The functions given to the page run in the browser, where these exist.
/* global location, document */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { interleaved } from './bench-pairs.mjs';
import { ROUND_TRIP, signUpInput } from './bench-popup.mjs';

const IDLE_TIMEOUT_MS = 1_000;
/** Long enough past the idle timeout for Firefox to have suspended the event page. */
const IDLE_WAIT_MS = 3 * IDLE_TIMEOUT_MS;

/**
 * Opens an extension page: Firefox never resolves a navigation to a moz-extension:// page over BiDi, though the page
 * loads, so the navigation is left running and the page is asked until its document is complete.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 */
async function openExtensionPage(page, url) {
  void page.goto(url).catch(() => undefined);
  for (let waited = 0; ; waited += 10) {
    const ready = await page.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false);
    if (ready) return;
    if (waited > 15_000) throw new Error(`${url} did not load`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The popup to its balance and a background request's round trip in Firefox, each with the event page suspended
 * first and warm, in interleaved pairs; null when Firefox is not installed.
 * @param {string | null | undefined} executablePath
 * @param {string} root the project folder
 */
export async function firefoxBench(executablePath, root) {
  if (!executablePath) return null;
  const { default: puppeteer } = await import('puppeteer-core');
  const extension = join(root, '.output', 'firefox-mv2');
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
      'extensions.background.idle.timeout': IDLE_TIMEOUT_MS,
    },
  });
  try {
    await browser.installExtension(extension);
    const origin = `moz-extension://${uuid}`;
    const page = await browser.newPage();
    await openExtensionPage(page, `${origin}/confirm.html`);
    const form = await signUpInput(root);
    const signedUp = await page.evaluate(
      (form) => /** @type {any} */ (globalThis).browser.runtime.sendMessage({ type: 'account.signUp', form }),
      form,
    );
    if (!signedUp?.ok) throw new Error(`Sign-up for the Firefox bench failed: ${JSON.stringify(signedUp)}`);
    const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_WAIT_MS));
    const roundTrip = () => page.evaluate(ROUND_TRIP);
    // Firefox runs no preload script in extension pages, so the popup is watched from here: from asking for it to its
    // balance and recent activity on screen, polled every 5 ms (the same polling cost cold and warm).
    const popupTime = async () => {
      const popup = await browser.newPage();
      const started = performance.now();
      void popup.goto(`${origin}/popup.html`).catch(() => undefined);
      for (;;) {
        const shown = await popup
          .evaluate(
            () =>
              document.querySelector('[data-testid="balance-available"]') !== null &&
              document.querySelector('[data-testid="recent-activity"]') !== null,
          )
          .catch(() => false);
        if (shown) break;
        if (performance.now() - started > 15_000) throw new Error('The popup did not show its balance');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const elapsed = performance.now() - started;
      await popup.close();
      return elapsed;
    };
    await popupTime();
    const coldRequest = await interleaved(async () => {
      await idle();
      return roundTrip();
    }, roundTrip);
    const coldPopup = await interleaved(async () => {
      await idle();
      return popupTime();
    }, popupTime);
    return { idleTimeoutMs: IDLE_TIMEOUT_MS, coldRequest, coldPopup };
  } finally {
    await browser.close();
  }
}
