import { AUTHORISED } from './authorised';
import { expect } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { passwordScore } from '@/lib/account/password-strength';
import { signUpForm } from '@/lib/account/profile';
import { signUp } from '@/lib/account/sign-up';
import { submitVerification } from '@/lib/identity/verification';
import { writeLetter } from '@/lib/letters/letters';
import { toBase64 } from '@/lib/vault/bytes';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { addCard, removeCard } from '@/lib/wallet/cards/cards';
import { openClaim } from '@/lib/wallet/claims/claims';
import { holdId, orderKey } from '@/lib/wallet/orders/order-key';
import { shipOrder } from '@/lib/wallet/orders/orders';
import { pay } from '@/lib/wallet/orders/payments';
import { refundOrder } from '@/lib/wallet/refunds/refunds';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { SIGN_UP_INPUT, TEST_CARD } from '../../wallet-input/sign-up-input';
import { png } from './images';
import { SHOP, freshDatabase, offer } from './with-wallet';

// The schema's minimum: the default 600,000 iterations are exercised through the background below.
export const FAST = 100_000;
export const LOGIN_PASSWORD = SIGN_UP_INPUT.loginPassword;
export const DAY = 24 * 60 * 60 * 1000;
export const address = SIGN_UP_INPUT.address as Parameters<typeof addCard>[2]['billingAddress'];
export const upload = (side: 'photo_page' | 'cover', bytes: Uint8Array) => ({
  side,
  name: `${side}.png`,
  bytes: toBase64(bytes as Uint8Array<ArrayBuffer>),
});

export type Fresh = ReturnType<typeof freshDatabase>;
export type Wallet = Fresh & { dataKey: CryptoKey };

export async function signedUp(changes: Partial<typeof SIGN_UP_INPUT> = {}): Promise<Wallet> {
  const fresh = freshDatabase();
  const result = await signUp(
    fresh.context,
    signUpForm(fresh.clock.now(), bundledPhonePlans, passwordScore).parse({ ...SIGN_UP_INPUT, ...changes }),
    FAST,
  );
  if (!result.ok) throw new Error(result.message);
  return { ...fresh, dataKey: result.dataKey };
}

export const succeeded = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
};

/**
 * A wallet with something in every table: two cards (one removed), instant and settling top-ups,
 * an order shipped and one partly refunded, a claim, an identity review in progress, a refused
 * transfer id, the sign-up's codes in the inbox, and a support letter about the shipped order.
 */
export async function activeWallet(): Promise<Wallet> {
  const wallet = await signedUp();
  const { context, dataKey } = wallet;
  succeeded(await addCard(context, dataKey, { ...TEST_CARD, id: 'c1', billingAddress: address, save: true }, AUTHORISED));
  succeeded(
    await addCard(
      context,
      dataKey,
      { ...TEST_CARD, number: '5555 5555 5555 4444', id: 'c2', billingAddress: address, save: true },
      AUTHORISED,
    ),
  );
  succeeded(await removeCard(context, 'c2', AUTHORISED));
  succeeded(await topUp(context, { id: 'seed', method: 'card', amountMinor: 20_000, cardId: 'c1', authorisation: AUTHORISED }));
  succeeded(await topUp(context, { id: 'bank', method: 'bank_transfer', amountMinor: 5_000 }));
  succeeded(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_1' }), method: 'balance' }, AUTHORISED));
  succeeded(await shipOrder(context, SHOP, 'ord_1', 'express'));
  succeeded(await pay(context, { origin: SHOP, offer: offer({ orderId: 'ord_2', amountMinor: 1_000 }), method: 'balance' }, AUTHORISED));
  succeeded(await refundOrder(context, SHOP, 'ord_2', { refundId: 'r1', amountMinor: 300, reason: 'Scratched' }));
  succeeded(await openClaim(context, { claimId: 'claim-1', transferId: holdId(orderKey(SHOP, 'ord_2'), 1), reason: 'Not me' }));
  succeeded(
    await submitVerification(context, dataKey, {
      documentType: 'passport',
      files: [upload('photo_page', png(1200, 800)), upload('cover', png(1200, 800))],
    }),
  );
  succeeded(
    await writeLetter(context, dataKey, {
      id: 'letter-1',
      about: { kind: 'order', orderKey: orderKey(SHOP, 'ord_1') },
      letter: { to: 'help@shop.example', subject: 'Order ord_1 has not arrived', body: 'Hello,\n\nWhere is my mug?\n\nKind regards,\nAda' },
    }),
  );
  const refused = await context.ledger.submit([
    {
      kind: 'single',
      id: 'too-much',
      debitAccountId: ACCOUNTS.shopper,
      creditAccountId: ACCOUNTS.fees,
      amountMinor: 10_000_000,
      currency: 'USD',
      code: 'fee',
    },
  ]);
  expect(refused.ok).toBe(false);
  return wallet;
}
