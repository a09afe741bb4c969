// The card-fill detectors' own cost, for `npm run bench`: one full detection (the content script's first look,
// the detectors and the layout check) on the largest saved checkout pages, in headless Chromium. The pages are
// the test fixtures and the real corpus, opened as `npm run corpus` opens them; the largest are those with the
// most elements among the pages the first look lets the detectors run on (elsewhere they never load).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { median } from './bench-pairs.mjs';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';
import { openSavedPage, probeSource } from './corpus-pages.mjs';

/** Pages timed from each set: its largest. */
const LARGEST = 4;
/** Looks at each: the content script looks again after every quiet second, so a page is looked at many times. */
const LOOKS = 9;

/** @typedef {{ set: string, file: string, elements: number, ms: number[], medianMs: number }} TimedPage */

/**
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function detectorBench(executablePath, root) {
  const probe = await probeSource(root);
  const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fixtures = join(root, 'tests/fixtures/checkout');
  try {
    /** @type {TimedPage[]} */
    const pages = [];
    for (const [set, dir] of /** @type {const} */ ([
      ['fixture', fixtures],
      ['real', join(fixtures, 'real')],
    ])) {
      /** @type {Record<string, { url?: string | null, reveal?: string[], files?: Record<string, string> }>} */
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      const saved = Object.entries(expected).map(([file, { url, reveal, files }]) => ({
        dir,
        file,
        url: url ?? `https://corpus.example/${file}`,
        reveal,
        files,
        probe,
      }));
      // One look each to size them, then the largest timed: the look that sizes a page is its first, and slower.
      const sized = [];
      for (const page of saved) {
        const { elements, maybe } = await timed(context, page, 1);
        if (maybe) sized.push({ page, elements });
      }
      for (const { page } of sized.sort((a, b) => b.elements - a.elements).slice(0, LARGEST)) {
        const { elements, ms } = await timed(context, page, LOOKS);
        pages.push({ set, file: page.file, elements, ms, medianMs: median(ms) });
      }
    }
    const medians = pages.map((page) => page.medianMs);
    return { runs: LOOKS, pages, medianMs: median(medians), maxMs: Math.max(...medians) };
  } finally {
    await browser.close();
  }
}

/**
 * Opens a saved page and times `runs` detections of it; a page that cannot be loaded counts as no card form.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {Parameters<typeof openSavedPage>[1]} saved
 * @param {number} runs
 */
async function timed(context, saved, runs) {
  const { page, error } = await openSavedPage(context, saved);
  try {
    if (error) return { elements: 0, maybe: false, ms: [] };
    return await page.evaluate(
      ([url, count]) =>
        /** @type {{ corpusTiming: import('../tests/corpus/probe').Timing }} */ (/** @type {unknown} */ (globalThis)).corpusTiming(
          url,
          count,
        ),
      /** @type {[string, number]} */ ([saved.url, runs]),
    );
  } finally {
    await page.close();
  }
}

/** One row of the printed table. @param {TimedPage} page */
export function detectorRow({ set, file, elements, ms, medianMs }) {
  return {
    page: `${set === 'real' ? 'real/' : ''}${file}`,
    elements,
    'median ms': medianMs.toFixed(1),
    'min–max ms': `${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)}`,
    target: '≤ 8',
  };
}
