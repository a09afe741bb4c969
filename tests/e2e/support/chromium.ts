import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, findBrowser, installAdvice } from '../../../scripts/browsers.mjs';
import { workerStopper } from '../../../scripts/worker-stopper.mjs';
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

type CdpNode = { nodeName: string; attributes?: string[]; children?: CdpNode[]; shadowRoots?: CdpNode[]; backendNodeId: number };

function findHost(node: CdpNode, name: string, value: string | undefined): CdpNode | undefined {
  const attributes = node.attributes ?? [];
  for (let index = 0; index < attributes.length; index += 2)
    if (attributes[index] === name && (value === undefined || attributes[index + 1] === value)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, name, value);
    if (found) return found;
  }
  return undefined;
}

/** Reaches into a closed shadow root the way only a debugger can: the page itself never sees inside. */
async function closedShadow(page: Page, cdp: CDPSession, hostSelector: string): Promise<ClosedShadow> {
  await page.waitForSelector(hostSelector, { state: 'attached', timeout: TIMEOUT_MS });
  const [, attribute, value] = /^\[([\w-]+)(?:="([^"]*)")?\]$/.exec(hostSelector) ?? [];
  if (!attribute) throw new Error(`closedShadow takes an attribute selector like [data-x] or [data-x="y"], not ${hostSelector}`);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const shadowRoot = findHost(root, attribute, value)?.shadowRoots?.[0];
  if (!shadowRoot) throw new Error(`${hostSelector} has no shadow root`);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
  const call: CallInRoot = async <T>(declaration: string, ...args: string[]): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (...args) { return (${declaration})(this, ...args); }`,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };
  return closedShadowVia(call, (x, y) => page.mouse.click(x, y));
}

function wrap(page: Page): DriverPage {
  let cdp: Promise<CDPSession> | undefined;
  const driverPage: DriverPage = {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: () => page.url(),
    waitFor: async (selector) => void (await page.waitForSelector(selector, { timeout: TIMEOUT_MS })),
    textOf: async (selector) => (await page.locator(selector).first().textContent({ timeout: TIMEOUT_MS })) ?? '',
    waitForText: async (selector, expected) =>
      void (await page.waitForFunction(
        ([selector, expected]) => document.querySelector(selector)?.textContent?.includes(expected) ?? false,
        [selector, expected] as const,
        { timeout: TIMEOUT_MS },
      )),
    click: async (selector) => {
      // A click may close its own window (the confirm window does); the click still happened.
      await page
        .locator(selector)
        .first()
        .click({ timeout: TIMEOUT_MS })
        .catch((error: unknown) => {
          if (!page.isClosed()) throw error;
        });
    },
    fill: async (selector, value) => void (await page.locator(selector).first().fill(value, { timeout: TIMEOUT_MS })),
    press: (key) => page.keyboard.press(key === 'Space' ? ' ' : key),
    select: async (selector, value) => void (await page.locator(selector).first().selectOption(value, { timeout: TIMEOUT_MS })),
    upload: async (selector, path) => void (await page.locator(selector).first().setInputFiles(path, { timeout: TIMEOUT_MS })),
    evaluateScript: async (source) => void (await page.evaluate(source)),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    closedShadow: async (hostSelector) => closedShadow(page, await (cdp ??= page.context().newCDPSession(page)), hostSelector),
    walletFrame(kind, index = 0) {
      const inFrame: InFrame = async (fn) => {
        const frames = page.frames().filter((candidate) => candidate.url().includes('/inline.html'));
        const kindOf = (frame: (typeof frames)[number]) => frame.evaluate(() => document.body.dataset.kind).catch(() => undefined);
        const frame = await nthWalletFrame(frames, kindOf, kind, index);
        return frame ? frame.evaluate(fn).catch(() => undefined) : undefined;
      };
      return walletFrameVia(kind, inFrame, driverPage, index);
    },
    mouseClick: (x, y) => page.mouse.click(x, y),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async screenshot(name, selector) {
      const path = screenshotPath('chromium', name);
      await (selector ? page.locator(selector).first().screenshot({ path }) : page.screenshot({ path }));
      return path;
    },
    close: () => page.close(),
  };
  return driverPage;
}

/**
 * A profile whose toolbar shows the extension's button. Chromium keeps the buttons the shopper pinned in the
 * profile's Preferences by extension id, and an unpacked extension's id follows from its folder's path: the first
 * 128 bits of its SHA-256, each hex digit written as a letter from a to p.
 */
function pinnedProfile(profileDir: string, extension: string): string {
  const id = [...createHash('sha256').update(extension).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [id] } }));
  return profileDir;
}

/** Debian's Chromium with the built extension loaded, headless unless asked: the flags are the ones scripts/browsers.mjs keeps quiet and working in a container. */
export async function launchChromium({
  colorScheme = 'light',
  profileDir = '',
  locale,
  headed = false,
  extension = extensionDir('chromium'),
}: LaunchOptions = {}): Promise<WalletDriver> {
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error(installAdvice('chromium'));
  // Chromium names an unpacked extension by its real path.
  const dir = realpathSync(extension);
  // Playwright deletes the temporary profile it makes for '', but a pinned button needs the profile written first.
  const ownProfile = headed && !profileDir ? mkdtempSync(join(tmpdir(), 'wallet-chromium-')) : undefined;
  const context: BrowserContext = await chromium.launchPersistentContext(
    headed ? pinnedProfile(profileDir || ownProfile!, dir) : profileDir,
    {
      executablePath,
      headless: !headed,
      colorScheme,
      // A window of that size rather than a page told it is that size: the pictures of a headed window measure the window.
      viewport: headed ? null : { width: 1200, height: 900 },
      // --lang picks the extension's messages; Playwright's locale, what its pages' Intl and getUILanguage report.
      ...(locale ? { locale } : {}),
      args: [
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        ...(locale ? [`--lang=${locale}`] : []),
        // Playwright's colorScheme reaches the pages only; the window's own toolbar follows this switch.
        ...(headed ? ['--window-size=1200,900', ...(colorScheme === 'dark' ? ['--force-dark-mode'] : [])] : []),
        ...QUIET_CHROMIUM_ARGS,
      ],
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: TIMEOUT_MS }));
  // Node's URL gives chrome-extension: URLs an opaque origin, so the origin is put together from the host.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  let stopper: ReturnType<typeof workerStopper> | undefined;

  return {
    browserName: 'chromium',
    extensionUrl: (path) => new URL(path, origin).href,
    newPage: async () => wrap(await context.newPage()),
    async waitForPage(urlPart) {
      const page = await poll(
        () => context.pages().find((page) => page.url().includes(urlPart)),
        `a page at ${urlPart}`,
        PAGE_OPEN_TIMEOUT_MS,
      );
      await page.waitForLoadState();
      return wrap(page);
    },
    pageUrls: async () => context.pages().map((page) => page.url()),
    async stopBackground() {
      stopper ??= workerStopper(context, origin, TIMEOUT_MS);
      await (await stopper).stop();
    },
    async close() {
      await context.close();
      if (ownProfile) rmSync(ownProfile, { recursive: true, force: true });
    },
  };
}
