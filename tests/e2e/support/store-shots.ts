import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { BrowserName } from './driver';
import { ROOT, screenshotPath } from './paths';

/** The one size both stores take: the Chrome Web Store asks for exactly 1280×800 (or 640×400), AMO for 1280×800 at most, at 1.6:1. */
export const STORE_SHOT = { width: 1280, height: 800 } as const;

/** Chromium and Firefox cap an extension's popup at 800×600 and scroll what is taller. */
export const POPUP_MAX = { width: 800, height: 600 } as const;

/** The listing's screenshots, one folder per store and language. */
const LISTING_DIR = join(ROOT, 'docs', 'store', 'screenshots');

/** A PNG's size, from its header. */
export function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(16, 24);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
}

const dataUrl = (path: string) => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

/**
 * Draws a window of the wallet (the popup, the confirm window) over the page it opens from, where the shopper sees
 * it: headless browsers show each in a page of its own, and a store screenshot is one picture.
 */
export function composeOver(backdrop: string, window: string, at: { x: number; y: number }, out: string): string {
  const { width, height } = pngSize(window);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${STORE_SHOT.width}" height="${STORE_SHOT.height}">
  <defs><filter id="shadow" x="-20%" y="-20%" width="140%" height="140%"><feDropShadow dx="0" dy="8" stdDeviation="14" flood-color="#0b1520" flood-opacity="0.32"/></filter></defs>
  <image href="${dataUrl(backdrop)}" width="${STORE_SHOT.width}" height="${STORE_SHOT.height}"/>
  <rect x="${at.x}" y="${at.y}" width="${width}" height="${height}" fill="#ffffff" filter="url(#shadow)"/>
  <image href="${dataUrl(window)}" x="${at.x}" y="${at.y}" width="${width}" height="${height}"/>
  <rect x="${at.x - 0.5}" y="${at.y - 0.5}" width="${width + 1}" height="${height + 1}" fill="none" stroke="#9aa7b4" stroke-width="1"/>
</svg>`;
  writeFileSync(out, new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
  return out;
}

/** A store screenshot's name among the run's artifacts (test-results/screenshots/<browser>/), which holds every language's. */
export const shotName = (locale: string, name: string) => `store-${locale}-${name}`;

/** Where a picture composed from screenshots goes among the run's artifacts. */
export const composedPath = (browser: BrowserName, locale: string, name: string) => screenshotPath(browser, shotName(locale, name));

/**
 * Copies a finished store screenshot into the listing when `STORE_SCREENSHOTS=1` asks for it; an ordinary run
 * leaves the committed pictures alone and keeps its own under test-results.
 */
export function publish(browser: BrowserName, locale: string, name: string, path: string): void {
  if (process.env.STORE_SCREENSHOTS !== '1') return;
  const target = join(LISTING_DIR, browser === 'chromium' ? 'chrome' : 'firefox', locale, `${name}.png`);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
}
