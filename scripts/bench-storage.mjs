// What the ledger takes on disk, for `npm run bench`: the benchmark page writes 100,000 transfers with the
// extension's schema and code, and IndexedDB's own estimate of the origin's usage, after less before, is
// compared with the JSON of the same records.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { serveBenchPage } from './bench-page.mjs';
import { QUIET_CHROMIUM_ARGS } from './browsers.mjs';

export const TRANSFERS = 100_000;

/** Bytes of the files under `dir`. @param {string} dir @returns {number} */
function folderBytes(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

/**
 * Writes the ledger in one session of the browser and reads the estimate in the next. Right after the writes,
 * LevelDB can still keep the files of tables it has already compacted into others, until it is next opened: the
 * estimate there read up to 2.7 times what it read after, and a minute of waiting did not change it.
 * @param {string} executablePath
 * @param {string} root the project folder
 */
export async function storageBench(executablePath, root) {
  const { server, port } = await serveBenchPage(root);
  // A profile on disk: the contexts of a launched browser are off the record, and keep IndexedDB in memory.
  const profile = mkdtempSync(join(tmpdir(), 'wallet-bench-storage-'));
  /** @param {(size: number) => Promise<any>} call the page's part, given the number of transfers */
  const inSession = async (call) => {
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: QUIET_CHROMIUM_ARGS });
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForSelector('body[data-ready="true"]');
      return await page.evaluate(call, TRANSFERS);
    } finally {
      await context.close();
    }
  };
  try {
    /** @type {{ beforeBytes: number, afterBytes: number, jsonBytes: number }} */
    const written = await inSession((size) => /** @type {any} */ (globalThis).bench.storage(size));
    /** @type {number} */
    const reopenedBytes = await inSession((size) => /** @type {any} */ (globalThis).bench.storageReopened(size));
    // The files themselves, beside the estimate: they should agree, or the estimate is not what is on disk.
    return { transfers: TRANSFERS, ...written, reopenedBytes, filesBytes: folderBytes(join(profile, 'Default', 'IndexedDB')) };
  } finally {
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** One row of the printed table. @param {Awaited<ReturnType<typeof storageBench>>} storage */
export function storageRow({ transfers, beforeBytes, afterBytes, reopenedBytes, jsonBytes, filesBytes }) {
  const perTransfer = (/** @type {number} */ bytes) => (bytes / transfers).toFixed(0);
  return {
    'on disk B / transfer': perTransfer(reopenedBytes - beforeBytes),
    'right after the writes': perTransfer(afterBytes - beforeBytes),
    'database files': perTransfer(filesBytes),
    'JSON B / transfer': perTransfer(jsonBytes),
    'disk / JSON': `${((reopenedBytes - beforeBytes) / jsonBytes).toFixed(2)}×`,
    target: '≤ 3×',
  };
}
