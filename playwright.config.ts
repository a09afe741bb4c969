import { defineConfig } from '@playwright/test';
import type { BrowserName } from './tests/e2e/support/driver';
import { STOREFRONT_PORT, STOREFRONT_URL } from './tests/e2e/support/paths';

export default defineConfig<object, { walletBrowser: BrowserName }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  // One worker: two cores, and each worker drives a whole browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  projects: [
    { name: 'chromium', use: { walletBrowser: 'chromium' } },
    { name: 'firefox', use: { walletBrowser: 'firefox' } },
  ],
  webServer: {
    command: 'node scripts/storefront-server.mjs',
    url: `${STOREFRONT_URL}/`,
    env: { STOREFRONT_PORT: String(STOREFRONT_PORT) },
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
