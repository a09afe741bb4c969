import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { passwordScore } from '@/lib/account/password-strength';
import { signUpForm } from '@/lib/account/profile';
import { signUp } from '@/lib/account/sign-up';
import { REVIEW_MS } from '@/lib/identity/review';
import { submitVerification } from '@/lib/identity/verification';
import { toBase64 } from '@/lib/vault/bytes';
import { open } from '@/lib/vault/crypto';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { runDueJobs } from '@/lib/wallet/jobs';
import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import { pdf, png } from './support/images';
import { freshDatabase } from './support/with-wallet';

async function signedUp() {
  const fresh = freshDatabase();
  const result = await signUp(fresh.context, signUpForm(fresh.clock.now(), bundledPhonePlans, passwordScore).parse(SIGN_UP_INPUT), 100_000);
  if (!result.ok) throw new Error(result.message);
  return { ...fresh, dataKey: result.dataKey };
}

const upload = (side: 'photo_page' | 'cover' | 'front' | 'back', bytes: Uint8Array, name = `${side}.jpg`) => ({
  side,
  name,
  bytes: toBase64(bytes as Uint8Array<ArrayBuffer>),
});

describe('Identity verification', () => {
  it('seals the files, reviews after 48 hours by the clock, and approval raises the limits to $5,000', async () => {
    const { context, dataKey, db, clock } = await signedUp();
    const photo = png(1200, 800);
    const submitted = await submitVerification(context, dataKey, {
      documentType: 'passport',
      files: [upload('photo_page', photo, 'scan.pdf'), upload('cover', pdf())],
    });
    expect(submitted).toMatchObject({ ok: true, verification: { state: 'in_review', reviewDueAt: clock.now() + REVIEW_MS } });
    const documents = await db.documents.toArray();
    expect(documents).toHaveLength(2);
    expect(await open(dataKey, documents.find((document) => document.side === 'photo_page')!.sealedBytes)).toEqual(photo);

    clock.advance(REVIEW_MS - 1);
    await runDueJobs(context);
    expect((await db.wallet.get('wallet'))?.verified).toBe(false);
    clock.advance(1);
    await runDueJobs(context);
    expect(await db.verification.toArray()).toMatchObject([{ state: 'approved' }]);
    expect((await db.wallet.get('wallet'))?.verified).toBe(true);
    expect((await db.accounts.get(ACCOUNTS.shopper))?.balanceLimitMinor).toBe(500_000);
  });

  it('rejects a photo too small to read, saying which side and its size; a new submission is then accepted', async () => {
    const { context, dataKey, db, clock } = await signedUp();
    await submitVerification(context, dataKey, {
      documentType: 'driving_licence',
      files: [upload('front', png(500, 300)), upload('back', png(1200, 800))],
    });
    clock.advance(REVIEW_MS);
    await runDueJobs(context);
    expect(await db.verification.toArray()).toMatchObject([
      { state: 'rejected', reasons: [{ side: 'front', reason: 'image_too_small', width: 500, height: 300 }] },
    ]);
    expect((await db.wallet.get('wallet'))?.verified).toBe(false);
    const again = await submitVerification(context, dataKey, {
      documentType: 'driving_licence',
      files: [upload('front', png(1200, 800)), upload('back', png(1200, 800))],
    });
    expect(again).toMatchObject({ ok: true });
    // The rejected submission's files are erased: only the new ones are kept.
    expect(await db.documents.count()).toBe(2);
  });

  it.each([
    ['a passport without its cover', 'passport', [upload('photo_page', png(1200, 800))], 'missing_side'],
    [
      'a text file named .jpg',
      'passport',
      [upload('photo_page', new TextEncoder().encode('not an image')), upload('cover', pdf())],
      'unrecognised_type',
    ],
    [
      'a licence sent with a cover',
      'driving_licence',
      [upload('front', png(1200, 800)), upload('cover', pdf())],
      'wrong_side_for_document',
    ],
  ] as const)('refuses %s and stores nothing', async (_name, documentType, files, reason) => {
    const { context, dataKey, db } = await signedUp();
    expect(await submitVerification(context, dataKey, { documentType, files: [...files] })).toMatchObject({ ok: false, reason });
    expect(await db.verification.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
    expect(await db.jobs.count()).toBe(0);
  });

  it('refuses a second submission while one is in review', async () => {
    const { context, dataKey } = await signedUp();
    const files = [upload('photo_page', png(1200, 800)), upload('cover', pdf())];
    await submitVerification(context, dataKey, { documentType: 'passport', files });
    expect(await submitVerification(context, dataKey, { documentType: 'passport', files })).toMatchObject({ reason: 'review_in_progress' });
  });
});
