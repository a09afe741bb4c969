import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { passwordScore } from '@/lib/account/password-strength';
import { signUpForm } from '@/lib/account/profile';
import { signUp } from '@/lib/account/sign-up';
import { submitVerification } from '@/lib/identity/verification';
import { toBase64 } from '@/lib/vault/bytes';
import { addCard } from '@/lib/wallet/cards/cards';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { png } from './support/images';
import { freshDatabase } from './support/with-wallet';

const CARD_NUMBER = '4000056655665556';
const CVV = '739';
const DOCUMENT_MARKER = 'PASSPORT-PIXELS-OF-ADA-LOVELACE';

/** Every way a secret could sit in a record: as typed, grouped, or base64 at any of the three byte alignments. */
function forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const base64 = [0, 1, 2].map((skip) => toBase64(bytes.slice(skip)).replace(/=+$/, '').slice(2, -2));
  return [secret, secret.replace(/(\d{4})(?=\d)/g, '$1 '), ...base64];
}

describe('Secrets at rest', () => {
  it('keeps no card number, CVV, document bytes or identity details in clear in any IndexedDB record', async () => {
    const { context, db, clock } = freshDatabase();
    const signedUp = await signUp(context, signUpForm(clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT), 100_000);
    if (!signedUp.ok) throw new Error(signedUp.message);
    const { dataKey } = signedUp;
    const billingAddress = signUpForm(clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT).address;
    const card = { number: CARD_NUMBER, expiry: '11/31', holderName: 'Ada Lovelace', cvv: CVV };
    expect(await addCard(context, dataKey, { ...card, id: 'saved', billingAddress, save: true }, AUTHORISED)).toMatchObject({ ok: true });
    const photo = new Uint8Array([...png(1200, 800), ...new TextEncoder().encode(DOCUMENT_MARKER)]);
    expect(
      await submitVerification(context, dataKey, {
        documentType: 'passport',
        files: [
          { side: 'photo_page', name: 'photo.png', bytes: toBase64(photo) },
          { side: 'cover', name: 'cover.png', bytes: toBase64(photo) },
        ],
      }),
    ).toMatchObject({ ok: true });

    // The search would find the document had its bytes been stored base64-encoded but not sealed.
    expect(forms(DOCUMENT_MARKER).some((form) => toBase64(photo).includes(form))).toBe(true);
    const dump = JSON.stringify(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()])));
    expect(dump).toContain('"last4":"5556"');
    for (const secret of [
      CARD_NUMBER,
      CARD_NUMBER.slice(0, 12),
      DOCUMENT_MARKER,
      'GB1234567',
      '1990-12-10',
      'St James',
      SIGN_UP_INPUT.loginPassword,
    ]) {
      for (const form of forms(secret)) expect(dump).not.toContain(form);
    }
    // A CVV would show as a field or as its exact value; random ciphertext can spell "cvv" by chance, a JSON key cannot.
    expect(dump).not.toMatch(new RegExp(`"${CVV}"|"(cvv|cvc|securityCode)"\\s*:`, 'i'));
  });
});
