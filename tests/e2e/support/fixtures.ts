import { test as base } from '@playwright/test';
import { launchChromium } from './chromium';
import type { BrowserName, WalletDriver } from './driver';
import { launchFirefox } from './firefox';

/**
 * One real browser per worker with the built extension loaded. Playwright's own browser fixtures
 * are not used: its browser downloads are not available here and its Firefox cannot load extensions.
 */
export const test = base.extend<object, { walletBrowser: BrowserName; walletProfile: string; wallet: WalletDriver }>({
  walletBrowser: ['chromium', { option: true, scope: 'worker' }],
  /** A spec that needs a wallet of its own (a fresh sign-up) names its profile: Playwright then gives it its own worker and browser. */
  walletProfile: ['shared', { option: true, scope: 'worker' }],
  wallet: [
    async ({ walletBrowser, walletProfile: _profile }, use) => {
      const driver = walletBrowser === 'chromium' ? await launchChromium() : await launchFirefox();
      await use(driver);
      await driver.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect } from '@playwright/test';
