// Runs the card-fill detectors over the corpus of real checkout pages (tests/fixtures/checkout/real/) in real
// Chromium, as the content script would: each page served at its own address with the network cut off, the
// shopper's clicks that reveal the card form made first. Prints whether the offer came where it should and,
// per kind of card control, recall and precision by control; lists every miss by page. Writes
// bench-results/corpus.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, findBrowser, installAdvice } from './browsers.mjs';
import { openSavedPage, probeSource } from './corpus-pages.mjs';

/**
 * @typedef {{ url: string | null, paymentStep: boolean, reveal?: string[], files?: Record<string, string>, controls?: Record<string, string>, provider: string | null }} Expected
 * @typedef {ReturnType<import('../tests/corpus/probe').probe>} Seen
 * @typedef {{ file: string, expected: Expected, seen: Seen, error?: string }} Result
 */

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(process.env.CORPUS_DIR ?? join(root, 'tests/fixtures/checkout/real'));
/** @type {Record<string, Expected>} */
const pages = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'));
const only = process.argv[2];

const probe = await probeSource(root);

const executablePath = findBrowser('chromium');
if (!executablePath) {
  console.error(installAdvice('chromium'));
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: QUIET_CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

/** @type {Result[]} */
const results = [];
for (const [file, expected] of Object.entries(pages)) {
  if (only && !file.includes(only)) continue;
  const url = expected.url ?? `https://corpus.example/${file}`;
  const { page, error } = await openSavedPage(context, { dir: corpus, file, url, reveal: expected.reveal, files: expected.files, probe });
  /** @type {Seen} */
  const seen = error
    ? { maybe: false, isCheckout: false, reasons: [], offered: false, note: null, expected: [], extras: [], ms: 0 }
    : await page.evaluate(
        ([controls, address]) =>
          /** @type {{ corpusProbe: import('../tests/corpus/probe').Probe }} */ (/** @type {unknown} */ (globalThis)).corpusProbe(
            controls,
            address,
          ),
        /** @type {[Record<string, string>, string]} */ ([expected.controls ?? {}, url]),
      );
  results.push({ file, expected, seen, error });
  await page.close();
}
await browser.close();

// Payment steps: the offer (or, where a provider's frame takes the number, the note naming it) must show.
const steps = results.filter(({ expected }) => expected.paymentStep);
const negatives = results.filter(({ expected }) => !expected.paymentStep);
/** @param {Pick<Result, "expected" | "seen">} result */
const served = ({ expected, seen }) => (expected.provider ? seen.note !== null || seen.offered : seen.offered);
const stepsOk = steps.filter(served);
const negativesOk = negatives.filter(({ seen }) => !seen.offered && seen.note === null);

/** @type {Record<string, { expected: number, found: number, right: number }>} */
const kinds = {};
/** @param {string} kind */
const tally = (kind) => (kinds[kind] ??= { expected: 0, found: 0, right: 0 });
for (const { seen } of steps) {
  for (const { kind, got } of seen.expected) {
    tally(kind).expected++;
    if (got) tally(got).found++;
    if (got === kind) tally(kind).right++;
  }
  for (const { kind } of seen.extras) tally(kind).found++;
}
const all = Object.values(kinds).reduce(
  (sum, k) => ({ expected: sum.expected + k.expected, found: sum.found + k.found, right: sum.right + k.right }),
  {
    expected: 0,
    found: 0,
    right: 0,
  },
);
/** @param {number} part @param {number} whole */
const percent = (part, whole) => (whole === 0 ? '   –  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

console.log(`Corpus: ${results.length} pages (${steps.length} payment steps, ${negatives.length} negatives) in ${corpus}`);
console.log(`  offer on payment steps     ${stepsOk.length} / ${steps.length}`);
console.log(`  no offer on negatives      ${negativesOk.length} / ${negatives.length}`);
console.log('  kind          controls  recall  precision');
for (const [kind, k] of Object.entries(kinds).sort()) {
  console.log(`  ${kind.padEnd(13)} ${String(k.expected).padStart(8)}  ${percent(k.right, k.expected)}  ${percent(k.right, k.found)}`);
}
console.log(
  `  ${'all'.padEnd(13)} ${String(all.expected).padStart(8)}  ${percent(all.right, all.expected)}  ${percent(all.right, all.found)}`,
);
const times = results.map(({ seen }) => seen.ms).sort((a, b) => a - b);
console.log(`  detectors on one page: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`);

const misses = [];
for (const { file, expected, seen, error } of results) {
  const lines = [];
  if (error) lines.push(`could not load: ${error}`);
  if (expected.paymentStep && !served({ expected, seen })) lines.push(`no offer (reasons: ${seen.reasons.join(', ') || 'none'})`);
  if (!expected.paymentStep && (seen.offered || seen.note)) lines.push(`offer on a negative (reasons: ${seen.reasons.join(', ')})`);
  if (expected.paymentStep) {
    for (const { selector, kind, got, missing, why } of seen.expected) {
      if (missing) lines.push(`${selector}: not on the page`);
      else if (got !== kind) lines.push(`${selector}: expected ${kind}, got ${got ?? 'nothing'}${why ? ` (${why})` : ''}`);
    }
    for (const { element, kind } of seen.extras) lines.push(`${element}: filled as ${kind}, not a card control`);
  }
  if (lines.length > 0) misses.push({ file, lines });
}
if (misses.length > 0) console.log('Misses:');
for (const { file, lines } of misses) {
  console.log(`  ${file}`);
  for (const line of lines) console.log(`    ${line}`);
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', 'corpus.json'),
  `${JSON.stringify({ pages: results.length, steps: [stepsOk.length, steps.length], negatives: [negativesOk.length, negatives.length], kinds, all, misses }, null, 2)}\n`,
);
