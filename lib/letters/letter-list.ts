import type { WalletDatabase } from '../db';
import type { VerificationRecord } from '../identity/review';
import type { OrderRecord } from '../wallet/records';
import type { LetterListing } from './records';

/** How many letters the list shows at first, and how many more each "Show more" adds. */
export const LETTERS_PAGE_SIZE = 20;

export interface LetterView {
  letter: LetterListing;
  /** The order the letter is about, or the one its claim concerns, for its shop and number. */
  order?: OrderRecord;
  /** The verification it is about, for the day the documents were sent. */
  verification?: VerificationRecord;
}

export interface LettersPage {
  letters: LetterView[];
  more: boolean;
}

/** The records found, by id; ids not found are left out. */
const byId = <T extends { id: string }>(found: (T | undefined)[]) =>
  new Map(found.filter((record) => record !== undefined).map((record) => [record.id, record]));

/**
 * The newest `limit` letters through the `writtenAt` index, each with the record it is about, and
 * without their sealed text: the list names each letter by its case, and a letter is opened
 * (through the background, which holds the vault key) only when the shopper asks for it.
 */
export async function lettersNewestFirst(db: WalletDatabase, limit: number): Promise<LettersPage> {
  const found = await db.letters
    .orderBy('writtenAt')
    .reverse()
    .limit(limit + 1)
    .toArray();
  const rows = found.slice(0, limit);
  const claims = byId(await db.claims.bulkGet(rows.flatMap(({ about }) => (about.kind === 'claim' ? [about.claimId] : []))));
  const orderKeyOf = ({ about }: LetterListing) =>
    about.kind === 'order' ? about.orderKey : about.kind === 'claim' ? claims.get(about.claimId)?.orderKey : undefined;
  const orders = byId(await db.orders.bulkGet(rows.map(orderKeyOf).filter((key) => key !== undefined)));
  const verifications = byId(
    await db.verification.bulkGet(rows.flatMap(({ about }) => (about.kind === 'verification' ? [about.verificationId] : []))),
  );
  return {
    more: found.length > limit,
    letters: rows.map(({ sealed: _sealed, ...letter }) => {
      const orderKey = orderKeyOf(letter);
      const order = orderKey === undefined ? undefined : orders.get(orderKey);
      const verification = letter.about.kind === 'verification' ? verifications.get(letter.about.verificationId) : undefined;
      return { letter, ...(order ? { order } : {}), ...(verification ? { verification } : {}) };
    }),
  };
}
