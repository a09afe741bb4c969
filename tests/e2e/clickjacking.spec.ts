import { expect, test } from './support/fixtures';
import type { DriverPage } from './support/driver';
import { checkoutWithOneProduct } from './support/storefront';
import { askBackground, openExtensionOrigin } from './support/wallet-data';
import { SIGN_UP_INPUT } from '../shared/sign-up-input';

const OPTION_HOST = '[data-wallet-checkout-option]';

// A wallet of its own, so the attacks run against a known balance.
test.use({ walletProfile: 'clickjacking' });
test.describe.configure({ mode: 'serial' });

test('a wallet with a balance', async ({ wallet }) => {
  const page = await openExtensionOrigin(wallet);
  expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'topUps.create', id: 'cj-top-up', method: 'e_wallet', amountMinor: 10_000 })).toMatchObject({
    ok: true,
  });
  await page.close();
});

/** Opens the checkout with the option shown, then lets the page do `attack` to it. */
async function attacked(page: DriverPage, attack: (selector: string) => void) {
  await checkoutWithOneProduct(page);
  const option = await page.closedShadow(OPTION_HOST);
  await expect.poll(() => option.text()).toContain('covers the total');
  await page.evaluate(attack, OPTION_HOST);
  return option;
}

const noConfirmWindow = async (urls: () => Promise<string[]>) => {
  // Give a wrongly accepted click time to open a window before checking that none opened.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect((await urls()).some((url) => url.includes('/confirm.html'))).toBe(false);
};

test('the option is drawn in the top layer, so a page overlay cannot sit on top of it', async ({ wallet }) => {
  const page = await wallet.newPage();
  const option = await attacked(page, (selector) => {
    const host = document.querySelector(selector)!;
    const box = host.getBoundingClientRect();
    const decoy = document.createElement('div');
    decoy.textContent = 'Claim your prize';
    Object.assign(decoy.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      zIndex: '2147483647',
      background: 'red',
    });
    document.body.append(decoy);
  });
  // The decoy is drawn under the option: the shopper still sees, and clicks, the real button.
  expect(await page.evaluate((selector) => document.querySelector(selector)!.matches(':popover-open'), OPTION_HOST)).toBe(true);
  await page.screenshot('clickjacking-overlay');
  await option.click('button');
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.click('button');
  await page.close();
});

test('a transparent option refuses the click and says why', async ({ wallet }) => {
  const page = await wallet.newPage();
  const option = await attacked(page, (selector) => {
    const style = document.createElement('style');
    style.textContent = `${selector} { opacity: 0 !important; }`;
    document.head.append(style);
  });
  await option.click('button');
  await expect.poll(() => option.text()).toContain('covers or hides');
  await noConfirmWindow(() => wallet.pageUrls());
  await page.close();
});

test('an option the page keeps hiding and re-showing turns itself off', async ({ wallet }) => {
  const page = await wallet.newPage();
  const option = await attacked(page, (selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    let times = 0;
    const timer = setInterval(() => {
      host.hidePopover();
      if (++times === 5) clearInterval(timer);
    }, 50);
  });
  await expect.poll(() => option.text()).toContain('turned off');
  await option.click('button');
  await noConfirmWindow(() => wallet.pageUrls());
  await page.close();
});
