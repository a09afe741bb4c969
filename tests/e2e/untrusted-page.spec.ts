import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { balanceOf, noConfirmWindow, payFromBalance } from './support/shopping';
import { askBackground, openExtensionOrigin, verifyIdentity } from './support/wallet-data';

// Money enough for the orders the pages below ask the shopper about.
test.use({ walletNeeds: { availableMinor: 100_00 } });

/** Tops the balance up to exactly `targetMinor`. */
async function balanceAt(wallet: WalletDriver, page: DriverPage, targetMinor: number) {
  const { available } = await balanceOf(wallet);
  const missing = targetMinor - available.amountMinor;
  if (missing > 0)
    expect(
      await askBackground(page, { type: 'topUps.create', id: `to-${targetMinor}`, method: 'e_wallet', amountMinor: missing }),
    ).toMatchObject({ ok: true });
  expect((await balanceOf(wallet)).available.amountMinor).toBe(targetMinor);
}

type Observer = { heard: unknown[]; answered: Promise<void> };

/** The page offers `totalMinor` for the wallet's option in a slot of its own, and from then on keeps what it hears and whether it was answered. */
function offerFromPage(page: DriverPage, totalMinor: number) {
  return page.evaluate((totalMinor) => {
    const heard: unknown[] = [];
    addEventListener('message', (event) => heard.push(event.data));
    const slot = document.createElement('div');
    slot.id = 'observed-slot';
    slot.style.width = '480px';
    document.body.prepend(slot);
    const answered = new Promise<void>((resolve) =>
      addEventListener('message', (event) => {
        if ((event.data as { requestId?: string })?.requestId === 'observed-offer') resolve();
      }),
    );
    (window as unknown as { observer: Observer }).observer = { heard, answered };
    postMessage(
      {
        channel: 'wallet-checkout',
        version: 1,
        type: 'offer',
        requestId: 'observed-offer',
        payload: {
          orderId: `observed-${totalMinor}`,
          merchantName: 'Observer',
          amountMinor: totalMinor,
          currency: 'USD',
          items: [{ name: 'Thing', quantity: 1, unitAmountMinor: totalMinor }],
          mount: '#observed-slot',
        },
      },
      location.origin,
    );
  }, totalMinor);
}

/**
 * Everything a page script can find out about the wallet's option, by every route we know of:
 * text search, selection, the text and sizes of everything it can reach, the frames it can reach,
 * resource timing and what it hears. The answer to its offer is given before the wallet reads anything (the
 * content script answers at once, without the background), so its timing is the bench's to measure, not a test's.
 */
function observe(page: DriverPage) {
  return page.evaluate(async () => {
    const { heard, answered } = (window as unknown as { observer: Observer }).observer;
    await answered;
    const slot = document.getElementById('observed-slot');
    const find = (text: string) => {
      getSelection()?.removeAllRanges();
      return (window as unknown as { find(text: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find(
        text,
        false,
        false,
        true,
      );
    };
    const searched = Object.fromEntries(
      ['$', '0.00', '123.45', '4,999.99', '4999.99', 'Balance', 'covers', 'short', 'Pay with wallet'].map((text) => [text, find(text)]),
    );
    getSelection()?.selectAllChildren(document.body);
    const selected = getSelection()?.toString() ?? '';
    getSelection()?.removeAllRanges();
    const host = document.querySelector('#observed-slot > [data-wallet-frame]') as HTMLElement | null;
    const box = (element: Element | null | undefined) => {
      const rect = element?.getBoundingClientRect();
      return rect && [rect.width, rect.height].map(Math.round);
    };
    return {
      searched,
      selected,
      innerText: document.body.innerText,
      everyText: [...document.querySelectorAll('*')].map((element) => element.textContent ?? '').join('|').length,
      host: host && {
        text: host.textContent,
        shadowRoot: host.shadowRoot,
        children: host.childElementCount,
        attributes: host.getAttributeNames(),
      },
      sizes: {
        host: box(host),
        placeholder: box(host?.previousElementSibling),
        slot: box(slot),
        page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      },
      frames: window.frames.length,
      resources: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith(location.origin)),
      heard: heard.map((data) => JSON.stringify(data)),
    };
  }, undefined);
}

// Its balance is set to each figure in turn, from nothing, and its clock is sped up to verify it.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: {} });

  test('a page learns nothing of the wallet from its option: not the balance, not whether it covers the total', async ({ wallet }) => {
    // Six pages and three top-ups: Firefox on a busy two-core machine has taken close to the default minute.
    test.setTimeout(120_000);
    const extension = await openExtensionOrigin(wallet);
    const BALANCES = [0, 123_45, 4_999_99];
    // $50.00 is covered by two of the balances, $1,000.00 by one.
    const TOTALS = [50_00, 1_000_00];
    const seen = new Map<number, string[]>();
    for (const balanceMinor of BALANCES) {
      if (balanceMinor > 500_00) await verifyIdentity(extension);
      await balanceAt(wallet, extension, balanceMinor);
      for (const totalMinor of TOTALS) {
        const page = await wallet.newPage();
        await page.goto(`${STOREFRONT_URL}/`);
        await page.waitFor('main');
        await offerFromPage(page, totalMinor);
        // The option shows what the shopper should see, in the wallet's own frame; only then does the page look.
        const option = await page.walletFrame('pay');
        await expect.poll(() => option.text()).toContain(balanceMinor === 0 ? '$0.00' : balanceMinor === 123_45 ? '$123.45' : '$4,999.99');
        const observation = await observe(page);
        expect(observation.searched).toEqual({
          $: expect.any(Boolean),
          '0.00': false,
          '123.45': false,
          '4,999.99': false,
          '4999.99': false,
          Balance: false,
          covers: false,
          short: false,
          'Pay with wallet': false,
        });
        expect(observation.host).toEqual({ text: '', shadowRoot: null, children: 0, attributes: ['data-wallet-frame', 'popover'] });
        expect(observation.frames).toBe(0);
        seen.set(totalMinor, [...(seen.get(totalMinor) ?? []), JSON.stringify(observation)]);
        await page.screenshot(`untrusted-observed-${balanceMinor}-${totalMinor}`);
        await page.close();
      }
    }
    for (const [totalMinor, observations] of seen)
      expect(new Set(observations).size, `what a page sees of an offer of ${totalMinor} at each balance`).toBe(1);
    await extension.close();
  });
});

/** The storefront's orders page, with a button whose script asks to cancel the order and asks again at every refusal. */
async function insistentPage(wallet: WalletDriver, orderId: string): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/orders.html`);
  await page.waitFor('main');
  await page.evaluate((orderId) => {
    const state = window as unknown as { answers: string[]; asking: boolean };
    state.answers = [];
    const ask = () =>
      postMessage(
        { channel: 'wallet-checkout', version: 1, type: 'cancel', requestId: `ask-${crypto.randomUUID()}`, payload: { orderId } },
        location.origin,
      );
    addEventListener('message', (event) => {
      const data = event.data as { type?: string; requestId?: string; payload?: { code?: string } };
      if (!data?.requestId?.startsWith('ask-') || (data.type !== 'error' && data.type !== 'order')) return;
      state.answers.push(data.payload?.code ?? data.type);
      if (state.asking) setTimeout(ask, 20);
    });
    const button = document.createElement('button');
    button.id = 'insist';
    button.textContent = 'Cancel my order';
    button.style.cssText = 'position:fixed;left:10px;top:10px;z-index:10;padding:12px';
    button.addEventListener('click', () => {
      state.asking = true;
      ask();
    });
    document.body.append(button);
  }, orderId);
  return page;
}

test('a page asking again at every decline for 15 s opens at most one window per shopper click', async ({ wallet }) => {
  await noConfirmWindow(wallet);
  const { orderId } = await payFromBalance(wallet);
  const page = await insistentPage(wallet, orderId);
  const windows = new Set<string>();
  const endAt = Date.now() + 15_000;
  let clicks = 0;
  while (Date.now() < endAt) {
    if (clicks < 3 && Date.now() > endAt - 15_000 + clicks * 5_000) {
      await page.click('#insist');
      clicks++;
    }
    for (const url of await wallet.pageUrls()) {
      if (!url.includes('/confirm.html') || windows.has(url)) continue;
      windows.add(url);
      // The shopper declines: the window closes and the page hears USER_REJECTED, then asks again.
      const confirm = await wallet.waitForPage(url);
      await confirm.click('.actions button[type="button"]');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answers = await page.evaluate(() => (window as unknown as { answers: string[] }).answers, undefined);
  expect(clicks).toBe(3);
  expect(windows.size).toBeGreaterThanOrEqual(1);
  expect(windows.size).toBeLessThanOrEqual(clicks);
  expect(answers).toContain('USER_REJECTED');
  // Asked again at once, the page is told to wait for the shopper, and then to wait out the cool-down.
  expect(answers.filter((code) => code === 'NEEDS_USER_ACTIVATION' || code === 'RATE_LIMITED').length).toBeGreaterThan(10);
  console.log(`Insistent page: ${clicks} shopper clicks, ${windows.size} window(s), ${answers.length} refusals heard by the page.`);
  await page.close();
});

test('a page with no user activation opens no window, and hears why', async ({ wallet }) => {
  await noConfirmWindow(wallet);
  const { orderId } = await payFromBalance(wallet);
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/orders.html`);
  await page.waitFor('main');
  const codes = await page.evaluate(
    (orderId) =>
      Promise.all(
        (['cancel', 'confirmReceipt', 'dispute'] as const).map(
          (type) =>
            new Promise<string | undefined>((resolve) => {
              const requestId = `no-gesture-${type}`;
              addEventListener('message', (event) => {
                const data = event.data as { requestId?: string; type?: string; payload?: { code?: string } };
                if (data?.requestId === requestId && data.type === 'error') resolve(data.payload?.code);
              });
              const payload = type === 'dispute' ? { orderId, reason: 'Never came' } : { orderId };
              postMessage({ channel: 'wallet-checkout', version: 1, type, requestId, payload }, location.origin);
            }),
        ),
      ),
    orderId,
  );
  expect(codes).toEqual(['NEEDS_USER_ACTIVATION', 'NEEDS_USER_ACTIVATION', 'NEEDS_USER_ACTIVATION']);
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  await page.close();
});
