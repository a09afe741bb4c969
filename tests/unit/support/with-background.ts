import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { ON_DEMAND_FILE, ON_DEMAND_GLOBAL } from '@/entrypoints/background/on-demand';
import { accountScriptHandlers } from '@/entrypoints/background/on-demand-script';
import { PASSWORD_SCORER_FILE, PASSWORD_SCORER_GLOBAL } from '@/lib/account/password-scorer';
import { passwordScore } from '@/lib/account/password-strength';
import { WalletDatabase } from '@/lib/db';
import { runtimeResponse } from '@/lib/protocol/runtime';
import type { InlinePurpose } from '@/lib/inline/messages';
import type { Offer } from '@/lib/protocol/checkout';

/** A checkout page's content script, as the browser reports the sender. */
export const contentSender = { id: fakeBrowser.runtime.id, url: 'http://localhost:5178/checkout.html', tab: { id: 7 }, frameId: 0 };
/** One of the extension's own pages. */
export const extensionSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/confirm.html') };

/** What each classic script the build writes for the background leaves under its global when run. */
const extensionScripts: Record<string, [global: string, value: unknown]> = {
  [PASSWORD_SCORER_FILE]: [PASSWORD_SCORER_GLOBAL, passwordScore],
  [ON_DEMAND_FILE]: [ON_DEMAND_GLOBAL, accountScriptHandlers],
};

/** `importScripts` as Chrome's service worker answers it for those scripts. Any other file is not there. */
function importExtensionScript(url: string): void {
  const script = extensionScripts[url.slice(fakeBrowser.runtime.getURL('/').length)];
  if (!script || !url.startsWith(fakeBrowser.runtime.getURL('/'))) throw new Error(`${url} failed to load`);
  vi.stubGlobal(...script);
}

/** A new worker has run none of them yet. */
function forgetScripts() {
  for (const [global] of Object.values(extensionScripts)) vi.stubGlobal(global, undefined);
}

/** The real background on a new in-memory IndexedDB and a reset fake browser, as at install. */
export function startBackground(): void {
  fakeBrowser.reset();
  // WXT's fake browser keeps the badge but draws no icon: the icon the background sets is read from the call.
  vi.spyOn(fakeBrowser.action, 'setIcon').mockResolvedValue(undefined);
  vi.stubGlobal('importScripts', importExtensionScript);
  forgetScripts();
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
  forgetScripts();
  background.main();
}

/** The icon the background last set on the toolbar button: the manifest's until it sets one. */
export const toolbarIcon = () => vi.mocked(fakeBrowser.action.setIcon).mock.lastCall?.[0].path;

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
    return await send({ type: 'inline.press', token, point: { x: 10, y: 10, at: Date.now() } }, walletFrameOf(sender));
  } finally {
    tabs.sendMessage = previous;
  }
}

/** Opens the confirm window for paying `offer`, as the shopper's click on the Pay with wallet option does. */
export const openPayment = (offer: Offer, requestId = 'r1', sender: typeof contentSender = contentSender) =>
  pressWalletFrame({ kind: 'pay', requestId, offer }, sender);
