import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTLE_MS } from '../../../lib/inline/click-rules';
import { ROOT } from './paths';

/**
 * What the end-to-end tests need from a browser, so each spec runs unchanged in Chromium (through
 * Playwright) and Firefox (through puppeteer over WebDriver BiDi).
 */
export type BrowserName = 'chromium' | 'firefox';

export interface ClosedShadow {
  /** The root's text, read through the browser's debugging protocol: page scripts cannot. */
  text(): Promise<string>;
  /** Sends a trusted mouse click to the centre of an element inside the root. */
  click(selector: string): Promise<void>;
}

/** The wallet's own frame on a store page: a test reaches into it as a debugger does; the page cannot. */
export interface WalletFrame {
  /** What the frame shows, its title, detail and any refusal. */
  text(): Promise<string>;
  /** A trusted mouse click on the frame's button, once the frame has stayed in place for the settle time. */
  click(): Promise<void>;
  /** The frame's button's box in the page's viewport, where a shopper's pointer would be. */
  buttonCentre(): Promise<{ x: number; y: number }>;
  /** Resolves once the wallet has answered the last click on the button, which shows itself busy until then. */
  answered(): Promise<void>;
}

export type WalletFrameKind = 'pay' | 'fill';

export interface DriverPage {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): string;
  waitFor(selector: string): Promise<void>;
  textOf(selector: string): Promise<string>;
  waitForText(selector: string, expected: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Types into a field as a user would, replacing what it held. */
  fill(selector: string, value: string): Promise<void>;
  /** Presses a key as the keyboard would, to the focused element: `Tab`, `Shift+Tab`, `Enter`, `Escape`. */
  press(key: 'Tab' | 'Shift+Tab' | 'Enter' | 'Escape' | 'Space'): Promise<void>;
  /** Chooses an option of a select by its value. */
  select(selector: string, value: string): Promise<void>;
  /** Sets a file input to a file on disk, as picking it in the file chooser would. */
  upload(selector: string, path: string): Promise<void>;
  /** Runs script source in the page as the debugger does, past the page's CSP (for injecting test tools such as axe). */
  evaluateScript(source: string): Promise<void>;
  evaluate<Arg, Result>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  closedShadow(hostSelector: string): Promise<ClosedShadow>;
  /** The wallet's frame of this kind on the page (the `index`-th in page order, for a page with several), once it shows something. */
  walletFrame(kind: WalletFrameKind, index?: number): Promise<WalletFrame>;
  /** A trusted mouse click at a point of the viewport, as a shopper's. */
  mouseClick(x: number, y: number): Promise<void>;
  /** Lays the page out at this inner size, as a window of that size would. */
  setViewport(width: number, height: number): Promise<void>;
  /** Saves a screenshot of the page, or of one element of it, as a test artifact. */
  screenshot(name: string, selector?: string): Promise<string>;
  close(): Promise<void>;
}

export interface WalletDriver {
  browserName: BrowserName;
  extensionUrl(path: string): string;
  newPage(): Promise<DriverPage>;
  /** Resolves with the first open or newly opened page whose URL contains `urlPart`. */
  waitForPage(urlPart: string): Promise<DriverPage>;
  pageUrls(): Promise<string[]>;
  /**
   * Stops the extension's service worker as Chrome does after 30 s idle (CDP's
   * ServiceWorker.stopAllWorkers); the next message starts it again. Chromium only: Firefox's
   * background is an event page the browser does not let a test stop.
   */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

export const TIMEOUT_MS = 15_000;
/**
 * A page the extension opens itself (the welcome tab on install, the confirm window) waits for the browser to
 * start the extension first: a fresh Firefox profile on a loaded two-core machine has taken over 15 s.
 */
export const PAGE_OPEN_TIMEOUT_MS = 2 * TIMEOUT_MS;

/** How a browser is started: `colorScheme` is the system's light or dark setting its pages see. */
export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** A profile folder kept between launches, as a shopper's browser keeps its profile; a fresh temporary one otherwise. */
  profileDir?: string;
  /**
   * The browser's UI language, which picks the extension's `_locales` and its `Intl` formatting: `ru`, `zh-CN`.
   * Chromium only: Firefox shows an extension in another language only with that language pack installed.
   */
  locale?: string;
  /**
   * A window on the X display DISPLAY names (Xvfb's, say) instead of headless, in the theme `colorScheme` names, with
   * the wallet's button on the toolbar: both browsers tuck a new extension's button into a menu until the shopper
   * pins it there.
   */
  headed?: boolean;
  /** What to install instead of the build's folder: an unpacked folder, or in Firefox a packed zip as well. */
  extension?: string;
}

/** Calls a function, given as source taking `(root, ...args)`, on a closed shadow root; answers by value. */
export type CallInRoot = <T>(declaration: string, ...args: string[]) => Promise<T>;

const VISIBLE_TEXT = `(root) => [...root.children].filter((child) => child.localName !== 'style' && !child.hidden).map((child) => child.textContent).join(' ')`;
// The option is drawn in the top layer over a placeholder in the page: scrolling the placeholder
// into view brings the option with it on the next frame.
const CENTRE_OF = `async (root, selector) => {
  const element = root.querySelector(selector);
  (root.host.previousElementSibling ?? element).scrollIntoView({ block: 'center' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = element.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}`;
/** The option takes clicks only once it has stayed in place this long, as a shopper reads it before clicking. */
const SETTLE_WAIT_MS = SETTLE_MS + 100;

/**
 * Waits as a shopper must before a click on the wallet's option counts: until the option has looked at the
 * page's last change (it looks on every animation frame), then for the settle time.
 */
export async function settled(page: Pick<DriverPage, 'evaluate'>): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))), undefined);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS));
}

/** A closed shadow root's text and trusted clicks, from a browser's way of calling into it and of clicking. */
export function closedShadowVia(call: CallInRoot, mouseClick: (x: number, y: number) => Promise<void>): ClosedShadow {
  return {
    text: () => call<string>(VISIBLE_TEXT),
    async click(selector) {
      const { x, y } = await call<{ x: number; y: number }>(CENTRE_OF, selector);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS));
      await mouseClick(x, y);
    },
  };
}

/** Retries `probe` until it yields a value, for states no event announces reliably in both browsers. */
export async function poll<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads the frame's document; undefined while the frame is not there. */
export type InFrame = <T>(fn: () => T) => Promise<T | undefined>;

/** The `index`-th of the wallet's frames of `kind`, given each frame's kind (undefined for another frame): they are made in page order. */
export async function nthWalletFrame<F>(
  frames: F[],
  kindOf: (frame: F) => Promise<string | undefined>,
  kind: WalletFrameKind,
  index: number,
) {
  const ofKind: F[] = [];
  for (const frame of frames) if ((await kindOf(frame)) === kind) ofKind.push(frame);
  return ofKind[index];
}

const FRAME_TEXT = () => document.body.innerText.trim();
const BUTTON_BUSY = () => document.querySelector('button')?.getAttribute('aria-busy') === 'true';
const BUTTON_BOX = () => {
  const box = document.querySelector('button')!.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

/** The frame's answer to a click that came before it settled, in each language the tests run in. */
const UNSETTLED = ['en', 'ru', 'zh_CN'].map(
  (locale) =>
    (JSON.parse(readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>)
      .optionUnsettled!.message,
);
const CLICK_ATTEMPTS = 3;
/** How many settle waits a click waits at most for the button to stay where it is. */
const STILL_LOOKS = 3;

/** The wallet's frame, from a browser's way of reading into a frame and of clicking the page. */
export async function walletFrameVia(
  kind: WalletFrameKind,
  inFrame: InFrame,
  page: Pick<DriverPage, 'evaluate' | 'mouseClick'>,
  index = 0,
): Promise<WalletFrame> {
  await poll(async () => ((await inFrame(FRAME_TEXT))?.includes('\n') ? true : undefined), `the wallet's ${kind} frame to show its text`);
  const buttonCentre = async () => {
    // The frame is drawn over a placeholder in the page: bringing the placeholder into view brings the frame with it.
    const host = await page.evaluate(
      async ({ kind, index }) => {
        // The page's document first, then its web components' open shadow roots, where a card form's offer stands beside it.
        const hosts = (root: Document | ShadowRoot): Element[] => [
          ...root.querySelectorAll(`[data-wallet-frame="${kind}"]`),
          ...[...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? hosts(element.shadowRoot) : [])),
        ];
        const element = hosts(document)[index]!;
        element.previousElementSibling?.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = element.getBoundingClientRect();
        return { x: box.x, y: box.y };
      },
      { kind, index },
    );
    const inside = await poll(() => inFrame(BUTTON_BOX), "the wallet frame's button");
    return { x: host.x + inside.x, y: host.y + inside.y };
  };
  return {
    text: async () => (await inFrame(FRAME_TEXT)) ?? '',
    buttonCentre,
    answered: async () =>
      void (await poll(
        async () => ((await inFrame(BUTTON_BUSY)) === false ? true : undefined),
        `the wallet's answer to the click on its ${kind} frame`,
      )),
    // A shopper whose click came while the page was still moving the frame reads "just moved" and clicks again. A busy
    // machine can move it late (its first placement, a late report of the browser's), so the tests do the same, twice
    // at most; a test of the refusal itself clicks the page directly.
    async click() {
      for (let attempt = 1; ; attempt++) {
        // Where the button is after the wait, not where it was: a page that moved it meanwhile gets the click there,
        // and the wallet's answer to it ("just moved"), rather than a click beside the frame that nothing answers.
        let centre = await buttonCentre();
        for (let look = 0; look < STILL_LOOKS; look++) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_WAIT_MS));
          const now = await buttonCentre();
          const still = now.x === centre.x && now.y === centre.y;
          centre = now;
          if (still) break;
        }
        await page.mouseClick(centre.x, centre.y);
        if (attempt === CLICK_ATTEMPTS) return;
        await poll(async () => ((await inFrame(BUTTON_BUSY)) === false ? true : undefined), `the wallet's answer to the click`);
        const text = (await inFrame(FRAME_TEXT)) ?? '';
        if (!UNSETTLED.some((message) => text.includes(message))) return;
      }
    },
  };
}
