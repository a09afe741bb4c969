import * as z from 'zod/mini';

/**
 * Questions whose answers the shopper remembers for years and which cannot be read off the ID
 * document the wallet itself collects: so no place of birth (it is on passports) and no birth date.
 */
export const securityQuestionId = z.enum([
  'first-pet',
  'first-teacher',
  'childhood-street',
  'first-concert',
  'childhood-best-friend',
  'first-car',
  'first-employer',
  'parents-meeting-city',
  'childhood-nickname',
  'first-trip-abroad',
]);
export type SecurityQuestionId = z.infer<typeof securityQuestionId>;

/** The i18n key of a question's text: chrome.i18n names allow only letters, digits and underscores. */
export function questionMessageKey(id: SecurityQuestionId): `question_${string}` {
  return `question_${id.replaceAll('-', '_')}`;
}
