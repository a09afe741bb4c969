import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';

// Fill from wallet on real stores' card forms (the corpus in tests/fixtures/checkout/real/) and on card forms
// that React and Vue control. The wallet holds one card: Visa 4242 4242 4242 4242, 12/30, Ada Lovelace.
test.use({ walletNeeds: { card: true } });

/** Clicks the offer, confirms in the wallet window with the security code 321, and checks what the window lists. */
async function fillFromWallet(wallet: WalletDriver, page: DriverPage, listed: string | string[], offerIndex = 0): Promise<void> {
  const offer = await page.walletFrame('fill', offerIndex);
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await offer.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  const fields = await confirm.textOf('[data-testid="fill-fields"]');
  if (typeof listed === 'string') expect(fields).toBe(listed);
  else expect(fields.replace('Fields to fill: ', '').split(', ').sort()).toEqual([...listed].sort());
  // The window asks the security code only for a form that has a field for it.
  const asksCvc = await confirm.evaluate(() => document.querySelector('input[name="fillCvc"]') !== null, undefined);
  expect(asksCvc).toBe(fields.includes('security code'));
  if (asksCvc) await confirm.fill('input[name="fillCvc"]', '321');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="fill"]');
}

/** Bundles a framework's card form for the page, as its shop would ship it. */
async function frameworkBundle(file: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../fixtures/checkout/frameworks/${file}`, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

async function openFrameworkForm(wallet: WalletDriver, file: string): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/frameworks/app.html`);
  await page.evaluateScript(await frameworkBundle(file));
  await page.waitFor('#state');
  return page;
}

const stateOf = async (page: DriverPage) => JSON.parse(await page.textOf('#state')) as Record<string, string>;

test('a card form React controls takes the fill into React’s own state', async ({ wallet }) => {
  const page = await openFrameworkForm(wallet, 'react-form.ts');
  await fillFromWallet(wallet, page, 'Fields to fill: name on card, card number, expiry month, expiry year, security code');
  await expect
    .poll(() => stateOf(page))
    .toEqual({ name: 'Ada Lovelace', number: '4242424242424242', month: '12', year: '2030', cvc: '321' });
  await page.screenshot('card-fill-react');
  await page.close();
});

test('a card form Vue binds with v-model takes the fill into Vue’s state, the card type too', async ({ wallet }) => {
  const page = await openFrameworkForm(wallet, 'vue-form.ts');
  await fillFromWallet(wallet, page, 'Fields to fill: card number, expiry, security code, name on card, card type');
  await expect
    .poll(() => stateOf(page))
    .toEqual({ number: '4242424242424242', expiry: '12/30', cvc: '321', name: 'Ada Lovelace', brand: 'VI' });
  await page.screenshot('card-fill-vue');
  await page.close();
});

interface CorpusPage {
  controls: Record<string, string>;
  reveal: string[];
}
const corpus = JSON.parse(readFileSync(new URL('../fixtures/checkout/real/expected.json', import.meta.url), 'utf8')) as Record<
  string,
  CorpusPage
>;

/** How the wallet window names each kind of card control. */
const LISTED: Record<string, string> = {
  number: 'card number',
  expiry: 'expiry',
  expiryMonth: 'expiry month',
  expiryYear: 'expiry year',
  cvc: 'security code',
  name: 'name on card',
  givenName: 'given name',
  familyName: 'family name',
  cardType: 'card type',
};

/** What each kind of control holds once the card is in: the Visa 4242…, 12/30, Ada Lovelace, CVC 321. */
const FILLED: Record<string, RegExp> = {
  expiry: /^12 ?\/ ?(20)?30$/,
  expiryMonth: /^(12|dec)/i,
  expiryYear: /^(20)?30$/,
  cvc: /^321$/,
  name: /^Ada Lovelace$/,
  givenName: /^Ada$/,
  familyName: /^Lovelace$/,
};

/**
 * The page's controls as its scripts would read them: those `selectors` name, each by selector (a select's
 * chosen option as "value text", a radio as checked or not; " >> " steps into a frame), and every other
 * control of the page and its frames but its hidden inputs, by position, which a fill must leave as it was.
 */
function readControls(
  page: DriverPage,
  selectors: string[],
): Promise<{ named: Record<string, string | boolean | null>; others: string[] }> {
  return page.evaluate((list) => {
    type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const find = (selector: string): Control | null | undefined => {
      const steps = selector.split(' >> ');
      let root: Document | null | undefined = document;
      for (const step of steps.slice(0, -1)) root = root?.querySelector<HTMLIFrameElement>(step)?.contentDocument;
      return root?.querySelector<Control>(steps.at(-1)!);
    };
    const valueOf = (control: Control): string | boolean => {
      if (control instanceof HTMLSelectElement) return `${control.value} ${control.selectedOptions[0]?.textContent?.trim() ?? ''}`;
      return control instanceof HTMLInputElement && /radio|checkbox/.test(control.type) ? control.checked : control.value;
    };
    // Hidden inputs are the page's own to write (Spree's script notes the card's brand in one): no fill touches them.
    const controlsIn = (doc: Document): Control[] => [
      ...doc.querySelectorAll<Control>('input:not([type=hidden]), select, textarea'),
      ...[...doc.querySelectorAll('iframe')].flatMap((frame) => (frame.contentDocument ? controlsIn(frame.contentDocument) : [])),
    ];
    const found = new Map(list.map((selector) => [selector, find(selector)]));
    const named = new Set(found.values());
    return {
      named: Object.fromEntries([...found].map(([selector, control]) => [selector, control ? valueOf(control) : null])),
      others: controlsIn(document)
        .filter((control) => !named.has(control))
        .map((control) => `${control.name || control.id}=${valueOf(control)}`),
    };
  }, selectors);
}

/**
 * Checks every control the corpus names for `file` holds the card: each number block its share, the Visa radio
 * alone checked; those of the kinds in `leftAlone` (a year list that ends before the card's year) as they were.
 */
function expectCardIn(values: Record<string, string | boolean | null>, page: CorpusPage, leftAlone: readonly string[] = []): void {
  const entries = Object.entries(page.controls).filter(([selector, kind]) => {
    if (!leftAlone.includes(kind)) return true;
    expect(values[selector], selector).toMatch(/^ ?(--)?$/);
    return false;
  });
  const blocks = entries.filter(([, kind]) => kind === 'number').map(([selector]) => values[selector]);
  // A page's own formatter may space the number out as the shopper's typing would ("4242 4242 …").
  expect(blocks.join('').replace(/ /g, '')).toBe('4242424242424242');
  for (const [selector, kind] of entries) {
    const value = values[selector];
    if (kind === 'number') continue;
    if (kind === 'cardType') {
      if (typeof value === 'boolean') expect(value, selector).toBe(/visa/i.test(selector));
      else expect(value, selector).toMatch(/visa|^0?01 |^vi /i);
    } else if (typeof value === 'string' && value.includes(' ') && (kind === 'expiryMonth' || kind === 'expiryYear')) {
      // A select: its value or its text names the month or the year.
      expect(
        value.split(' ').some((part) => FILLED[kind]!.test(part)),
        `${selector}: ${value}`,
      ).toBe(true);
    } else expect(value, selector).toMatch(FILLED[kind]!);
  }
}

for (const [file, shape, leftAlone = []] of [
  ['walmart-checkout.html', 'given and family name on the card, month and year apart'],
  ['malta-taxes-payment.html', 'a card-type select'],
  ['wikimedia-donation.html', 'card-type radios beside hidden month and year look-alikes'],
  ['netflix-payment.html', 'given and family name, one expiry field'],
  ['shopee-id-add-card.html', 'Indonesian captions in a grid’s header row'],
  ['samsclub-payment.html', 'month and year selects hidden behind the page’s own dropdowns'],
  ['solidus-ru-payment.html', 'Solidus’s payment step in Russian'],
  ['spree-zh-TW-payment.html', 'Spree’s payment step in Chinese, placeholders only'],
  ['spree-de-payment-choose-card.html', 'Spree’s own script shows the card fields once the card is chosen over a cheque'],
  [
    'ec-cube-1.4-gmopg-card.html',
    'EC-CUBE’s table layout in Japanese: the number in four boxes, month and year apart, 名 and 姓',
    ['expiryYear'],
  ],
] as [string, string, string[]?][]) {
  test(`a real store’s card form (${file}: ${shape}) gets exactly its card controls filled`, async ({ wallet }) => {
    const expected = corpus[file]!;
    const page = await wallet.newPage();
    await page.goto(`${STOREFRONT_URL}/stores/real/${file}`);
    for (const selector of expected.reveal) await page.click(selector);
    const selectors = Object.keys(expected.controls);
    const { others: untouched } = await readControls(page, selectors);
    await fillFromWallet(
      wallet,
      page,
      [...new Set(Object.values(expected.controls))].map((kind) => LISTED[kind]!),
    );
    // The fill writes every field in one go: once the number is in (a saved page may show a masked one before), the rest is final.
    const numbers = selectors.filter((selector) => expected.controls[selector] === 'number');
    await expect
      .poll(async () => {
        const { named } = await readControls(page, numbers);
        return numbers
          .map((selector) => named[selector])
          .join('')
          .replace(/ /g, '');
      })
      .toBe('4242424242424242');
    const after = await readControls(page, selectors);
    expectCardIn(after.named, expected, leftAlone);
    expect(after.others).toEqual(untouched);
    // The offer tells the shopper what the fill could not set; after a fill that set everything it says nothing of the kind.
    const offer = await page.walletFrame('fill');
    if (leftAlone.length > 0)
      await expect.poll(() => offer.text()).toContain(`Please fill in yourself: ${leftAlone.map((kind) => LISTED[kind]).join(', ')}`);
    else expect(await offer.text()).not.toContain('fill in yourself');
    await page.screenshot(`card-fill-real-${file.replace('.html', '')}`);
    await page.close();
  });
}

for (const [index, which] of [
  [0, 'first'],
  [1, 'second'],
] as const) {
  test(`a real store that takes two cards (apple-checkout.html: the price split over two) offers a fill beside each, and the ${which} fills the ${which} card alone`, async ({
    wallet,
  }) => {
    const expected = corpus['apple-checkout.html']!;
    const selectors = Object.keys(expected.controls);
    const [filled, other] = [
      selectors.filter((selector) => selector.includes(`cardInput-${index}`)),
      selectors.filter((selector) => selector.includes(`cardInput-${1 - index}`)),
    ];
    const page = await wallet.newPage();
    await page.goto(`${STOREFRONT_URL}/stores/real/apple-checkout.html`);
    const { others: untouched } = await readControls(page, selectors);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-wallet-frame="fill"]').length, undefined)).toBe(2);
    await fillFromWallet(wallet, page, ['card number', 'expiry', 'security code'], index);
    await expect
      .poll(async () => (await readControls(page, [filled[0]!])).named[filled[0]!]?.toString().replace(/ /g, ''))
      .toBe('4242424242424242');
    const after = await readControls(page, selectors);
    expectCardIn(after.named, {
      ...expected,
      controls: Object.fromEntries(filled.map((selector) => [selector, expected.controls[selector]!])),
    });
    expect(other.map((selector) => after.named[selector])).toEqual(other.map(() => ''));
    expect(after.others).toEqual(untouched);
    await page.screenshot(`card-fill-real-apple-${which}-card`);
    await page.close();
  });
}

test('a real store whose card is taken in Checkout.com’s frames (qobuz-payment.html) gets the note naming it and its own name on card filled', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/real/qobuz-payment.html`);
  const note = await page.closedShadow('[data-wallet-card-fill]');
  await expect.poll(() => note.text()).toContain('Checkout.com');
  const { others: untouched } = await readControls(page, ['#checkoutCardHolderName']);
  await fillFromWallet(wallet, page, 'Fields to fill: name on card');
  await expect
    .poll(async () => (await readControls(page, ['#checkoutCardHolderName'])).named['#checkoutCardHolderName'])
    .toBe('Ada Lovelace');
  expect((await readControls(page, ['#checkoutCardHolderName'])).others).toEqual(untouched);
  await page.screenshot('card-fill-real-qobuz-payment');
  await page.close();
});

test('a provider’s own sample page (stripe-sample-payment-element.html), whose script has not put its card frame in, gets the note naming Stripe and no offer', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/real/stripe-sample-payment-element.html`);
  const note = await page.closedShadow('[data-wallet-card-fill]');
  await expect
    .poll(() => note.text())
    .toBe('This store takes your card in Stripe’s frame, which the wallet cannot fill. Type the card there yourself.');
  // The note stands right after the element Stripe's script mounts into.
  expect(
    await page.evaluate(
      () => document.querySelector('#payment-element')?.nextElementSibling?.hasAttribute('data-wallet-card-fill'),
      undefined,
    ),
  ).toBe(true);
  await page.screenshot('card-fill-real-stripe-sample-payment-element');
  await page.close();
});
