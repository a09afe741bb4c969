// `npm run bench`: measures what the budgets in DESIGN.md limit and prints one table (and writes
// it as JSON). Run after `npm run build`; sizes are gzip at the default level, as stores serve them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  { name: 'popup JS', files: pageScripts('popup.html'), budgetBytes: 45 * KB },
  { name: 'confirm window JS', files: pageScripts('confirm.html') },
  { name: 'background', files: ['background.js'] },
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

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results', 'bench.json'),
  JSON.stringify({ measuredAt: new Date().toISOString(), bundles: rows }, null, 2) + '\n',
);
const over = rows.filter((row) => row.ratioToBudget !== null && row.ratioToBudget > 1);
if (over.length > 0) {
  console.error(`Over budget: ${over.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
