import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { WalletDatabase } from '@/lib/db';
import { runtimeResponse } from '@/lib/protocol/runtime';

/** A checkout page's content script, as the browser reports the sender. */
export const contentSender = { id: fakeBrowser.runtime.id, url: 'http://localhost:5178/checkout.html', tab: { id: 7 }, frameId: 0 };
/** One of the extension's own pages. */
export const extensionSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/confirm.html') };

/** The real background on a new in-memory IndexedDB and a reset fake browser, as at install. */
export function startBackground(): void {
  fakeBrowser.reset();
  // The previous test's background still holds its database open, so each start gets its own IndexedDB.
  const factory = new IDBFactory();
  Dexie.dependencies.indexedDB = factory;
  vi.stubGlobal('indexedDB', factory);
  background.main();
}

/** Sends a message to the background as the browser would, with the sender it reports (an extension page unless told). */
export async function send(message: unknown, sender: object = extensionSender) {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return runtimeResponse.parse(answers[0]);
}

/** Everything the wallet keeps, in IndexedDB and extension storage, to compare before and after. */
export async function dumpWallet(): Promise<string> {
  const db = new WalletDatabase();
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  const storage = [await fakeBrowser.storage.local.get(), await fakeBrowser.storage.session.get()];
  db.close();
  return JSON.stringify([tables, storage]);
}
