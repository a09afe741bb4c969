import { defineConfig } from '@playwright/test';
import { TIMEOUT_MS, type BrowserName } from './tests/e2e/support/driver';
import { STOREFRONT_PORT, STOREFRONT_URL } from './tests/e2e/support/paths';

export default defineConfig<object, { walletBrowser: BrowserName }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  // Three workers on two cores: a test spends most of its time waiting on its browser (the settle time,
  // the confirm window, a browser starting); with two, the cores were busy less than half the run. Every
  // test sets up its own wallet, so none depends on which worker or order it runs in. A spec's tests stay
  // together in a worker, so its wallet is set up once per worker rather than once per test.
  workers: 3,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  // An expect.poll waits for the wallet's answer as long as the driver's own waits do: on two busy
  // cores an answer can take longer than Playwright's 5 s default.
  expect: { timeout: TIMEOUT_MS },
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
