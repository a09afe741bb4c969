import { test as base } from '@playwright/test';
import { launchChromium } from './chromium';
import type { BrowserName, LaunchOptions, WalletDriver } from './driver';
import { launchFirefox } from './firefox';
import { prepareWallet, type WalletNeeds } from './wallet-data';

/** A browser of the project's kind with the built extension loaded, on a fresh profile unless told otherwise. */
export function launchWallet(browser: BrowserName, options?: LaunchOptions): Promise<WalletDriver> {
  return browser === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

type TestFixtures = {
  /** What the test's wallet must have before it starts, set up through the background; nothing when undefined. */
  walletNeeds: WalletNeeds | undefined;
  /** The test gets a browser of its own, a fresh install, instead of the worker's: for figures nothing else may touch. */
  ownWallet: boolean;
  wallet: WalletDriver;
};

type WorkerFixtures = {
  walletBrowser: BrowserName;
  walletProfile: string;
  /** The worker's browser, started when a test first asks for it. */
  workerWallet: () => Promise<WalletDriver>;
};

/**
 * One real browser per worker with the built extension loaded, shared by the tests of a worker that
 * do not ask for their own. Playwright's own browser fixtures are not used: its browser downloads are
 * not available here and its Firefox cannot load extensions.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  walletBrowser: ['chromium', { option: true, scope: 'worker' }],
  /** A spec whose figures no other spec may change names its profile: Playwright then gives it its own worker and browser. */
  walletProfile: ['shared', { option: true, scope: 'worker' }],
  workerWallet: [
    async ({ walletBrowser, walletProfile: _profile }, use) => {
      let launched: Promise<WalletDriver> | undefined;
      await use(() => (launched ??= launchWallet(walletBrowser)));
      await launched?.then(
        (driver) => driver.close(),
        () => undefined,
      );
    },
    { scope: 'worker' },
  ],
  walletNeeds: [undefined, { option: true }],
  ownWallet: [false, { option: true }],
  wallet: async ({ walletBrowser, ownWallet, walletNeeds, workerWallet }, use, testInfo) => {
    const started = performance.now();
    const wallet = ownWallet ? await launchWallet(walletBrowser) : await workerWallet();
    try {
      if (walletNeeds) await prepareWallet(wallet, walletNeeds);
      // Starting a browser and signing up, verifying and topping up its wallet are the setup's, not the test's: on a busy
      // machine they took most of a Firefox test's minute before its first step. The test's own steps keep their time.
      if (testInfo.timeout > 0) testInfo.setTimeout(testInfo.timeout + (performance.now() - started));
      await use(wallet);
    } finally {
      if (ownWallet) await wallet.close();
    }
  },
});

export { expect } from '@playwright/test';
