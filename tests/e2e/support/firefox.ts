import { createHash, randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { findBrowser, installAdvice } from '../../../scripts/browsers.mjs';
import { GECKO_ID } from '../../../wxt.config';
import {
  closedShadowVia,
  poll,
  nthWalletFrame,
  walletFrameVia,
  type InFrame,
  PAGE_OPEN_TIMEOUT_MS,
  TIMEOUT_MS,
  type CallInRoot,
  type ClosedShadow,
  type DriverPage,
  type LaunchOptions,
  type WalletDriver,
} from './driver';
import { extensionDir, screenshotPath } from './paths';

type BidiRemote = { value?: { shadowRoot?: { sharedId?: string } } };
type BidiRealm = {
  callFunction(
    declaration: string,
    awaitPromise: boolean,
    options: { arguments: unknown[] },
  ): Promise<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>;
};
/** puppeteer 24's BiDi element handle, whose internals expose the WebDriver BiDi realm. */
type BidiElementHandle = { remoteValue(): BidiRemote; handle: { realm: { realm: BidiRealm } } };

/**
 * WebDriver BiDi serialises an element's shadow root even when it is closed, and lets a function
 * be called with it; puppeteer has no public API for that, so this uses its BiDi handle directly.
 */
async function closedShadow(page: Page, hostSelector: string): Promise<ClosedShadow> {
  const host = (await page.waitForSelector(hostSelector, { timeout: TIMEOUT_MS })) as unknown as BidiElementHandle & ElementHandle;
  const sharedId = host.remoteValue().value?.shadowRoot?.sharedId;
  if (!sharedId) throw new Error(`${hostSelector} has no shadow root`);
  const call: CallInRoot = async <T>(declaration: string, ...args: string[]): Promise<T> => {
    const answer = await host.handle.realm.realm.callFunction(
      `async (root, ...args) => JSON.stringify(await (${declaration})(root, ...args))`,
      true,
      {
        arguments: [{ sharedId }, ...args.map((value) => ({ type: 'string', value }))],
      },
    );
    if (answer.type !== 'success') throw new Error(answer.exceptionDetails?.text ?? 'call into the shadow root failed');
    return JSON.parse(String(answer.result?.value)) as T;
  };
  return closedShadowVia(call, (x, y) => page.mouse.click(x, y));
}

function wrap(page: Page): DriverPage {
  const driverPage: DriverPage = {
    goto: async (url) => {
      if (!url.startsWith('moz-extension:')) return void (await page.goto(url, { timeout: TIMEOUT_MS }));
      await extensionNavigation(page, url, 'goto', () => page.goto(url, { timeout: TIMEOUT_MS }));
    },
    reload: async () => {
      const url = await page.evaluate(() => location.href);
      if (!url.startsWith('moz-extension:')) return void (await page.reload({ timeout: TIMEOUT_MS }));
      await extensionNavigation(page, url, 'reload', () => page.reload({ timeout: TIMEOUT_MS }));
    },
    url: () => page.url(),
    waitFor: async (selector) => void (await page.waitForSelector(selector, { timeout: TIMEOUT_MS })),
    textOf: async (selector) => {
      const element = await page.waitForSelector(selector, { timeout: TIMEOUT_MS });
      return (await element!.evaluate((node) => node.textContent)) ?? '';
    },
    waitForText: async (selector, expected) =>
      void (await page.waitForFunction(
        (selector: string, expected: string) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
        { timeout: TIMEOUT_MS },
        selector,
        expected,
      )),
    // As Playwright's click in Chromium: a locator finds the element again when the page re-renders it between the
    // wait and the click (a handle to the old node is "not clickable"), and waits until it is visible and still.
    // A click may close its own window (the confirm window does); the click still happened.
    click: async (selector) => {
      await page
        .locator(selector)
        .setTimeout(TIMEOUT_MS)
        .click()
        .catch((error: unknown) => {
          if (!page.isClosed()) throw error;
        });
    },
    // A text field is filled as a shopper replaces its text: select it all, then type. Puppeteer's own fill
    // empties it by setting its value without an input event, so a controlled field that re-renders in between
    // (a ticking countdown) puts its old text back and what is typed next is lost. Date and other picker
    // inputs take no typed text: Puppeteer sets those.
    fill: async (selector, value) => {
      const field = await page.waitForSelector(selector, { timeout: TIMEOUT_MS });
      const typed = await field!.evaluate(
        (node) =>
          !(node instanceof HTMLInputElement) || !['date', 'time', 'datetime-local', 'month', 'week', 'color', 'range'].includes(node.type),
      );
      if (!typed) return void (await page.locator(selector).setTimeout(TIMEOUT_MS).fill(value));
      await field!.focus();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      if (value === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(value);
    },
    async press(key) {
      // WebDriver BiDi names keys by the character they type: the space bar is ' '.
      if (key === 'Space') return page.keyboard.press(' ');
      if (key !== 'Shift+Tab') return page.keyboard.press(key);
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    },
    select: async (selector, value) => {
      await page.waitForSelector(selector, { timeout: TIMEOUT_MS });
      await page.select(selector, value);
    },
    upload: async (selector, path) => {
      const input = (await page.waitForSelector(selector, { timeout: TIMEOUT_MS })) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    },
    evaluateScript: async (source) => void (await page.evaluate(source)),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    closedShadow: (hostSelector) => closedShadow(page, hostSelector),
    walletFrame(kind, index = 0) {
      // puppeteer reports extension frames as about:blank over BiDi, so each frame is asked where it is.
      // A frame the page let go of since the list was read throws at once, not in the promise: both read as no answer.
      const ask = async <T>(frame: Frame, fn: () => T): Promise<T | undefined> => {
        try {
          return await frame.evaluate(fn);
        } catch {
          return undefined;
        }
      };
      const inFrame: InFrame = async (fn) => {
        const kindOf = async (frame: Frame) => {
          const where = await ask(frame, () => ({ href: location.href, kind: document.body?.dataset.kind }));
          return where?.href.includes('/inline.html') ? where.kind : undefined;
        };
        const frame = await nthWalletFrame(page.frames(), kindOf, kind, index);
        return frame ? ask(frame, fn) : undefined;
      };
      return walletFrameVia(kind, inFrame, driverPage, index);
    },
    mouseClick: (x, y) => page.mouse.click(x, y),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async screenshot(name, selector) {
      const path = screenshotPath('firefox', name);
      const element = selector ? await page.waitForSelector(selector, { timeout: TIMEOUT_MS }) : undefined;
      await (element ? element.screenshot({ path }) : page.screenshot({ path }));
      return path;
    },
    close: () => page.close(),
  };
  return driverPage;
}

/** A UUID that stays the same for a profile folder. */
function uuidFor(profileDir: string): string {
  const hex = createHash('sha256').update(profileDir).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Set on a document that is being navigated away from, so its successor can be told from it at the same URL. */
const LEAVING = '__walletDriverLeaving';

/**
 * Firefox never resolves navigations to moz-extension:// pages over BiDi, though they load: the
 * navigation is started and left running, and the new document is awaited by asking the page. A
 * change of the fragment alone keeps the document, and is done once the URL shows it.
 */
async function extensionNavigation(page: Page, url: string, kind: 'goto' | 'reload', navigate: () => Promise<unknown>): Promise<void> {
  const sameDocument = await page
    .evaluate(
      (url, kind, leaving) => {
        const target = new URL(url);
        const fragmentOnly = kind === 'goto' && target.hash !== '' && target.href.split('#')[0] === location.href.split('#')[0];
        if (!fragmentOnly) (window as unknown as Record<string, boolean>)[leaving] = true;
        return fragmentOnly;
      },
      url,
      kind,
      LEAVING,
    )
    .catch(() => false);
  void navigate().catch(() => undefined);
  await poll(
    async () =>
      (await page
        .evaluate(
          (url, sameDocument, leaving) =>
            location.href === url && (sameDocument || (!(leaving in window) && document.readyState === 'complete')),
          url,
          sameDocument,
          LEAVING,
        )
        .catch(() => false)) || undefined,
    `the page to load ${url}`,
  );
}

/**
 * A new tab. Now and then Firefox discards a tab it has just created before its first document is
 * up, and the BiDi command fails with "no such frame" or, on a busy machine, with its browsing
 * context gone ("browsingContext is null"): another tab is asked for then.
 */
async function newTab(browser: Browser): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.newPage();
    } catch (error) {
      if (attempt === 3 || !/no such frame|browsingContext is null/.test(String(error))) throw error;
    }
  }
}

/**
 * The toolbar with the wallet's button between the address bar and the extensions menu, as the shopper puts it there
 * once. Firefox puts a new extension's button in that menu instead, and keeps where each button goes in this pref; it
 * names a button after the extension's id with every character but letters, digits, _ and - made a _.
 */
const WALLET_BUTTON = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
const TOOLBAR_STATE = JSON.stringify({
  placements: {
    'nav-bar': ['back-button', 'forward-button', 'stop-reload-button', 'urlbar-container', WALLET_BUTTON, 'unified-extensions-button'],
  },
  seen: [WALLET_BUTTON],
  dirtyAreaCache: ['nav-bar'],
  currentVersion: 20,
});

/** Firefox ESR with the built extension installed, headless unless asked, over WebDriver BiDi (Playwright cannot load extensions into Firefox; puppeteer-core can). */
export async function launchFirefox({
  colorScheme = 'light',
  profileDir,
  locale,
  headed = false,
  extension = extensionDir('firefox'),
}: LaunchOptions = {}): Promise<WalletDriver> {
  if (locale) throw new Error(`Firefox shows the extension in ${locale} only with that language pack installed; these runs have none`);
  const executablePath = findBrowser('firefox');
  if (!executablePath) throw new Error(installAdvice('firefox'));
  // Fixing the extension's internal UUID gives its pages a known moz-extension:// origin; a kept
  // profile keeps its UUID, so the wallet finds its data under the same origin after a restart.
  const uuid = profileDir ? uuidFor(profileDir) : randomUUID();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: !headed,
    protocol: 'webDriverBiDi',
    // A window of that size rather than a page told it is that size: the pictures of a headed window measure the window.
    defaultViewport: headed ? null : { width: 1200, height: 900 },
    args: ['-remote-allow-system-access', ...(headed ? ['-width', '1200', '-height', '900'] : [])],
    ...(profileDir ? { userDataDir: profileDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // WebDriver BiDi cannot emulate prefers-color-scheme, so the system setting is set at launch; the window's own
      // toolbar follows it too.
      'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      ...(headed ? { 'browser.uiCustomization.state': TOOLBAR_STATE } : {}),
    },
  });
  await browser.installExtension(extension);
  const origin = `moz-extension://${uuid}`;

  const openPages = async () =>
    (await Promise.all(browser.targets().map((target) => target.page()))).filter((page): page is Page => page !== null);
  // puppeteer keeps about:blank as the URL of windows the extension opens, so ask each page itself.
  const urlOf = (page: Page) =>
    Promise.race([
      page.evaluate(() => location.href),
      new Promise<string>((resolve) => setTimeout(() => resolve(page.url()), 1_000)),
    ]).catch(() => page.url());
  return {
    browserName: 'firefox',
    extensionUrl: (path) => new URL(path, origin).href,
    newPage: async () => wrap(await newTab(browser)),
    async waitForPage(urlPart) {
      return wrap(
        await poll(
          async () => {
            for (const page of await openPages()) if ((await urlOf(page)).includes(urlPart)) return page;
            return undefined;
          },
          `a page at ${urlPart}`,
          PAGE_OPEN_TIMEOUT_MS,
        ),
      );
    },
    pageUrls: async () => Promise.all((await openPages()).map(urlOf)),
    close: () => browser.close(),
  };
}
