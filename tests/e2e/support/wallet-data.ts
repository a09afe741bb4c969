import { DATABASE_NAME } from '../../../lib/db';
import type { RuntimeRequest, RuntimeResponse } from '../../../lib/protocol/runtime';
import type { DriverPage, WalletDriver } from './driver';

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
