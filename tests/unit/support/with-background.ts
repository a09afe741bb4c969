import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { PASSWORD_SCORER_FILE, PASSWORD_SCORER_GLOBAL } from '@/lib/account/password-scorer';
import { passwordScore } from '@/lib/account/password-strength';
import { PHONE_PLANS_FILE } from '@/lib/account/phone-plans';
import { WalletDatabase } from '@/lib/db';
import { runtimeResponse } from '@/lib/protocol/runtime';
import type { InlinePurpose } from '@/lib/inline/messages';
import type { Offer } from '@/lib/protocol/checkout';

/** A checkout page's content script, as the browser reports the sender. */
export const contentSender = { id: fakeBrowser.runtime.id, url: 'http://localhost:5178/checkout.html', tab: { id: 7 }, frameId: 0 };
/** One of the extension's own pages. */
export const extensionSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/confirm.html') };

/** The extension's own files the background reads, as the build writes them (`wxt.config.ts`). */
const extensionFiles: Record<string, string> = { [PHONE_PLANS_FILE]: JSON.stringify(bundledPhonePlans) };

/** `fetch` as the browser answers it for the extension's own files. */
async function fetchExtensionFile(input: RequestInfo | URL): Promise<Response> {
  const base = fakeBrowser.runtime.getURL('/');
  const url = String(input);
  const file = url.startsWith(base) ? extensionFiles[url.slice(base.length)] : undefined;
  return file === undefined ? new Response('Not found', { status: 404 }) : new Response(file);
}

/**
 * `importScripts` as Chrome's service worker answers it for the scorer the build writes, which leaves the
 * wallet page's scorer under its global (`password-scorer-script.ts`). Any other file is not there.
 */
function importExtensionScript(url: string): void {
  if (url !== fakeBrowser.runtime.getURL(`/${PASSWORD_SCORER_FILE}`)) throw new Error(`${url} failed to load`);
  vi.stubGlobal(PASSWORD_SCORER_GLOBAL, passwordScore);
}

/** The real background on a new in-memory IndexedDB and a reset fake browser, as at install. */
export function startBackground(): void {
  fakeBrowser.reset();
  vi.stubGlobal('fetch', fetchExtensionFile);
  vi.stubGlobal('importScripts', importExtensionScript);
  // A new worker has run no script yet.
  vi.stubGlobal(PASSWORD_SCORER_GLOBAL, undefined);
  // The previous test's background still holds its database open, so each start gets its own IndexedDB.
  const factory = new IDBFactory();
  Dexie.dependencies.indexedDB = factory;
  vi.stubGlobal('indexedDB', factory);
  background.main();
}

/** A service worker restart: the old worker's listeners and memory (the scripts it ran among them) are gone, session storage stays. */
export function restartWorker() {
  (fakeBrowser.runtime.onMessage as unknown as { removeAllListeners(): void }).removeAllListeners();
  (fakeBrowser.alarms.onAlarm as unknown as { removeAllListeners(): void }).removeAllListeners();
  vi.stubGlobal(PASSWORD_SCORER_GLOBAL, undefined);
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

/** The wallet's frame on the page a content script sender is on, as the browser reports it. */
export const walletFrameOf = (sender: { tab: { id: number } }, frameId = 3) => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/inline.html'),
  tab: { id: sender.tab.id },
  frameId,
});

/**
 * A shopper's click on the wallet's frame, as it reaches the background: the content script
 * registers what the frame stands for, the frame reports the click, and the content script (played
 * here) agrees it counts. Other messages to tabs go where they went before.
 */
export async function pressWalletFrame(
  purpose: InlinePurpose,
  sender: typeof contentSender = contentSender,
  token: string = crypto.randomUUID(),
) {
  expect(await send({ type: 'inline.present', token, purpose }, sender)).toMatchObject({ ok: true });
  const tabs = fakeBrowser.tabs as { sendMessage: (...args: unknown[]) => Promise<unknown> };
  const previous = tabs.sendMessage;
  tabs.sendMessage = async (...args) => ((args[1] as { type?: string }).type === 'inline.check' ? { verdict: 'ok' } : previous(...args));
  try {
    return await send({ type: 'inline.press', token, point: { x: 10, y: 10 } }, walletFrameOf(sender));
  } finally {
    tabs.sendMessage = previous;
  }
}

/** Opens the confirm window for paying `offer`, as the shopper's click on the Pay with wallet option does. */
export const openPayment = (offer: Offer, requestId = 'r1', sender: typeof contentSender = contentSender) =>
  pressWalletFrame({ kind: 'pay', requestId, offer }, sender);
