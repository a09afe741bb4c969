import { formatMoney } from '../../lib/money';
import { seriousViolations } from './support/axe';
import { captureClipboard, copiedTexts } from './support/clipboard';
import { captureDownloads, downloads } from './support/downloads';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { payFromBalance } from './support/shopping';
import { prepareWallet } from './support/wallet-data';
import { walletSection } from './support/wallet-page';

// Verified, so a purchase goes straight into escrow rather than into the payment check, with money for an order.
test.use({ walletNeeds: { availableMinor: 10_000, verified: true } });

const SHOP = 'Demo Market';
/** The address the demo shop gives in its offer, which a letter about its order starts with. */
const ADDRESS = 'help@demo-market.example';
const MESSAGE = 'The mug arrived broken.\nCould you send another one, or refund it?';

const focusedTestId = (page: DriverPage) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null, undefined);
const valueOf = (page: DriverPage, selector: string) =>
  page.evaluate((selector) => document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? null, selector);

/** The subject and body a mail program reads from the letter's link. */
async function mailLink(page: DriverPage, within: string) {
  const href = await page.evaluate(
    (selector) => document.querySelector<HTMLAnchorElement>(selector)?.href ?? '',
    `${within} [data-testid="letter-mailto"]`,
  );
  const [target, query = ''] = href.slice('mailto:'.length).split('?');
  const params = Object.fromEntries(query.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  return { href, to: decodeURIComponent(target ?? ''), subject: params.subject, body: params.body?.replace(/\r\n/g, '\n') };
}

/** The wallet page's Orders section with the letter form open for `orderId`. */
async function letterFormFor(wallet: WalletDriver, orderId: string): Promise<{ page: DriverPage; order: string; form: string }> {
  const page = await walletSection(wallet, 'orders');
  const order = `[data-testid="order-item"][data-order-id="${orderId}"]`;
  const form = `${order} [data-testid="letter-form"]`;
  await page.waitFor(`${order} [data-testid="letter-open"]`);
  await page.click(`${order} [data-testid="letter-open"]`);
  await page.waitFor(form);
  return { page, order, form };
}

/** Writes MESSAGE to the shop about `orderId` from its Orders entry, and returns the letter as the wallet showed it. */
async function writeOrderLetter(wallet: WalletDriver, orderId: string): Promise<string> {
  const { page, order, form } = await letterFormFor(wallet, orderId);
  await page.fill(`${form} [data-testid="letter-message"]`, MESSAGE);
  await page.click(`${form} [data-testid="letter-submit"]`);
  await page.waitFor(`${order} [data-testid="letter-ready"]`);
  const text = (await valueOf(page, `${order} [data-testid="letter-ready"] [data-testid="letter-text"]`)) ?? '';
  await page.close();
  return text;
}

test('writing to support about an order: the form holds the case and the shop’s address, says there is no support desk, and works by keyboard', async ({
  wallet,
}) => {
  const { orderId, totalMinor } = await payFromBalance(wallet);
  const { page, order, form } = await letterFormFor(wallet, orderId);
  // Opened by the shopper, the form takes focus; Escape closes it and gives focus back to the button.
  await expect.poll(() => focusedTestId(page)).toBe('letter-to');
  await page.press('Escape');
  await expect.poll(() => page.evaluate((form) => document.querySelector(form) === null, form)).toBe(true);
  await expect.poll(() => focusedTestId(page)).toBe('letter-open');
  await page.press('Enter');
  await page.waitFor(form);
  await expect.poll(() => focusedTestId(page)).toBe('letter-to');

  expect(await page.textOf(`${form} [data-testid="letter-no-desk"]`)).toContain('no support desk');
  expect(await page.textOf(form)).toContain(`The address ${SHOP} gave at checkout on ${STOREFRONT_URL}.`);
  expect(await valueOf(page, `${form} [data-testid="letter-subject"]`)).toBe(`Order ${orderId} at ${SHOP}`);
  expect(await valueOf(page, `${form} [data-testid="letter-to"]`)).toBe(ADDRESS);
  await expect.poll(() => valueOf(page, `${form} [data-testid="letter-name"]`)).toBe('Ada Lovelace');
  const facts = await page.textOf(`${form} [data-testid="letter-facts"]`);
  for (const fact of [
    orderId,
    `${SHOP} (${STOREFRONT_URL})`,
    formatMoney({ amountMinor: totalMinor, currency: 'USD' }, 'en'),
    'held in escrow',
  ])
    expect(facts).toContain(fact);

  // Each problem shows beside its field, saying what to do, and takes focus.
  await page.fill(`${form} [data-testid="letter-to"]`, 'the shop');
  await page.click(`${form} [data-testid="letter-submit"]`);
  await page.waitForText(`${form} .field-invalid`, 'Type the address as name@example.com');
  await page.waitForText(`${form} [data-testid="letter-message"] ~ .field-error`, 'Write what happened');
  await expect.poll(() => focusedTestId(page)).toBe('letter-to');
  expect(await seriousViolations(page), 'the form with its errors').toEqual([]);

  await page.fill(`${form} [data-testid="letter-to"]`, ADDRESS);
  await page.fill(`${form} [data-testid="letter-message"]`, MESSAGE);
  await page.screenshot('letter-order-form', `${order} .support-letter`);
  await page.click(`${form} [data-testid="letter-submit"]`);

  const ready = `${order} [data-testid="letter-ready"]`;
  await page.waitFor(ready);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent, undefined)).toBe('Your letter is ready');
  const writtenText = (await valueOf(page, `${ready} [data-testid="letter-text"]`)) ?? '';
  expect(
    writtenText.startsWith(
      `To: ${ADDRESS}\nSubject: Order ${orderId} at ${SHOP}\n\nHello,\n\n${MESSAGE}\n\nThe order, as my wallet shows it:\n`,
    ),
  ).toBe(true);
  expect(writtenText).toContain(`- Order: ${orderId}\n`);
  expect(writtenText.endsWith('\n\nKind regards,\nAda Lovelace\n')).toBe(true);

  // The mail link opens the same letter in the shopper's own mail program.
  const link = await mailLink(page, ready);
  expect(link.href.startsWith(`mailto:${ADDRESS}?subject=Order%20`)).toBe(true);
  expect(`To: ${link.to}\nSubject: ${link.subject}\n\n${link.body}\n`).toBe(writtenText);

  // Copying and saving give the very same text.
  await captureClipboard(page);
  await captureDownloads(page);
  await page.click(`${ready} [data-testid="letter-copy"]`);
  await page.waitForText(`${ready} [data-testid="letter-status"]`, 'Copied');
  await page.click(`${ready} [data-testid="letter-save"]`);
  await page.waitForText(`${ready} [data-testid="letter-status"]`, 'Saved as support-letter-');
  expect(await copiedTexts(page)).toEqual([writtenText]);
  const [file] = await downloads(page);
  expect(file?.name).toMatch(/^support-letter-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(file?.text).toBe(writtenText);
  expect(await seriousViolations(page), 'the written letter').toEqual([]);
  await page.screenshot('letter-order-written', `${order} .support-letter`);

  await page.click(`${ready} [data-testid="letter-close"]`);
  await expect.poll(() => focusedTestId(page)).toBe('letter-open');
  await page.close();
});

// The letters listed are exactly the ones this test writes: a wallet of its own.
test.describe(() => {
  test.use({ ownWallet: true });

  test('the letter is listed in Help with its order, and opens again with the same text; a question about the wallet is written there', async ({
    wallet,
  }) => {
    const { orderId } = await payFromBalance(wallet);
    const writtenText = await writeOrderLetter(wallet, orderId);
    const page = await walletSection(wallet, 'help');
    const item = '[data-testid="letter-list"] [data-testid="letter-item"]';
    await page.waitForText(`${item} [data-testid="letter-about"]`, `Order ${orderId} at ${SHOP}`);
    expect(await page.evaluate((item) => document.querySelectorAll(item).length, item)).toBe(1);
    await page.click(`${item} [data-testid="letter-show"]`);
    await page.waitFor(`${item} [data-testid="letter-text"]`);
    expect(await valueOf(page, `${item} [data-testid="letter-text"]`)).toBe(writtenText);
    expect((await mailLink(page, item)).to).toBe(ADDRESS);

    // Help's own form: a question about the wallet, sent to an address the shopper picks in their mail program.
    const form = '[data-testid="letters"] [data-testid="letter-form"]';
    expect(await valueOf(page, `${form} [data-testid="letter-subject"]`)).toBe('A question about my wallet');
    // The case names the wallet's verification as it stands: this spec's wallet was verified before paying.
    const walletFacts = await page.textOf(`${form} [data-testid="letter-facts"]`);
    expect(walletFacts).toContain('verified');
    expect(walletFacts).not.toContain('not verified');
    await page.fill(`${form} [data-testid="letter-message"]`, 'How do I change the currency of my wallet?');
    await page.click(`${form} [data-testid="letter-submit"]`);
    const ready = '[data-testid="letters"] [data-testid="letter-ready"]';
    await page.waitFor(ready);
    expect(await page.textOf(ready)).toContain('No address: choose it in your mail program');
    expect((await mailLink(page, ready)).href.startsWith('mailto:?subject=A%20question%20about%20my%20wallet&body=Hello%2C')).toBe(true);
    await page.waitForText(`${item}:first-child [data-testid="letter-about"]`, 'A question about the wallet');
    expect(await page.evaluate((item) => document.querySelectorAll(item).length, item)).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot('letters-help', '[data-testid="letters"]');
    // Another letter starts from an empty message, with focus in the form.
    await page.click(`${ready} [data-testid="letter-another"]`);
    await page.waitFor(form);
    await expect.poll(() => focusedTestId(page)).toBe('letter-to');
    expect(await valueOf(page, `${form} [data-testid="letter-message"]`)).toBe('');
    await page.close();
  });
});

test('in dark, the letter form and the written letter keep the theme’s colours and pass axe', async ({ walletBrowser }) => {
  const dark = await launchWallet(walletBrowser, { colorScheme: 'dark' });
  try {
    await prepareWallet(dark, {});
    const page = await walletSection(dark, 'help');
    const form = '[data-testid="letters"] [data-testid="letter-form"]';
    await page.waitFor(form);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined)).toBe('rgb(16, 21, 28)');
    await page.click(`${form} [data-testid="letter-submit"]`);
    await page.waitForText(`${form} .field-error`, 'Write what happened');
    expect(await seriousViolations(page), 'dark form with an error').toEqual([]);
    await page.fill(`${form} [data-testid="letter-message"]`, 'Где мои деньги? 我的钱在哪里？');
    await page.click(`${form} [data-testid="letter-submit"]`);
    await page.waitFor('[data-testid="letters"] [data-testid="letter-ready"]');
    expect(await seriousViolations(page), 'dark written letter').toEqual([]);
    await page.screenshot('letters-help-dark', '[data-testid="letters"]');
    await page.close();
  } finally {
    await dark.close();
  }
});
