import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { pdf, png } from '../unit/support/images';
import type { DriverPage, WalletDriver } from './support/driver';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/paths';
import { addTestCard } from './support/wallet-page';

// A wallet of its own, signed up with a card and never topped up: the balance below is exactly $0.00.
test.use({ walletProfile: 'accounts', walletNeeds: { card: true } });

const NEW_PASSWORD = 'difference-engine-1822';

/** The wallet page as a shopper opens it, once it shows the signed-up wallet. */
async function openWalletPage(wallet: WalletDriver, ready = '[data-testid="lock"]'): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/wallet.html'));
  await page.waitFor(ready);
  return page;
}

/** The text fields of the sign-up form, by their `name` (the field's path in the form). */
function textFields(): [string, string][] {
  const form = SIGN_UP_INPUT;
  return [
    ['givenName', form.givenName],
    ['familyName', form.familyName],
    ['dateOfBirth', form.dateOfBirth],
    ['idDocument.number', form.idDocument.number],
    ['address.street', form.address.street],
    ['address.city', form.address.city],
    ['address.region', form.address.region],
    ['address.postcode', form.address.postcode],
    ['phone', form.phone],
    ['email', form.email],
    ['loginPassword', form.loginPassword],
    ['loginPasswordRepeat', form.loginPasswordRepeat],
    ['paymentPassword', form.paymentPassword],
    ['paymentPasswordRepeat', form.paymentPasswordRepeat],
    ...form.securityAnswers.map((answer, index): [string, string] => [`securityAnswers.${index}.answer`, answer.answer]),
  ];
}

// Only a fresh install shows the sign-up form.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: undefined });

  test('a fresh install opens the wallet page, and signing up refuses an incomplete form before saving anything', async ({ wallet }) => {
    const page = await wallet.waitForPage('/wallet.html');
    await page.waitFor('[data-testid="sign-up-submit"]');
    await page.click('[data-testid="sign-up-submit"]');
    await page.waitFor('.field-error');
    expect(await page.evaluate(() => document.querySelectorAll('.field-error').length, undefined)).toBeGreaterThan(5);
    await page.screenshot('sign-up-errors');
  });

  test('signing up with every field filled opens the wallet and sends the phone and email codes to the simulated inbox', async ({
    wallet,
  }) => {
    const page = await wallet.waitForPage('/wallet.html');
    await page.waitFor('[data-testid="sign-up-submit"]');
    for (const [name, value] of textFields()) await page.fill(`[name="${name}"]`, value);
    await page.select('[name="gender"]', SIGN_UP_INPUT.gender);
    await page.select('[name="citizenship"]', SIGN_UP_INPUT.citizenship);
    await page.select('[name="idDocument.type"]', SIGN_UP_INPUT.idDocument.type);
    await page.select('[name="address.country"]', SIGN_UP_INPUT.address.country);
    await page.select('[name="currency"]', SIGN_UP_INPUT.currency);
    for (const [index, answer] of SIGN_UP_INPUT.securityAnswers.entries())
      await page.select(`[name="securityAnswers.${index}.questionId"]`, answer.questionId);
    await page.click('[name="termsAccepted"]');
    await page.screenshot('sign-up-filled');
    await page.click('[data-testid="sign-up-submit"]');
    await page.waitFor('[data-testid="confirm-phone-banner"]');
    // Right after sign-up the wallet asks whether to verify now, with the account's status and limit.
    await page.waitForText('[data-testid="signed-up-choice"]', 'Not verified · limit $500.00');
    await page.screenshot('signed-up-choice', 'main');
    await page.waitFor('[data-testid="inbox-message-phone"]');
    expect(await page.textOf('[data-testid="inbox"]')).toContain('Simulated');
    await page.screenshot('wallet-after-sign-up');
  });
});

// The phone is confirmed once in a wallet's life and nothing else here reads it: the spec's wallet, signed up
// afresh in each worker, still has it to do.
test('the phone is confirmed with the code from the inbox; a wrong code counts a try', async ({ wallet }) => {
  const page = await openWalletPage(wallet, '[data-testid="confirm-phone-banner"]');
  await page.fill('[name="code-phone"]', '000000');
  await page.click('[data-testid="confirm-phone"]');
  await page.waitForText('[data-testid="confirm-phone-banner"] [role="alert"]', '4');
  const code = (await page.textOf('[data-testid="inbox-message-phone"] [data-testid="inbox-code"]')).trim();
  await page.fill('[name="code-phone"]', code);
  await page.click('[data-testid="confirm-phone"]');
  await expect
    .poll(() => page.evaluate(() => document.querySelector('[data-testid="confirm-phone-banner"]') === null, undefined))
    .toBe(true);
});

// The wallet's first card: a wallet of its own, as the spec's wallet already has one.
test.describe(() => {
  test.use({ ownWallet: true, walletNeeds: {} });

  test('a card is added, shown as brand and last four', async ({ wallet }) => {
    const page = await openWalletPage(wallet);
    await page.click('a[href="#cards"]');
    await addTestCard(page);
    await page.waitForText('[data-testid="card-item"]', '4242');
    expect(await page.textOf('[data-testid="card-item"]')).not.toContain('4242 4242');
    await page.screenshot('cards');
  });
});

// Documents are sent once too, and nothing else here reads them.
test('identity documents are uploaded and wait for review', async ({ wallet }) => {
  const page = await openWalletPage(wallet);
  const folder = join(ROOT, 'test-results', 'identity');
  mkdirSync(folder, { recursive: true });
  // A photo named like a PDF: the wallet goes by the content.
  writeFileSync(join(folder, 'photo-page.pdf'), png(1200, 800));
  writeFileSync(join(folder, 'cover.pdf'), pdf());
  await page.click('a[href="#verification"]');
  await page.click('input[name="documentType"][value="passport"]');
  await page.upload('input[name="identity-photo_page"]', join(folder, 'photo-page.pdf'));
  await page.upload('input[name="identity-cover"]', join(folder, 'cover.pdf'));
  await page.click('[data-testid="identity-submit"]');
  await page.waitForText('[data-testid="identity-status"]', 'review');
  await page.screenshot('verification');
});

test('locking hides the sections but still shows the balance; the login password unlocks', async ({ wallet }) => {
  const page = await openWalletPage(wallet);
  await page.click('[data-testid="lock"]');
  await page.waitFor('[data-testid="unlock-submit"]');
  expect(await page.textOf('[data-testid="balance-available"]')).toBe('$0.00');
  expect(await page.evaluate(() => document.querySelector('a[href="#cards"]') === null, undefined)).toBe(true);
  await page.screenshot('locked');
  await page.fill('[name="loginPassword"]', SIGN_UP_INPUT.loginPassword);
  await page.click('[data-testid="unlock-submit"]');
  await page.waitFor('[data-testid="lock"]');
  await page.close();
});

// A new login password would lock the other tests out of the wallet.
test.describe(() => {
  test.use({ ownWallet: true });

  test('a forgotten password is reset with the security answers, and the card still decrypts', async ({ wallet }) => {
    const page = await openWalletPage(wallet);
    await page.click('[data-testid="lock"]');
    await page.click('[data-testid="forgot-password"]');
    for (const [index, answer] of SIGN_UP_INPUT.securityAnswers.entries())
      await page.fill(`[name="recoveryAnswer.${index}"]`, answer.answer);
    await page.fill('[name="newPassword"]', NEW_PASSWORD);
    await page.fill('[name="newPasswordRepeat"]', NEW_PASSWORD);
    await page.screenshot('recover');
    await page.click('[data-testid="recover-submit"]');
    await page.waitFor('[data-testid="lock"]');

    await page.click('a[href="#cards"]');
    await page.waitFor('[data-testid="card-item"]');
    await page.click('[data-testid="card-item"] [data-testid="card-reveal"]');
    await page.fill('[data-testid="card-item"] input[type="password"]', SIGN_UP_INPUT.paymentPassword);
    await page.click('[data-testid="card-item"] [data-testid="password-prompt-submit"]');
    await page.waitForText('[data-testid="card-number-revealed"]', '4242 4242 4242 4242');

    // The old password no longer opens the wallet; the new one does.
    await page.click('[data-testid="lock"]');
    await page.fill('[name="loginPassword"]', SIGN_UP_INPUT.loginPassword);
    await page.click('[data-testid="unlock-submit"]');
    await page.waitFor('#unlock-password-error');
    await page.fill('[name="loginPassword"]', NEW_PASSWORD);
    await page.click('[data-testid="unlock-submit"]');
    await page.waitFor('[data-testid="lock"]');
  });
});

test('the popup lists the saved card beside the balance', async ({ wallet }) => {
  const popup = await wallet.newPage();
  await popup.goto(wallet.extensionUrl('/popup.html'));
  await popup.waitForText('[data-testid="popup-cards"]', '4242');
  expect(await popup.textOf('[data-testid="balance-available"]')).toBe('$0.00');
  expect(await popup.textOf('[data-testid="popup-open-wallet"]')).toBe('Open the wallet');
  await popup.screenshot('popup-cards');
  await popup.close();
});
