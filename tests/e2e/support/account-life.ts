import { SIGN_UP_INPUT } from '../../wallet-input/sign-up-input';
import type { DriverPage } from './driver';

export const NEW_PAYMENT_PASSWORD = '751903';

/** Fills "Forgot payment password?" as a shopper would, with `answers` in the order the form asks them. */
export async function fillReset(page: DriverPage, answers = SIGN_UP_INPUT.securityAnswers.map(({ answer }) => answer)) {
  await page.waitFor('[data-testid="reset-payment-password"]');
  await page.fill('#reset-login-password', SIGN_UP_INPUT.loginPassword);
  for (const [index, answer] of answers.entries()) await page.fill(`#reset-answer-${index}`, answer);
  await page.fill('#reset-payment-new', NEW_PAYMENT_PASSWORD);
  await page.fill('#reset-payment-repeat', NEW_PAYMENT_PASSWORD);
}
