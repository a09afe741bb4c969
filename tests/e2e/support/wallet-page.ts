import { SIGN_UP_INPUT, TEST_CARD } from '../../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver } from './driver';

/** The wallet page at a section, reached through its navigation as a shopper would; on `page` if given, else in a new tab. */
export async function walletSection(wallet: WalletDriver, section: string, page?: DriverPage): Promise<DriverPage> {
  const tab = page ?? (await wallet.newPage());
  if (!page) await tab.goto(wallet.extensionUrl('/wallet.html'));
  await tab.click(`.wallet-nav a[href="#${section}"]`);
  await tab.waitFor(`.wallet-nav a[href="#${section}"][aria-current="page"]`);
  return tab;
}

/** Types the test card into the wallet page's card form, already in view, and adds it as a shopper would. */
export async function addTestCard(page: DriverPage): Promise<void> {
  await page.fill('[name="cardNumber"]', TEST_CARD.number);
  await page.fill('[name="cardExpiry"]', TEST_CARD.expiry);
  await page.fill('[name="cardHolder"]', TEST_CARD.holderName);
  await page.fill('[name="cardCvv"]', TEST_CARD.cvv);
  await page.fill('[name="card-add-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await page.click('[data-testid="card-add-submit"]');
}
