import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGN_UP_INPUT, TEST_CARD } from '../wallet-input/sign-up-input';
import type { LaunchOptions, WalletDriver } from './support/driver';
import { expect, launchWallet, test } from './support/fixtures';
import { askBackground } from './support/wallet-data';

// Its own browsers, started and stopped twice on one profile folder: it asks for no worker's wallet.

test('the wallet survives closing and reopening the browser: the balance and card are there, and it asks for the login password again', async ({
  walletBrowser,
}) => {
  const profileDir = mkdtempSync(join(tmpdir(), `wallet-profile-${walletBrowser}-`));
  const launch = (options: LaunchOptions): Promise<WalletDriver> => launchWallet(walletBrowser, options);
  try {
    const first = await launch({ profileDir });
    try {
      const page = await first.waitForPage('/wallet.html');
      await page.waitFor('[data-testid="sign-up-submit"]');
      expect(await askBackground(page, { type: 'account.signUp', form: SIGN_UP_INPUT })).toMatchObject({ ok: true });
      expect(
        await askBackground(page, { type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword }),
      ).toMatchObject({ ok: true });
      expect(
        await askBackground(page, { type: 'topUps.create', id: 'restart-top-up', method: 'e_wallet', amountMinor: 10_000 }),
      ).toMatchObject({
        ok: true,
      });
    } finally {
      await first.close();
    }

    const second = await launch({ profileDir });
    try {
      // A wallet page comes back with the browser; once it shows the lock, the extension has finished
      // starting (Firefox reloads a test-installed extension's pages while it starts).
      await (await second.waitForPage('/wallet.html')).waitFor('[data-testid="unlock-submit"]');
      const popup = await second.newPage();
      await popup.goto(second.extensionUrl('/popup.html'));
      await popup.waitForText('[data-testid="balance-available"]', '$100.00');
      // The unlocked key lived in session storage, which a browser restart empties.
      await popup.waitFor('[data-testid="popup-locked"]');
      await popup.fill('#unlock-password', SIGN_UP_INPUT.loginPassword);
      await popup.click('[data-testid="unlock-submit"]');
      await popup.waitForText('[data-testid="popup-cards"]', 'Visa •••• 4242');
      const cards = await askBackground(popup, { type: 'cards.list' });
      const cardId = cards.ok ? (cards.result as { cards: { id: string }[] }).cards[0]?.id : undefined;
      expect(
        await askBackground(popup, { type: 'cards.reveal', cardId: cardId!, paymentPassword: SIGN_UP_INPUT.paymentPassword }),
      ).toMatchObject({
        ok: true,
        result: { secret: { number: '4242424242424242' } },
      });
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});
