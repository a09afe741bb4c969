// Stopping the extension's service worker from outside, as Chrome does after 30 idle seconds: for the cold-start
// figures of `npm run bench` and for the e2e tests of a worker stopped mid-payment.

/**
 * A stopper for the extension's worker in `context`, through a DevTools session on one of the extension's own
 * pages (which reaches the storage partition its worker runs in); the session is kept, so a stop lands within one
 * round trip of being asked for. `stop()` resolves once the worker is seen stopped at least once: a message already
 * on its way may start it again at once.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} origin the extension's chrome-extension:// origin
 * @param {number} timeoutMs how long a stop may take to be seen
 */
export async function workerStopper(context, origin, timeoutMs = 10_000) {
  const page = await context.newPage();
  await page.goto(`${origin}/popup.html`);
  const cdp = await context.newCDPSession(page);
  let stops = 0;
  /** @type {Map<string, string>} */
  const running = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      if (version.runningStatus === 'stopped' && running.get(version.versionId) !== 'stopped') stops++;
      running.set(version.versionId, version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const before = stops;
      await cdp.send('ServiceWorker.stopAllWorkers');
      for (let waited = 0; stops === before; waited += 5) {
        if (waited > timeoutMs) throw new Error('The service worker did not stop');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () => page.close(),
  };
}

/**
 * The extension's origin in a context that loaded it, once its worker has started.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function extensionOrigin(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return `chrome-extension://${new URL(worker.url()).host}`;
}
