// Saved checkout pages opened in real Chromium as the content script would meet them, for `npm run corpus` and
// the bench: each page served at its own address with the network cut off, the shopper's clicks that reveal the
// card form made first, then the detectors' probe (tests/corpus/probe.ts) added to the page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/**
 * The probe, bundled for a page: it sets `corpusProbe` and `corpusTiming` on the page's window.
 * @param {string} root the project folder
 */
export async function probeSource(root) {
  const bundle = await build({
    entryPoints: [join(root, 'tests/corpus/probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { '@': root },
    logLevel: 'error',
  });
  return bundle.outputFiles[0]?.text ?? '';
}

/**
 * The saved file a request asks for: the page itself, a file its entry maps the address's path to (a
 * platform's script, saved under a name of its own), or a frame of it saved beside it.
 * @param {string} dir where the pages are saved
 * @param {string} url
 * @param {{ url: string, file: string, files?: Record<string, string> }} page
 */
function savedFile(dir, url, page) {
  const { pathname } = new URL(url);
  const name = basename(pathname);
  const withoutHash = (/** @type {string} */ address) => new URL(address).href.replace(/#.*/, '');
  if (withoutHash(url) === withoutHash(page.url)) return page.file;
  const mapped = page.files?.[pathname];
  if (mapped) return mapped;
  return name && existsSync(join(dir, name)) && statSync(join(dir, name)).isFile() ? name : undefined;
}

/**
 * Opens one saved page with the probe in it; `error` says why it could not be loaded or revealed.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ dir: string, file: string, url: string, reveal?: string[], files?: Record<string, string>, probe: string }} saved
 */
export async function openSavedPage(context, { dir, file, url, reveal = [], files, probe }) {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const wanted = savedFile(dir, route.request().url(), { url, file, files });
    if (!wanted) return route.abort();
    const contentType = wanted.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
    return route.fulfill({ status: 200, contentType, body: readFileSync(join(dir, wanted)) });
  });
  /** @type {string | undefined} */
  let error;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    for (const selector of reveal) {
      await page.locator(selector).first().click({ timeout: 5_000 });
      await page.waitForTimeout(200);
    }
    await page.addScriptTag({ content: probe });
  } catch (caught) {
    error = String(caught).split('\n')[0];
  }
  return { page, error };
}
