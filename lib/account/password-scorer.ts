import type { Score } from '@zxcvbn-ts/core';
import { lazyOwnFile } from '../own-files';

/** Scores a password from 0 (guessed at once) to 4 (out of reach) given the shopper's own details. */
export type Strength = (password: string, userInputs: string[]) => Score;

/** The least score a login password may have, wherever it is set: sign-up, a change, a recovery. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The scorer among the extension's own files, for the background: the build writes there the wallet
 * page's own scorer with its dictionaries (`password-scorer-script.ts`, `wxt.config.ts`), a script that
 * leaves its function under `PASSWORD_SCORER_GLOBAL`, since the service worker cannot import a module on demand.
 */
export const PASSWORD_SCORER_FILE = 'password-scorer.js';
export const PASSWORD_SCORER_GLOBAL = 'walletPasswordScorer';

/** The scorer, run by `load` the first time a login password is set: its code and dictionaries weigh far more than the background. */
export function lazyPasswordScorer(load: () => Promise<unknown>): () => Promise<Strength> {
  return lazyOwnFile('password scorer', PASSWORD_SCORER_FILE, load, () => {
    const scorer = (globalThis as Record<string, unknown>)[PASSWORD_SCORER_GLOBAL];
    if (typeof scorer !== 'function') throw new Error(`${PASSWORD_SCORER_FILE} left no scorer`);
    return scorer as Strength;
  });
}

/** The shopper's own details, which a guesser tries first; fields that failed may hold anything, so only text is taken. */
export function personalWords(form: object): string[] {
  const fields = form as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const email = text(fields.email);
  const words = [text(fields.givenName), text(fields.familyName), email, email.split('@')[0] ?? '', text(fields.dateOfBirth).slice(0, 4)];
  return words.filter((word) => word !== '');
}

/** Whether `password` is too easy to guess for a shopper with these details (a form or the stored profile). */
export const tooWeak = (strength: Strength, password: string, shopper: object) =>
  strength(password, personalWords(shopper)) < MIN_PASSWORD_SCORE;
