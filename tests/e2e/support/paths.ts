import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserName } from './driver';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT ?? 5178);
export const STOREFRONT_URL = `http://localhost:${STOREFRONT_PORT}`;

export const extensionDir = (browser: BrowserName) => join(ROOT, '.output', browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');

/** Screenshots are artifacts of the run, one folder per browser. */
export function screenshotPath(browser: BrowserName, name: string): string {
  const dir = join(ROOT, 'test-results', 'screenshots', browser);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
