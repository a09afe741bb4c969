import { sameContent } from '../canonical-json';
import type { WalletDatabase } from '../db';
import { openJson, sealJson } from '../vault/crypto';
import type { WalletContext } from '../wallet/context';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { letterContent, type LetterAbout, type LetterContent, type LetterRow, type OpenedLetter } from './records';

const caseNotFound = () =>
  refuse(
    'NOT_FOUND',
    'letter_case_not_found',
    'The order, claim or verification this letter is about is not in the wallet: write it from the list that shows it.',
  );

/** Whether the record a letter is about is in the wallet. */
async function caseExists(db: WalletDatabase, about: LetterAbout): Promise<boolean> {
  switch (about.kind) {
    case 'order':
      return (await db.orders.get(about.orderKey)) !== undefined;
    case 'claim':
      return (await db.claims.get(about.claimId)) !== undefined;
    case 'verification':
      return (await db.verification.get(about.verificationId)) !== undefined;
    case 'wallet':
      return true;
  }
}

const opened = async (dataKey: CryptoKey, row: LetterRow): Promise<OpenedLetter> => ({
  id: row.id,
  writtenAt: row.writtenAt,
  about: row.about,
  letter: letterContent.parse(await openJson(dataKey, row.sealed)),
});

/**
 * Keeps a letter the shopper wrote, sealed under the vault key, beside the record it is about. The
 * id is the page's, so a retry after a lost answer keeps one letter; the same id with another
 * letter is refused.
 */
export async function writeLetter(
  context: WalletContext,
  dataKey: CryptoKey,
  request: { id: string; about: LetterAbout; letter: LetterContent },
): Promise<WalletResult<{ letter: OpenedLetter; replayed: boolean }>> {
  const { db, clock } = context;
  // Sealing is not a Dexie call, so it happens before the transaction, which would otherwise commit early.
  const sealed = await sealJson(dataKey, request.letter);
  const written = await db.transaction('rw', [db.wallet, db.orders, db.claims, db.verification, db.letters], async () => {
    if (!(await db.wallet.get('wallet'))) return walletNotOpen();
    const existing = await db.letters.get(request.id);
    if (existing) return { ok: true as const, row: existing, replayed: true };
    if (!(await caseExists(db, request.about))) return caseNotFound();
    const row: LetterRow = { id: request.id, writtenAt: clock.now(), about: request.about, sealed };
    await db.letters.add(row);
    return { ok: true as const, row, replayed: false };
  });
  if (!written.ok) return written;
  const letter = await opened(dataKey, written.row);
  if (!written.replayed) return { ok: true, letter, replayed: false };
  return sameContent({ about: letter.about, letter: letter.letter }, { about: request.about, letter: request.letter })
    ? { ok: true, letter, replayed: true }
    : refuse('INVALID_REQUEST', 'exists_with_different_fields', 'This letter id was used for another letter.');
}

/** A letter the shopper wrote, opened with the vault key to be sent, copied or saved again. */
export async function openLetter(db: WalletDatabase, dataKey: CryptoKey, id: string): Promise<WalletResult<{ letter: OpenedLetter }>> {
  const row = await db.letters.get(id);
  if (!row) return refuse('NOT_FOUND', 'letter_not_found', 'This letter is not in the wallet.');
  return { ok: true, letter: await opened(dataKey, row) };
}
