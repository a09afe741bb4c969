import * as z from 'zod/mini';
import { emailAddress } from '../email-address';
import { sealed } from '../vault/records';

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** The most a subject may hold; with the address, it leaves room in a mail link for the letter itself. */
export const SUBJECT_MAX = 120;
/** Comfortably more than the longest letter the composer writes (see compose.ts). */
export const BODY_MAX = 20_000;

/** Control characters have no place in a subject line: a line break there could start another header. */
const oneLine = /^[^\p{Cc}]*$/u;
/** A letter's lines; no other control character (a carriage return, a NUL) is kept. */
const lines = /^(?:[^\p{Cc}]|[\n\t])*$/u;
/** A lone surrogate cannot be percent-encoded into a mail link, nor saved as UTF-8. */
const wellFormed = z.refine<string>((text) => text.isWellFormed());

/** A letter as the shopper sends it from their own mail program, copies or saves. */
export const letterContent = z.strictObject({
  /** Absent when the shopper chooses the address in their mail program or pastes the letter into a shop's form. */
  to: z.optional(emailAddress),
  subject: z.string().check(z.minLength(1), z.maxLength(SUBJECT_MAX), z.regex(oneLine), wellFormed),
  body: z.string().check(z.minLength(1), z.maxLength(BODY_MAX), z.regex(lines), wellFormed),
});
export type LetterContent = z.infer<typeof letterContent>;

/** The record a letter is about, so the list can name it; `wallet` is a question about the wallet itself, from Help. */
export const letterAbout = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('order'), orderKey: id }),
  z.strictObject({ kind: z.literal('claim'), claimId: id }),
  z.strictObject({ kind: z.literal('verification'), verificationId: id }),
  z.strictObject({ kind: z.literal('wallet') }),
]);
export type LetterAbout = z.infer<typeof letterAbout>;

/**
 * A letter the shopper wrote. What it is about and when stay readable for the list; the letter
 * itself is sealed under the vault key: it carries the shopper's name and their own account of
 * what happened.
 */
export const letterRow = z.strictObject({ id, writtenAt: z.int(), about: letterAbout, sealed });
export type LetterRow = z.infer<typeof letterRow>;

/** A letter as the list shows it, before it is opened: never the sealed text. */
export type LetterListing = Omit<LetterRow, 'sealed'>;

/** A letter opened with the vault key. */
export const openedLetter = z.strictObject({ id, writtenAt: z.int(), about: letterAbout, letter: letterContent });
export type OpenedLetter = z.infer<typeof openedLetter>;
