import { TEST_CARD } from '../../wallet-input/sign-up-input';
import type { DriverPage } from './driver';

/** Types the test card into the wallet page's card form, already in view, and adds it as a shopper would. */
export async function addTestCard(page: DriverPage): Promise<void> {
  await page.fill('[name="cardNumber"]', TEST_CARD.number);
  await page.fill('[name="cardExpiry"]', TEST_CARD.expiry);
  await page.fill('[name="cardHolder"]', TEST_CARD.holderName);
  await page.fill('[name="cardCvv"]', TEST_CARD.cvv);
  await page.click('[data-testid="card-add-submit"]');
}
