import * as z from 'zod/mini';
import { EMAIL_ADDRESS_MAX, emailAddress } from '../email-address';
import { oneLine, paragraphs } from './plain-text';
import { SUBJECT_MAX } from './records';

/** The most each field of the form takes; the page names the figure in the field's error. */
export const LETTER_DRAFT_MAX = { to: EMAIL_ADDRESS_MAX, subject: SUBJECT_MAX, message: 2_000, name: 100 } as const;
export type LetterDraftField = keyof typeof LETTER_DRAFT_MAX;

// Every issue message is an i18n key, so the page shows t(message) beside the field the path names.
const field = (name: LetterDraftField, clean: (text: string) => string, ...checks: z.core.$ZodCheck<string>[]) =>
  z.string().check(z.overwrite(clean), z.maxLength(LETTER_DRAFT_MAX[name], `err_letter_${name}_long`), ...checks);

/**
 * The "Write to support" form as the shopper fills it in: an address only if they want one (their
 * mail program can choose it, and a shop's contact form needs none), a subject, their own words,
 * and the name to sign with. The case's details are added by the composer, not typed.
 */
export const letterDraft = z.strictObject({
  to: field(
    'to',
    oneLine,
    z.refine((value) => value === '' || emailAddress.safeParse(value).success, 'err_letter_to_invalid'),
  ),
  subject: field('subject', oneLine, z.minLength(1, 'err_letter_subject_required')),
  message: field('message', paragraphs, z.minLength(1, 'err_letter_message_required')),
  name: field('name', oneLine),
});
export type LetterDraft = z.infer<typeof letterDraft>;
