import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BADGE_COLOURS } from '../../lib/toolbar';
import { badgeOf } from './support/badge';
import type { DriverPage } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { ROOT, STOREFRONT_URL } from './support/paths';
import { payFromBalance } from './support/shopping';
import { prepareWallet, resultOf } from './support/wallet-data';

/**
 * Pictures of each browser's own toolbar with the wallet's button (docs/store/toolbar/): the store zips installed,
 * the badge counting payments in check, then the wallet locked, in the light and the dark theme. Headless browsers
 * draw no toolbar, so `npm run store:toolbar` runs this in windows on Xvfb and photographs the screen with
 * ImageMagick; every other run skips it.
 */
test.skip(process.env.TOOLBAR_SHOTS !== '1', 'draws real windows: run npm run store:toolbar');

const OUT_DIR = join(ROOT, 'docs', 'store', 'toolbar');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipOf = (kind: 'chrome' | 'firefox') => join(ROOT, '.output', `wallet-checkout-helper-${version}-${kind}.zip`);
/** Payments the badge counts: each waits for its check, since nothing vouches for a new wallet yet. */
const PAYMENTS = 3;
/** The toolbar row's height in both browsers' default density, in pixels. */
const TOOLBAR_HEIGHT = 44;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The X screen, as a PNG at `path`. */
const photograph = (path: string) => void execFileSync('import', ['-window', 'root', path]);

const cropArgs = (from: string, box: Box) => [from, '-crop', `${box.width}x${box.height}+${box.x}+${box.y}`, '+repage'];
const crop = (from: string, box: Box, to: string) => void execFileSync('convert', [...cropArgs(from, box), to]);
/** A box of a PNG as RGB bytes, row by row. */
const pixels = (from: string, box: Box) => execFileSync('convert', [...cropArgs(from, box), 'rgb:-']);

/**
 * Where the browser drew the badge among the browser's rows: the box of the pixels of its colour. The browser tells
 * an extension nothing of where its button is, and finding the badge also shows it was drawn.
 */
function badgeBox(screen: string, rows: Box): Box | undefined {
  const rgb = pixels(screen, rows);
  const want = [1, 3, 5].map((offset) => parseInt(BADGE_COLOURS.background.slice(offset, offset + 2), 16));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let at = 0; at < rgb.length; at += 3)
    if (want.every((channel, index) => Math.abs(rgb[at + index]! - channel) <= 8)) {
      xs.push(rows.x + ((at / 3) % rows.width));
      ys.push(rows.y + Math.floor(at / 3 / rows.width));
    }
  // A badge is at least a dozen pixels wide and tall; a stray pixel of that red elsewhere is not one.
  if (xs.length < 50) return undefined;
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x + 1, height: Math.max(...ys) - y + 1 };
}

/**
 * Photographs the screen until `box` looks the same twice in a row and `ready` holds: nothing tells a page when the
 * browser has finished drawing its own rows (a tab's loading throbber, a new icon), only the pictures show it.
 */
async function photographSettled(screen: string, box: Box, ready: () => boolean): Promise<void> {
  let last: Buffer | undefined;
  await expect
    .poll(
      () => {
        photograph(screen);
        const now = pixels(screen, box);
        const settled = last?.equals(now) ?? false;
        last = now;
        return settled && ready();
      },
      { intervals: [300] },
    )
    .toBe(true);
}

/** The browser's own rows (tabs and toolbar) above the page, from the page's window: Xvfb draws no window frames. */
const browserRows = (page: DriverPage): Promise<Box> =>
  page.evaluate(
    () => ({ x: window.screenX, y: window.screenY, width: window.outerWidth, height: window.outerHeight - window.innerHeight }),
    undefined,
  );

for (const theme of ['light', 'dark'] as const) {
  test(`the toolbar button in the ${theme} theme`, async ({ walletBrowser }, testInfo) => {
    test.setTimeout(240_000);
    // Chromium installs a store zip unpacked; Firefox takes the zip itself, as it installs an add-on file.
    const unpacked = testInfo.outputPath('chrome');
    if (walletBrowser === 'chromium') execFileSync('unzip', ['-qo', zipOf('chrome'), '-d', unpacked]);
    const wallet = await launchWallet(walletBrowser, {
      headed: true,
      colorScheme: theme,
      extension: walletBrowser === 'chromium' ? unpacked : zipOf('firefox'),
    });
    try {
      await prepareWallet(wallet, { availableMinor: 100_00 });
      for (let paid = 0; paid < PAYMENTS; paid++) await payFromBalance(wallet);
      // The wallet's page that opened at install reads the badge and locks the wallet: no tab comes and goes in the picture.
      const walletPage = await wallet.waitForPage('/wallet.html');
      await expect.poll(async () => (await badgeOf(walletPage)).text).toBe(String(PAYMENTS));
      // The shop's orders page in front: what the count is about.
      const shop = await wallet.newPage();
      await shop.goto(`${STOREFRONT_URL}/orders.html`);
      await shop.waitFor('[data-testid="order"]');
      const rows = await browserRows(shop);
      const screen = testInfo.outputPath('screen.png');
      await photographSettled(screen, rows, () => badgeBox(screen, rows) !== undefined);
      const badge = badgeBox(screen, rows)!;
      // The button and its neighbours on the toolbar, the last of the rows: the badge starts at the icon's middle,
      // below it in Chromium and above it in Firefox.
      const closeUp = { x: badge.x - 70, y: rows.y + rows.height - TOOLBAR_HEIGHT, width: 140, height: TOOLBAR_HEIGHT };
      mkdirSync(OUT_DIR, { recursive: true });
      const save = (state: 'badge' | 'locked') => {
        const name = `${walletBrowser}-${state}-${theme}`;
        crop(screen, closeUp, join(OUT_DIR, `${name}.png`));
        crop(screen, rows, join(OUT_DIR, `${name}-wide.png`));
      };
      save('badge');
      const unlocked = pixels(screen, closeUp);

      await resultOf(walletPage, { type: 'account.lock' });
      await photographSettled(screen, rows, () => !pixels(screen, closeUp).equals(unlocked));
      save('locked');
    } finally {
      await wallet.close();
    }
  });
}
