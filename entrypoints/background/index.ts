import { browser } from 'wxt/browser';
import { requirePaymentPassword } from '@/lib/account/payment-auth';
import { lazyPasswordScorer, PASSWORD_SCORER_FILE } from '@/lib/account/password-scorer';
import { lazyOwnFile } from '@/lib/own-files';
import { WalletDatabase } from '@/lib/db';
import { createLedger } from '@/lib/ledger/ledger';
import { createRouter } from '@/lib/protocol/router';
import type { WalletContext } from '@/lib/wallet/context';
import { createApprovalWindows } from './approval-windows';
import { createStoredClock } from './demo-clock';
import { approvalHandlers } from './handlers/approval';
import { badgeHandlers } from './handlers/badge';
import { cardHandlers } from './handlers/cards';
import { inlineHandlers } from './handlers/inline';
import { merchantHandlers } from './handlers/merchant';
import { orderHandlers } from './handlers/orders';
import { topUpHandlers } from './handlers/top-ups';
import { walletHandlers } from './handlers/wallet';
import { createJobAlarm } from './job-alarm';
import { ON_DEMAND_FILE, onDemandFactory, onDemandHandlers } from './on-demand';
import { senderFrom } from './sender';
import type { BackgroundServices } from './services';
import { createToolbar } from './toolbar';
import { createVaultSession } from './vault-session';

// Wires the browser to the wallet: one handler module per message namespace, each a table from message to `lib/`.
export default defineBackground(() => {
  const db = new WalletDatabase();
  const time = createStoredClock();
  const context: WalletContext = { db, ledger: createLedger(db, time.clock), clock: time.clock };
  const toolbar = createToolbar(context, time.clock);
  const session = createVaultSession(toolbar.showLocked);
  const jobs = createJobAlarm(context, time.clock, toolbar.recount);
  const services: BackgroundServices = {
    context,
    session,
    approvals: createApprovalWindows(),
    time,
    afterChange: async (work) => {
      const result = await work;
      await jobs.schedule();
      await toolbar.recount();
      return result;
    },
    toolbar,
    passwordScorer: lazyPasswordScorer(() => ownScript(PASSWORD_SCORER_FILE)),
    unlocked: async (work) => work(await session.require()),
    authorised: async (paymentPassword) => {
      const key = await session.require();
      return { key, authorisation: await requirePaymentPassword(context, paymentPassword) };
    },
  };
  const onDemand = lazyOwnFile(
    'account handlers',
    ON_DEMAND_FILE,
    () => ownScript(ON_DEMAND_FILE),
    () => onDemandFactory()(services),
  );
  const route = createRouter({
    ...walletHandlers(services),
    ...onDemandHandlers(onDemand),
    ...cardHandlers(services),
    ...topUpHandlers(services),
    ...orderHandlers(services),
    ...merchantHandlers(services),
    ...approvalHandlers(services),
    ...inlineHandlers(services),
    ...badgeHandlers(services),
  });

  // Listeners are registered synchronously so a woken service worker sees the message that woke it.
  browser.runtime.onMessage.addListener((message, from) => {
    const sender = senderFrom(from);
    // Only the shopper's own pages count as activity; a store's checkout asking for the balance does not keep the wallet open.
    if (sender.kind === 'extension')
      void db.security.get('security').then((security) => security && session.touch(security.autoLockMinutes));
    return route(message, sender);
  });
  browser.windows.onRemoved.addListener((windowId) => void services.approvals.windowClosed(windowId));
  // Chrome's service worker may run a script later only if it ran it while installing.
  if ('oninstall' in globalThis) addEventListener('install', () => workerImport()?.(ownUrl(PASSWORD_SCORER_FILE), ownUrl(ON_DEMAND_FILE)));
  jobs.listen();
  session.listen();
  toolbar.listen();
  // Opening the database on start creates it on install; everything below that reads the wallet waits for it once.
  const ready = Promise.all([db.open(), time.ready]);
  // A browser starts with the wallet locked (session storage is gone) and may show the button as it was, or
  // as the manifest draws it; refunds may have arrived while it was closed. An install or update starts afresh.
  const showToolbar = async () => {
    await ready;
    await toolbar.showLocked((await session.current()) === undefined);
    await toolbar.recount();
  };
  browser.runtime.onStartup.addListener(() => void showToolbar());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void showToolbar();
    // Sign-up happens in the wallet page, so a fresh install opens it.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/wallet.html') });
  });
  // Due work left from a sleep runs now.
  void ready.then(() => jobs.sweep());
});

const ownUrl = (file: string) => (browser.runtime.getURL as (path: string) => string)(`/${file}`);

/** A service worker's `importScripts`; Firefox runs the background as a page, which has none. */
const workerImport = () => (globalThis as { importScripts?: (...urls: string[]) => void }).importScripts;

/**
 * Runs one of the extension's own classic scripts, built for it: an MV3 service worker cannot import a module
 * on demand, but it can run a script it ran while installing; Firefox's event page adds it as a script element.
 */
async function ownScript(file: string): Promise<void> {
  const importScripts = workerImport();
  if (importScripts) return importScripts(ownUrl(file));
  await new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: ownUrl(file), onload: resolve });
    script.onerror = () => reject(new Error(`${file}: not loaded`));
    document.head.append(script);
  });
}
