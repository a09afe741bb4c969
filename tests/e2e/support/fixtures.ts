import { test as base } from '@playwright/test';
import { launchChromium } from './chromium';
import type { BrowserName, WalletDriver } from './driver';
import { launchFirefox } from './firefox';

/**
 * One real browser per worker with the built extension loaded. Playwright's own browser fixtures
 * are not used: its browser downloads are not available here and its Firefox cannot load extensions.
 */
export const test = base.extend<object, { walletBrowser: BrowserName; wallet: WalletDriver }>({
  walletBrowser: ['chromium', { option: true, scope: 'worker' }],
  wallet: [
    async ({ walletBrowser }, use) => {
      const driver = walletBrowser === 'chromium' ? await launchChromium() : await launchFirefox();
      await use(driver);
      await driver.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect } from '@playwright/test';
