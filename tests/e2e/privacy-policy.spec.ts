import type { DriverPage } from './support/driver';
import { expect, test } from './support/fixtures';
import { walletSection } from './support/wallet-page';

test.use({ walletNeeds: {} });

type Tabs = { query(filter: object): Promise<{ id?: number; url?: string }[]>; remove(ids: number[]): Promise<void> };

/** How many tabs are at `url`, as the wallet's own page sees them through the extension API; closes them when `close` is set. */
const tabsAt = (page: DriverPage, url: string, close = false) =>
  page.evaluate(
    async ([url, close]) => {
      const scope = globalThis as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
      const { tabs } = scope.browser ?? scope.chrome!;
      const found = (await tabs.query({})).filter((tab) => tab.url === url);
      if (close) await tabs.remove(found.map((tab) => tab.id!));
      return found.length;
    },
    [url, close] as const,
  );

test('Help opens the privacy policy, a page of the extension itself', async ({ wallet }) => {
  const help = await walletSection(wallet, 'help');
  const policyUrl = wallet.extensionUrl('/privacy.html');
  await help.click('[data-testid="privacy-policy-link"]');
  // Asked of the extension rather than of the test driver: Firefox's WebDriver BiDi does not report tabs that a page opens.
  await expect.poll(() => tabsAt(help, policyUrl)).toBe(1);
  await tabsAt(help, policyUrl, true);

  const policy = await wallet.newPage();
  await policy.goto(policyUrl);
  await policy.waitForText('h1', 'Privacy policy');
  expect(await policy.textOf('main')).toContain('The extension makes no network requests');
  await policy.screenshot('privacy-policy');
  await policy.close();
  await help.close();
});
