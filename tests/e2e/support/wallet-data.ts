import { DATABASE_NAME } from '../../../lib/db';
import type { Account } from '../../../lib/ledger/account';
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
 * Writes the shopper's account straight into the ledger's store. The wallet has no way to create
 * money from outside (by design), so a test that needs a balance puts one there directly.
 */
export function seedShopperAccount(page: DriverPage, account: Account): Promise<void> {
  return page.evaluate(
    ({ name, account }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const transaction = request.result.transaction('accounts', 'readwrite');
          transaction.objectStore('accounts').put(account);
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
        request.onerror = () => reject(request.error);
      }),
    { name: DATABASE_NAME, account },
  );
}
