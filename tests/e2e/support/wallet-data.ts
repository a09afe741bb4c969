import { DATABASE_NAME } from '../../../lib/db';
import type { RuntimeRequest, RuntimeResponse } from '../../../lib/protocol/runtime';
import { png } from '../../unit/support/images';
import type { DriverPage, WalletDriver } from './driver';
import { expect } from './fixtures';

/**
 * An extension page that never opens the database itself, so tests can look at IndexedDB as the
 * background left it. The confirm window without an approval only shows an error.
 */
export async function openExtensionOrigin(wallet: WalletDriver): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/confirm.html'));
  await page.waitFor('main');
  return page;
}

/** The wallet database's object stores, or undefined while it does not exist. */
export function storesOf(page: DriverPage): Promise<string[] | undefined> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === name)) return undefined;
    return new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        resolve([...request.result.objectStoreNames].sort());
        request.result.close();
      };
      request.onerror = () => reject(request.error);
    });
  }, DATABASE_NAME);
}

/**
 * Asks the background from an extension page, as the wallet's own pages do, and returns its
 * answer. Tests use it for steps whose pages come in later issues (sign-up, top-up forms).
 */
export function askBackground(page: DriverPage, message: RuntimeRequest): Promise<RuntimeResponse> {
  return page.evaluate((message) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<RuntimeResponse> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
  }, message);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Verifies the wallet's identity in sped-up wallet time, as a shopper who sent their passport
 * would be after the review: limits of $5,000, and purchases accepted without a payment check.
 * The clock runs at its normal speed again afterwards.
 */
export async function verifyIdentity(page: DriverPage): Promise<void> {
  expect(
    await askBackground(page, {
      type: 'identity.submit',
      submission: {
        documentType: 'passport',
        files: [
          { side: 'photo_page', name: 'photo-page.png', bytes: base64(png(1200, 800)) },
          { side: 'cover', name: 'cover.png', bytes: base64(png(1200, 800)) },
        ],
      },
    }),
  ).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'clock.setSpeedup', speedup: 100_000 })).toMatchObject({ ok: true });
  await expect
    .poll(async () => JSON.stringify(await askBackground(page, { type: 'wallet.state' })), { timeout: 30_000 })
    .toContain('"verified":true');
  expect(await askBackground(page, { type: 'clock.setSpeedup', speedup: 1 })).toMatchObject({ ok: true });
}
