// `npm run bench`: measures what the budgets in docs/budgets.md limit and prints the figures (and writes
// them as JSON). Run after `npm run build`; sizes are gzip at the default level, as stores serve
// them; speeds are ratios measured in one run in real headless Chromium, never absolute targets.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { checkoutBench } from './bench-checkout.mjs';
import { detectorBench, detectorRow } from './bench-detectors.mjs';
import { firefoxBench } from './bench-firefox.mjs';
import { buildBenchPage, serveBenchPage } from './bench-page.mjs';
import { PAIRS, interleaved, pairedRatio, ratioRow } from './bench-pairs.mjs';
import { popupBench } from './bench-popup.mjs';
import { storageBench, storageRow } from './bench-storage.mjs';
import { QUIET_CHROMIUM_ARGS, findBrowser, installAdvice } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const build = join(root, '.output', 'chrome-mv3');
const KB = 1024;

/** @param {string} file */
const gzipBytes = (file) => gzipSync(readFileSync(join(build, file))).length;

/** Every script an extension page loads, including the chunks it shares with other pages. @param {string} html */
function pageScripts(html) {
  const source = readFileSync(join(build, html), 'utf8');
  return [...source.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

/** @type {{ name: string, files: string[], budgetBytes?: number }[]} */
const bundles = [
  { name: 'content script', files: ['content-scripts/checkout.js'], budgetBytes: 15 * KB },
  { name: 'card-fill module (loaded where a card form may be)', files: ['card-fill.js'] },
  { name: 'popup JS', files: pageScripts('popup.html'), budgetBytes: 45 * KB },
  { name: 'confirm window JS', files: pageScripts('confirm.html') },
  { name: 'wallet page JS (before the lazy password meter)', files: pageScripts('wallet.html') },
  { name: 'background', files: ['background.js'], budgetBytes: 70 * KB },
];

const rows = bundles.map(({ name, files, budgetBytes }) => {
  const bytes = files.reduce((sum, file) => sum + gzipBytes(file), 0);
  return { name, gzipBytes: bytes, budgetBytes: budgetBytes ?? null, ratioToBudget: budgetBytes ? bytes / budgetBytes : null };
});

console.log('\nBundle sizes (gzip), Chrome build');
console.table(
  rows.map((row) => ({
    bundle: row.name,
    'gzip KB': (row.gzipBytes / KB).toFixed(1),
    'budget KB': row.budgetBytes ? (row.budgetBytes / KB).toFixed(0) : '-',
    'of budget': row.ratioToBudget ? `${(row.ratioToBudget * 100).toFixed(0)}%` : '-',
  })),
);

buildBenchPage(root);
const firefoxVaults = await inFirefox('vaults', 5);
const ledger = await ledgerBench(firefoxVaults);
const ledgerRatios = [
  pairedRatio('payment commit: wallet / raw IndexedDB writes of the same records', ledger.payments, '≤ 1.3'),
  pairedRatio(
    "a payment's reads alone: raw writes after the records a payment reads / raw writes",
    ledger.paymentReads,
    '(floor of the above)',
  ),
  pairedRatio('read balance: 100,000 / 1,000 transfers', ledger.balance, '≈ 1'),
  pairedRatio('first history page (50): 100,000 / 1,000 transfers', ledger.firstPage, '≈ 1'),
  pairedRatio("overview's spending, last 12 months: 100,000 / 1,000 transfers", ledger.spending, '≈ 1'),
  pairedRatio('history totals, unfiltered: 100,000 / 1,000 transfers', ledger.totals, '≈ 1'),
  pairedRatio('history totals, purchases in the last 90 days: 100,000 / 1,000 transfers', ledger.lastDaysTotals, '≈ 1'),
];
console.log(`\nLedger in real headless Chromium (the extension's schema and code); a payment is timed over ${ledger.batch} payments`);
console.table(ledgerRatios.map(ratioRow));

const { vaultsForFirefox, ...ledgerFigures } = ledger;

const chromiumPath = findBrowser('chromium');
if (!chromiumPath) throw new Error(installAdvice('chromium'));
const checkout = await checkoutBench(chromiumPath, root);
const popup = await popupBench(chromiumPath, root);
const firefox = await firefoxBench(findBrowser('firefox'), root);
const changes = checkout.mutations.mutations.toLocaleString('en');
const pageRatios = [
  pairedRatio('checkout page load (loadEventEnd): with / without the wallet', checkout.loads, '≤ 1.05'),
  pairedRatio(
    `a card-form page changing its DOM ${changes} times: main-thread CPU with / without the wallet`,
    checkout.mutations.cardForm,
    '≤ 1.05',
  ),
  pairedRatio(
    `a page without a card form, the same ${changes} changes: main-thread CPU with / without`,
    checkout.mutations.noCardForm,
    '≤ 1.05',
  ),
  pairedRatio(`popup to balance and recent activity: ${popup.transfers.toLocaleString('en')} transfers / none`, popup.history, '≈ 1'),
];
// Cold figures are paired with warm ones for their spread; their targets are times, so the medians are what count.
const coldRatios = [
  pairedRatio(
    "the page's offer to the option in its extension frame: worker stopped / warm",
    checkout.offerToOption,
    'A ≤ 100 ms, B ≤ 50 ms',
  ),
  pairedRatio('popup to its balance: worker stopped / warm', popup.coldPopup, 'A ≤ 250 ms'),
  pairedRatio('a background request (wallet.balance) and its answer: worker stopped / warm', popup.coldRequest, '-'),
  ...(firefox
    ? [
        pairedRatio('Firefox: popup to its balance: event page suspended / awake', firefox.coldPopup, '-'),
        pairedRatio('Firefox: a background request and its answer: event page suspended / awake', firefox.coldRequest, '-'),
      ]
    : []),
];
console.log('\nThe demo checkout page and the toolbar popup in headless Chromium, and the popup in Firefox (A and B measured in turn)');
console.table([...pageRatios, ...coldRatios].map(ratioRow));
const { withWallet, without } = checkout.stalls;
console.log('\nA page flooding the wallet with checkout messages (target: no message holds the page 50 ms or more)');
console.table([
  {
    measure: 'a burst of 10,000 messages: longest hold by one',
    'with the wallet ms': withWallet.burst.longestMs.toFixed(1),
    'without ms': without.burst.longestMs.toFixed(1),
  },
  {
    measure: 'the same burst: last post to last handled',
    'with the wallet ms': withWallet.burst.drainMs.toFixed(1),
    'without ms': without.burst.drainMs.toFixed(1),
  },
  {
    measure: 'one message referring to itself 40 times',
    'with the wallet ms': withWallet.selfReferenceMs.toFixed(1),
    'without ms': without.selfReferenceMs.toFixed(1),
  },
]);

const detectors = await detectorBench(chromiumPath, root);
console.log(
  `\nOne full detection (the first look, the detectors, the layout check) on the largest saved checkout pages, median of ${detectors.runs} looks each`,
);
console.table(detectors.pages.map(detectorRow));
console.log(`  those pages: median ${detectors.medianMs.toFixed(1)} ms, max ${detectors.maxMs.toFixed(1)} ms (target ≤ 8 ms)`);

const storage = await storageBench(chromiumPath, root);
const storageRatio = {
  ratio: `ledger on disk at ${storage.transfers.toLocaleString('en')} transfers: IndexedDB's estimate / JSON of the records`,
  value: (storage.reopenedBytes - storage.beforeBytes) / storage.jsonBytes,
  target: '≤ 3',
};
console.log(
  `\n${storage.transfers.toLocaleString('en')} transfers in IndexedDB on disk, headless Chromium (the extension's schema and code)`,
);
console.table([storageRow(storage)]);

const unlockMs = { chromium: ledger.unlockMs, firefox: await inFirefox('unlockVaults', vaultsForFirefox) };
console.log('\nUnlocking the vault (PBKDF2-SHA256, 600,000 iterations), median of 5 vaults made in the other browser, headless');
console.table([
  { browser: 'Chromium', 'unlock ms': unlockMs.chromium.toFixed(0) },
  { browser: 'Firefox', 'unlock ms': unlockMs.firefox === null ? 'not installed' : unlockMs.firefox.toFixed(0) },
]);

/** Every ratio of the run in one place, with where docs/budgets.md wants it. */
const ratios = [
  ...ledgerRatios,
  ...pageRatios,
  ...coldRatios,
  ...rows
    .filter((row) => row.ratioToBudget !== null)
    .map((row) => ({ ratio: `${row.name}: gzip size / budget`, value: /** @type {number} */ (row.ratioToBudget), target: '≤ 1' })),
  storageRatio,
];
const unstable = ratios.filter((figure) => 'unstable' in figure && figure.unstable);
if (unstable.length > 0) console.log(`\nUnstable (spread wider than the effect): ${unstable.map((figure) => figure.ratio).join('; ')}`);

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', 'bench.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      pairs: PAIRS,
      ratios,
      bundles: rows,
      ledger: ledgerFigures,
      unlockMs,
      checkout,
      popup,
      firefox,
      detectors,
      storage,
    },
    null,
    2,
  ) + '\n',
);
const over = [
  ...rows.filter((row) => row.ratioToBudget !== null && row.ratioToBudget > 1).map((row) => row.name),
  ...(storageRatio.value > 3 ? ['the ledger on disk'] : []),
];
if (over.length > 0) {
  console.error(`Over budget: ${over.join(', ')}`);
  process.exit(1);
}

/**
 * Serves the benchmark page on loopback and runs it in headless Chromium.
 * @param {unknown[] | null} firefoxVaults vaults made in Firefox, for Chromium to unlock
 */
async function ledgerBench(firefoxVaults) {
  const { server, port } = await serveBenchPage(root);
  const executablePath = findBrowser('chromium');
  if (!executablePath) throw new Error(installAdvice('chromium'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    /** @type {(method: string, ...args: unknown[]) => Promise<any>} */
    const call = (method, ...args) =>
      page.evaluate(({ method, args }) => /** @type {any} */ (globalThis).bench[method](...args), { method, args });
    const batch = 300;
    const payments = await interleaved(
      () => call('walletPayments', batch),
      () => call('rawWrites', batch),
    );
    // What a payment's reads cost on their own, however it makes them: the floor under the payment's ratio.
    const paymentReads = await interleaved(
      () => call('rawWrites', batch, true),
      () => call('rawWrites', batch),
    );
    /** @typedef {{ balanceMs: number[], firstPageMs: number[], spendingMs: number[], totalsMs: number[], lastDaysTotalsMs: number[] }} ReadFigures */
    /** @type {{ small: ReadFigures, large: ReadFigures }} */
    const read = await call('reads', 1_000, 100_000, PAIRS);
    return {
      batch,
      payments,
      paymentReads,
      balance: { aMs: read.large.balanceMs, bMs: read.small.balanceMs },
      firstPage: { aMs: read.large.firstPageMs, bMs: read.small.firstPageMs },
      spending: { aMs: read.large.spendingMs, bMs: read.small.spendingMs },
      totals: { aMs: read.large.totalsMs, bMs: read.small.totalsMs },
      lastDaysTotals: { aMs: read.large.lastDaysTotalsMs, bMs: read.small.lastDaysTotalsMs },
      // Each browser unlocks vaults the other made (see unlockVaults in bench/ledger-bench.ts).
      unlockMs: /** @type {number} */ (await call('unlockVaults', firefoxVaults ?? (await call('vaults', 5)))),
      vaultsForFirefox: await call('vaults', 5),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Calls one function of the benchmark page in headless Firefox (puppeteer over WebDriver BiDi);
 * null when Firefox is not installed.
 * @param {string} name
 * @param {unknown} arg
 */
async function inFirefox(name, arg) {
  const executablePath = findBrowser('firefox');
  if (!executablePath) return null;
  const { default: puppeteer } = await import('puppeteer-core');
  const { server, port } = await serveBenchPage(root);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true, protocol: 'webDriverBiDi' });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    return await page.evaluate((method, value) => /** @type {any} */ (globalThis).bench[method](value), name, arg);
  } finally {
    await browser.close();
    server.close();
  }
}
