import { expect, test } from './support/fixtures';
import { settled, type DriverPage, type WalletDriver, type WalletFrame } from './support/driver';
import { noConfirmWindow, OPTION_HOST } from './support/shopping';
import { FILL_OFFER_HOST, twoCardForms } from './support/card-forms';
import { checkoutWithOneProduct } from './support/storefront';

const COVERED = 'The page hid or covered this button';
const MOVED = 'just moved';

// A wallet with money enough for the checkout, so the option offers to pay and every refusal is the guard's.
test.use({ walletNeeds: { availableMinor: 10_000 } });

test.beforeEach(async ({ wallet }) => {
  await noConfirmWindow(wallet);
});

/** The checkout with the option settled in view, and where a shopper's pointer would click it. */
async function checkout(page: DriverPage): Promise<{ option: WalletFrame; at: { x: number; y: number } }> {
  await checkoutWithOneProduct(page);
  const option = await page.walletFrame('pay');
  await expect.poll(() => option.text()).toContain('covers the total');
  return { option, at: await option.buttonCentre() };
}

/**
 * The option refused the click and says why; the refusal is the wallet's answer to it, so no window
 * can follow. A trick that also changes the option's box may first be caught as a move.
 */
async function refused(wallet: WalletDriver, option: WalletFrame, ...reasons: string[]) {
  await expect
    .poll(() => option.text())
    .toMatch(new RegExp(reasons.map((reason) => reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
}

/**
 * After the page opened a layer of its own in the top layer that no box of its reaches the option from: where the
 * browser reports occlusion (Chromium's IntersectionObserver v2) the option goes back on top of it, as the page's own
 * observer of the option's host finds, and a shopper's click counts; where it does not (Firefox), nothing tells which
 * layer is on top, and the click is refused.
 */
async function onTopOrRefused(
  wallet: WalletDriver,
  page: DriverPage,
  option: WalletFrame,
  at: { x: number; y: number },
  onTop: { timeout?: number } = {},
  host = OPTION_HOST,
) {
  if (wallet.browserName === 'firefox') {
    await settled(page);
    await page.mouseClick(at.x, at.y);
    return refused(wallet, option, COVERED);
  }
  const nothingOver = (selector: string) =>
    new Promise<boolean>((resolve) => {
      const observer = new IntersectionObserver(
        ([entry]) => {
          observer.disconnect();
          resolve((entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(document.querySelector(selector)!);
    });
  await expect.poll(() => page.evaluate(nothingOver, host), onTop).toBe(true);
  await settled(page);
  await page.mouseClick(at.x, at.y);
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.click('[data-testid="confirm-cancel"]');
  await option.answered();
  expect(await option.text()).not.toContain(COVERED);
}

/**
 * A toast of the page's own in its top layer, at `inset` (a corner away from the option), shown again `reshows` times a
 * second apart; resolves once the last showing is done.
 */
function showToast(page: DriverPage, text: string, inset: string, reshows = 0) {
  return page.evaluate(
    async ({ text, inset, reshows }) => {
      const toast = document.createElement('div');
      toast.popover = 'manual';
      toast.textContent = text;
      Object.assign(toast.style, { position: 'fixed', inset, margin: '0', padding: '12px', background: '#222', color: '#fff' });
      document.body.append(toast);
      toast.showPopover();
      for (let shown = 0; shown < reshows; shown++) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        toast.hidePopover();
        toast.showPopover();
      }
    },
    { text, inset, reshows },
  );
}

/**
 * Draws a "Claim your prize" decoy exactly over the option: in the page, or in the top layer as a popover of the page's,
 * or as one inside a closed shadow root, whose host (`#decoy-host`) the page can take away.
 */
function coverWithDecoy(page: DriverPage, style: Partial<CSSStyleDeclaration>, layer: 'page' | 'popover' | 'shadow popover') {
  return page.evaluate(
    ({ selector, style, layer }) => {
      const box = document.querySelector(selector)!.getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.textContent = 'Claim your prize';
      if (layer !== 'page') decoy.popover = 'manual';
      Object.assign(decoy.style, {
        position: 'fixed',
        inset: 'auto',
        margin: '0',
        left: `${box.left}px`,
        top: `${box.top}px`,
        width: `${box.width}px`,
        height: `${box.height}px`,
        ...style,
      });
      if (layer === 'shadow popover') {
        const host = document.createElement('div');
        host.id = 'decoy-host';
        host.attachShadow({ mode: 'closed' }).append(decoy);
        document.body.append(host);
      } else document.body.append(decoy);
      if (layer !== 'page') decoy.showPopover();
    },
    { selector: OPTION_HOST, style, layer },
  );
}

/** The page takes its element `id` away and the shopper clicks at `at` 30 ms later: too soon for the option to have settled. */
async function clickRightAfterRemoving(page: DriverPage, id: string, at: { x: number; y: number }) {
  await page.evaluate(
    (id) =>
      new Promise((resolve) => {
        document.getElementById(id)!.remove();
        setTimeout(resolve, 30);
      }),
    id,
  );
  await page.mouseClick(at.x, at.y);
}

/** Styles the page puts on the option's host from its own stylesheet, as a clickjacking page would. */
const STYLE_TRICKS: [string, string][] = [
  ['filter: opacity(0)', 'filter: opacity(0) !important'],
  ['opacity: 0', 'opacity: 0 !important'],
  ['clip-path leaving only a dot under the pointer', 'clip-path: circle(3px at 50% 50%) !important'],
  ['mix-blend-mode', 'mix-blend-mode: difference !important'],
  ['mask', 'mask-image: linear-gradient(transparent, transparent) !important'],
  ['scale', 'scale: 1.04 !important'],
  ['rotation', 'rotate: 180deg !important'],
  ['an outline drawn over the frame', 'outline: 400px solid white !important; outline-offset: -400px !important'],
];

for (const [name, declarations] of STYLE_TRICKS) {
  test(`a click on the option under "${name}" is refused with a reason`, async ({ wallet }) => {
    const page = await wallet.newPage();
    const { option, at } = await checkout(page);
    await page.evaluate(
      ({ selector, declarations }) => {
        const style = document.createElement('style');
        style.textContent = `${selector} { ${declarations} }`;
        document.head.append(style);
      },
      { selector: OPTION_HOST, declarations },
    );
    await settled(page);
    await page.mouseClick(at.x, at.y);
    await refused(wallet, option, COVERED, MOVED);
    await page.screenshot(`clickjacking-${name.replace(/\W+/g, '-')}`);
    await page.close();
  });
}

// Firefox paints the top layer through a filter on the root element: one that fades the page, or floods it with one colour.
for (const filter of ['opacity(0.05)', 'sepia(1) saturate(30) hue-rotate(60deg) saturate(30)']) {
  test(`a filter on the whole page (${filter}) makes clicks on the option refused`, async ({ wallet }) => {
    const page = await wallet.newPage();
    const { option, at } = await checkout(page);
    await page.evaluate((filter) => void (document.documentElement.style.filter = filter), filter);
    await settled(page);
    await page.mouseClick(at.x, at.y);
    await refused(wallet, option, COVERED);
    await page.close();
  });
}

test("a page's own popover over the option, letting clicks through, makes them refused", async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await coverWithDecoy(page, { background: 'gold', pointerEvents: 'none' }, 'popover');
  await settled(page);
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, COVERED, MOVED);
  await page.screenshot('clickjacking-popover');
  await page.close();
});

test('an option the page reveals just before the click is refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await page.evaluate((selector) => {
    const style = document.createElement('style');
    style.id = 'veil';
    style.textContent = `${selector} { opacity: 0 !important }`;
    document.head.append(style);
  }, OPTION_HOST);
  await settled(page);
  // Browsers without IntersectionObserver v2 announce no such change: the wallet looks on every frame.
  await clickRightAfterRemoving(page, 'veil', at);
  await refused(wallet, option, COVERED, MOVED);
  await page.close();
});

test('a page popover far from the option that paints a decoy over it (a pseudo-element) ends under the option, or has clicks refused', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await page.evaluate((selector) => {
    const box = document.querySelector(selector)!.getBoundingClientRect();
    const style = document.createElement('style');
    // Drawn 300 px above the popover's own box, where the option is: no box of the page's is over it.
    style.textContent = `.far::after { content: 'Continue reading'; position: absolute; pointer-events: none; left: 0; top: -300px;
      width: ${box.width}px; height: ${box.height}px; background: #ffd54f; }`;
    document.head.append(style);
    const popover = document.createElement('div');
    popover.popover = 'manual';
    popover.className = 'far';
    Object.assign(popover.style, {
      position: 'fixed',
      inset: 'auto',
      margin: '0',
      padding: '0',
      border: '0',
      overflow: 'visible',
      background: 'transparent',
      left: `${box.left}px`,
      top: `${box.top + 300}px`,
      width: `${box.width}px`,
      height: '10px',
    });
    document.body.append(popover);
    popover.showPopover();
  }, OPTION_HOST);
  await onTopOrRefused(wallet, page, option, at);
  await page.close();
});

test('a toast the page keeps open in its top layer, away from the option, ends under the option, or has clicks refused', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await showToast(page, 'Added to your basket', 'auto 16px 16px auto');
  await onTopOrRefused(wallet, page, option, at);
  await page.screenshot('clickjacking-toast');
  await page.close();
});

test.describe('with a saved card', () => {
  test.use({ walletNeeds: { availableMinor: 10_000, card: true } });

  test('two card forms’ offers and a toast the page keeps open away from both: the first offer ends on top too, or has clicks refused', async ({
    wallet,
  }) => {
    // The wallet's frames stand in the top layer, in the order they were last shown. Each used to paint a backdrop over
    // the whole window, nothing to see but enough for the browser to count it over every frame shown before it: once
    // both had gone back on top of the page's toast, the first was reported covered by the second.
    const page = await wallet.newPage();
    const first = await twoCardForms(page);
    await showToast(page, 'Added to your basket', 'auto 16px 16px auto');
    await onTopOrRefused(wallet, page, first, await first.buttonCentre(), {}, FILL_OFFER_HOST);
    await page.screenshot('clickjacking-two-offers-toast');
    await page.close();
  });
});

test('a toast the page shows again and again over the option ends under it once the page stops, or has clicks refused', async ({
  wallet,
}) => {
  // Six times a second apart, as a "someone just bought this" toast does: the wallet puts the option back on top three
  // times in ten seconds, then waits until the first of those is ten seconds old and puts it on top again.
  test.setTimeout(90_000);
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await showToast(page, 'Someone in Lyon just bought this', 'auto auto 16px 16px', 6);
  await onTopOrRefused(wallet, page, option, at, { timeout: 20_000 });
  await page.close();
});

test('a view transition the page keeps running with a decoy over the option makes clicks refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await page.evaluate((selector) => {
    const box = document.querySelector(selector)!.getBoundingClientRect();
    const style = document.createElement('style');
    // The transition's snapshots let clicks through to the option under them, and never finish.
    style.textContent = `::view-transition { pointer-events: none }
      ::view-transition-group(*), ::view-transition-old(*), ::view-transition-new(*) { animation-duration: 600s }
      #decoy { position: fixed; view-transition-name: decoy; display: none; background: #ffd54f; }`;
    document.head.append(style);
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = 'Close this ad';
    Object.assign(decoy.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    document.body.append(decoy);
    (document as Document & { startViewTransition(update: () => void): unknown }).startViewTransition(() => {
      decoy.style.display = 'block';
    });
  }, OPTION_HOST);
  await settled(page);
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, COVERED, MOVED);
  await page.close();
});

test('a decoy popover in a closed shadow root, taken away just before the click, makes the click wait', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await coverWithDecoy(page, { pointerEvents: 'none', background: '#ffd54f' }, 'shadow popover');
  await settled(page);
  await clickRightAfterRemoving(page, 'decoy-host', at);
  await refused(wallet, option, COVERED, MOVED);
  await page.close();
});

test('a page popover whose content, shadow or backdrop spills over the option makes clicks refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await page.evaluate((selector) => {
    const box = document.querySelector(selector)!.getBoundingClientRect();
    // A speck of a popover far from the option, whose child is drawn over it and lets clicks through.
    const popover = document.createElement('div');
    popover.popover = 'manual';
    Object.assign(popover.style, {
      position: 'fixed',
      inset: 'auto',
      margin: '0',
      left: '0px',
      top: '0px',
      width: '1px',
      height: '1px',
      overflow: 'visible',
      border: '0',
      padding: '0',
    });
    const child = document.createElement('div');
    child.textContent = 'Claim your prize';
    Object.assign(child.style, {
      position: 'absolute',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      background: 'gold',
      pointerEvents: 'none',
    });
    popover.append(child);
    document.body.append(popover);
    popover.showPopover();
  }, OPTION_HOST);
  await settled(page);
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, COVERED);
  await page.close();
});

test('a modal dialog shown over the option takes the click: nothing opens, and the option says why', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { at } = await checkout(page);
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'dialog::backdrop { background: transparent }';
    const dialog = document.createElement('dialog');
    dialog.textContent = 'Newsletter';
    document.head.append(style);
    document.body.append(dialog);
    dialog.showModal();
  }, undefined);
  await settled(page);
  await page.mouseClick(at.x, at.y);
  const host = await page.closedShadow(OPTION_HOST);
  await expect.poll(() => host.text()).toContain(COVERED);
  expect((await wallet.pageUrls()).some((url) => url.includes('/confirm.html'))).toBe(false);
  await page.close();
});

test('an option scrolled under the pointer just before the click is refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  // Away and back again, so the option arrives where the pointer already is about 100 ms before the click.
  await page.evaluate(async () => {
    const room = document.createElement('div');
    room.style.height = '2000px';
    document.body.append(room);
    scrollBy(0, 300);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    scrollBy(0, -300);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, undefined);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, MOVED);
  await page.close();
});

test('an option the page keeps moving under the pointer is refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  // The option's slot shifted by a few pixels every 200 ms, by a translation (content put above it would have the
  // browser scroll to keep what the shopper sees in place): the option follows each time, and never stays put for a
  // click to count, however long the click takes to arrive. It stays under the pointer all the while.
  await page.evaluate(
    (selector) =>
      new Promise<void>((resolve) => {
        const host = document.querySelector(selector)!;
        const before = host.getBoundingClientRect().top;
        let down = false;
        setInterval(() => {
          down = !down;
          host.parentElement!.style.translate = down ? '0 4px' : 'none';
        }, 200);
        const drawn = () => (host.getBoundingClientRect().top !== before ? resolve() : requestAnimationFrame(drawn));
        drawn();
      }),
    OPTION_HOST,
  );
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, MOVED);
  await page.close();
});

test('an option the page kept away for a while and put back under the pointer just before the click is refused', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  // Moved from the page's own stylesheet, by a translation alone: nothing of the page's layout changes, and the
  // option stays wholly in view elsewhere (up, by no more than there is room for) while a decoy could take its place.
  await page.evaluate((selector) => {
    const up = Math.min(100, document.querySelector(selector)!.getBoundingClientRect().top - 4);
    const style = document.createElement('style');
    style.id = 'away';
    style.textContent = `${selector} { translate: 0 -${up}px !important }`;
    document.head.append(style);
  }, OPTION_HOST);
  await settled(page);
  await clickRightAfterRemoving(page, 'away', at);
  await refused(wallet, option, COVERED, MOVED);
  await page.close();
});

test("the page's own edits of the host are undone, and make the next click wait", async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  const attributes = await page.evaluate(async (selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    host.style.opacity = '0';
    host.setAttribute('inert', '');
    await new Promise((resolve) => setTimeout(resolve, 0));
    return host.getAttributeNames().sort();
  }, OPTION_HOST);
  expect(attributes).toEqual(['data-wallet-frame', 'popover']);
  await page.mouseClick(at.x, at.y);
  await refused(wallet, option, MOVED);
  await page.close();
});

test('an option the page keeps hiding and re-showing turns itself off', async ({ wallet }) => {
  const page = await wallet.newPage();
  await checkout(page);
  await page.evaluate(async (selector) => {
    const host = document.querySelector(selector) as HTMLElement;
    for (let times = 0; times < 5; times++) {
      host.hidePopover();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, OPTION_HOST);
  const host = await page.closedShadow(OPTION_HOST);
  await expect.poll(() => host.text()).toContain('turned off');
  expect(await page.evaluate(() => window.frames.length, undefined)).toBe(0);
  await page.close();
});

test('a decoy the page draws on top of everything stays under the option, and a plain click is accepted', async ({ wallet }) => {
  const page = await wallet.newPage();
  const { option, at } = await checkout(page);
  await coverWithDecoy(page, { zIndex: '2147483647', background: 'red' }, 'page');
  // Pages are full of SVG icons, and of shadow roots the guard looks into: neither may stop an honest click.
  await page.evaluate(() => {
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.append(document.createElementNS('http://www.w3.org/2000/svg', 'circle'));
    const widget = document.createElement('div');
    widget.attachShadow({ mode: 'closed' }).append(document.createElement('span'));
    document.body.append(icon, widget);
  }, undefined);
  expect(await page.evaluate((selector) => document.querySelector(selector)!.matches(':popover-open'), OPTION_HOST)).toBe(true);
  await page.screenshot('clickjacking-overlay');
  await settled(page);
  await page.mouseClick(at.x, at.y);
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.click('[data-testid="confirm-cancel"]');
  await option.answered();
  expect(await option.text()).not.toContain(COVERED);
  await page.close();
});
