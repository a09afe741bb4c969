import * as z from 'zod/mini';
import { countryCode } from './countries';
import { securityQuestionId } from './security-questions';

// The profile's fields, without the phone library, so the runtime messages and stored records
// can name them in every bundle. Every issue message is an i18n key, so the UI shows t(message) beside the field the issue's path names.

/** Missing or blank input reads "required"; a value of the wrong kind reads the field's own message. */
export function invalid(key: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === '' ? 'err_required' : key) };
}

export const required = { error: 'err_required' };

/** Trimmed text of 1 to `max` characters. */
export function text(max: number, ...checks: z.core.$ZodCheck<string>[]) {
  return z.string(required).check(z.trim(), z.minLength(1, required), z.maxLength(max, 'err_too_long'), ...checks);
}

/** A country by its ISO code; the UI names it with Intl.DisplayNames. */
const country = z.enum(countryCode.options, invalid('err_country_unknown'));

// Names in any script: letters with their combining marks, spaces, hyphens and apostrophes (O’Brien, 'T Hooft).
const name = text(100, z.regex(/^[\p{L}\p{M} '’-]*$/u, 'err_name_chars'));

export const dateOfBirth = z.iso.date(invalid('err_date_invalid'));

const addressLines = {
  street: text(200),
  city: text(100),
  country,
  postcode: text(20, z.regex(/^[A-Za-z0-9 -]*$/, 'err_postcode_chars')),
};

/** An address as stored: profiles and cards written before the region was required may hold none. */
export const postalAddress = z.strictObject(
  { ...addressLines, region: z.string(required).check(z.trim(), z.maxLength(100, 'err_too_long')) },
  required,
);
/** An address as the shopper types it now, with the region or state the wallet's articles require. */
export const enteredPostalAddress = z.strictObject({ ...addressLines, region: text(100) }, required);
export type PostalAddress = z.infer<typeof postalAddress>;

/** The personal details but the phone, which is checked one way when typed and another when stored. */
export const identity = {
  givenName: name,
  familyName: name,
  gender: z.enum(['female', 'male', 'other'], invalid('err_choose_option')),
  dateOfBirth,
  citizenship: country,
  idDocument: z.strictObject(
    {
      type: z.enum(['passport', 'driving_licence'], invalid('err_choose_option')),
      number: z
        .string(required)
        .check(
          z.trim(),
          z.toUpperCase(),
          z.minLength(1, required),
          z.minLength(5, 'err_id_number_length'),
          z.maxLength(20, 'err_id_number_length'),
          z.regex(/^[A-Z0-9-]*$/, 'err_id_number_chars'),
        ),
    },
    required,
  ),
  address: postalAddress,
  email: z.pipe(text(254), z.email({ error: 'err_email_invalid' })),
};

/** What is kept as the shopper's profile: never the passwords or the security answers. */
export const profileRecord = z.strictObject({
  ...identity,
  // Stored numbers are E.164 already; checking them again against newer numbering plans could make a saved profile unreadable.
  phone: z.string().check(z.regex(/^\+[1-9]\d{1,14}$/, 'err_phone_invalid')),
});
export type ProfileRecord = z.infer<typeof profileRecord>;
export const securityAnswers = z
  .array(
    z.strictObject({ questionId: z.enum(securityQuestionId.options, invalid('err_choose_option')), answer: text(100) }, required),
    required,
  )
  .check(
    z.length(3, 'err_security_answers_count'),
    z.superRefine((answers, context) => {
      const seen = new Set<string>();
      answers.forEach(({ questionId }, index) => {
        if (seen.has(questionId))
          context.issues.push({ code: 'custom', message: 'err_questions_not_different', input: questionId, path: [index, 'questionId'] });
        seen.add(questionId);
      });
    }),
  );

export const loginPassword = z
  .string(required)
  .check(z.minLength(1, required), z.minLength(10, 'err_password_too_short'), z.maxLength(1000, 'err_too_long'));
