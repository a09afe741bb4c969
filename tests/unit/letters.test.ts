import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { submitVerification } from '@/lib/identity/verification';
import { lettersNewestFirst } from '@/lib/letters/letter-list';
import { openLetter, writeLetter } from '@/lib/letters/letters';
import type { LetterAbout, LetterContent } from '@/lib/letters/records';
import { openClaim } from '@/lib/wallet/claims/claims';
import { holdId, orderKey } from '@/lib/wallet/orders/order-key';
import { pay } from '@/lib/wallet/orders/payments';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { png } from './support/images';
import { signedUp, succeeded, upload, type Wallet } from './support/active-wallet';
import { freshDatabase, offer, SHOP } from './support/with-wallet';

const ORDER: LetterAbout = { kind: 'order', orderKey: orderKey(SHOP, 'ord_1') };
const LETTER: LetterContent = {
  to: 'help@shop.example',
  subject: 'Order ord_1 has not arrived',
  body: 'Hello,\n\nMy mug has not arrived.\n\nKind regards,\nAda Lovelace',
};
const MINUTE = 60_000;

/** A signed-up wallet with one order paid from the balance. */
async function withOrder(): Promise<Wallet> {
  const wallet = await signedUp();
  succeeded(await topUp(wallet.context, { id: 'funds', method: 'e_wallet', amountMinor: 10_000 }));
  succeeded(await pay(wallet.context, { origin: SHOP, offer: offer({ orderId: 'ord_1' }), method: 'balance' }, AUTHORISED));
  return wallet;
}

const dump = async ({ db }: Wallet) =>
  JSON.stringify(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()])));

describe('Support letters', () => {
  it('keeps a letter sealed under the vault key, and opens it again with the same text', async () => {
    const wallet = await withOrder();
    const { context, dataKey, db } = wallet;
    const written = succeeded(await writeLetter(context, dataKey, { id: 'l1', about: ORDER, letter: LETTER }));
    expect(written).toMatchObject({ replayed: false, letter: { id: 'l1', about: ORDER, letter: LETTER, writtenAt: context.clock.now() } });

    const stored = await dump(wallet);
    for (const secret of ['Ada Lovelace', 'has not arrived', 'help@shop.example']) expect(stored).not.toContain(secret);
    expect(await db.letters.get('l1')).toMatchObject({ id: 'l1', about: ORDER });
    expect(succeeded(await openLetter(db, dataKey, 'l1')).letter).toEqual(written.letter);
  });

  it('lists letters newest first, each with the order, claim or verification it is about, and never the sealed text', async () => {
    const wallet = await withOrder();
    const { context, dataKey, db, clock } = wallet;
    succeeded(await openClaim(context, { claimId: 'claim-1', transferId: holdId(orderKey(SHOP, 'ord_1')), reason: 'Not me' }));
    const { verification } = succeeded(
      await submitVerification(context, dataKey, {
        documentType: 'passport',
        files: [upload('photo_page', png(1200, 800)), upload('cover', png(1200, 800))],
      }),
    );
    const abouts: LetterAbout[] = [
      ORDER,
      { kind: 'claim', claimId: 'claim-1' },
      { kind: 'verification', verificationId: verification.id },
      { kind: 'wallet' },
    ];
    for (const [index, about] of abouts.entries()) {
      clock.advance(MINUTE);
      succeeded(await writeLetter(context, dataKey, { id: `l${index}`, about, letter: LETTER }));
    }

    const page = await lettersNewestFirst(db, 3);
    expect(page.more).toBe(true);
    expect(page.letters.map(({ letter }) => letter.about.kind)).toEqual(['wallet', 'verification', 'claim']);
    expect(page.letters[1]).toMatchObject({ verification: { id: verification.id } });
    expect(page.letters[2]).toMatchObject({ letter: { about: { claimId: 'claim-1' } }, order: { orderId: 'ord_1' } });
    expect(JSON.stringify(page)).not.toContain('sealed');
    const all = await lettersNewestFirst(db, 10);
    expect(all.more).toBe(false);
    expect(all.letters.at(-1)).toMatchObject({ letter: { id: 'l0', about: ORDER }, order: { orderId: 'ord_1', origin: SHOP } });
  });

  it('keeps one letter when the page sends it again after a lost answer, and refuses another letter under its id', async () => {
    const wallet = await withOrder();
    const { context, dataKey } = wallet;
    succeeded(await writeLetter(context, dataKey, { id: 'l1', about: ORDER, letter: LETTER }));
    const before = await dump(wallet);
    expect(await writeLetter(context, dataKey, { id: 'l1', about: ORDER, letter: LETTER })).toMatchObject({ ok: true, replayed: true });
    expect(await writeLetter(context, dataKey, { id: 'l1', about: ORDER, letter: { ...LETTER, subject: 'Another' } })).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      reason: 'exists_with_different_fields',
    });
    expect(await dump(wallet)).toBe(before);
  });

  it.each<[string, LetterAbout]>([
    ['an order', { kind: 'order', orderKey: orderKey(SHOP, 'ord_404') }],
    ['an order of another shop', { kind: 'order', orderKey: orderKey('https://other.example', 'ord_1') }],
    ['a claim', { kind: 'claim', claimId: 'claim-404' }],
    ['a verification', { kind: 'verification', verificationId: 'v-404' }],
  ])('refuses a letter about %s the wallet does not have, writing nothing', async (_, about) => {
    const wallet = await withOrder();
    const before = await dump(wallet);
    expect(await writeLetter(wallet.context, wallet.dataKey, { id: 'l1', about, letter: LETTER })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      reason: 'letter_case_not_found',
    });
    expect(await dump(wallet)).toBe(before);
  });

  it('refuses a letter before there is a wallet, and says when a letter to open is not there', async () => {
    const { context } = freshDatabase();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect(await writeLetter(context, key, { id: 'l1', about: { kind: 'wallet' }, letter: LETTER })).toMatchObject({
      ok: false,
      reason: 'wallet_not_open',
    });
    expect(await context.db.letters.count()).toBe(0);
    expect(await openLetter(context.db, key, 'l1')).toMatchObject({ ok: false, code: 'NOT_FOUND', reason: 'letter_not_found' });
  });
});
