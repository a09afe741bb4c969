import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import type { Strength } from './password-scorer';

// The dictionaries are most of the weight, so the wallet page imports this module only when the
// password field is shown, and the factory is built on the first check rather than on import.
let zxcvbn: ZxcvbnFactory | undefined;

export interface PasswordStrength {
  /** 0 (guessed at once) to 4 (out of reach); the sign-up form asks for at least 3. */
  score: Score;
}

/**
 * How hard the password is to guess. `userInputs` are the shopper's own details (name, email,
 * birth year), which an attacker would try first. Only the score is used: zxcvbn's feedback is
 * English, and the wallet page explains each score in the UI language instead. The common
 * dictionaries (passwords, names, keyboard patterns) are kept; the English word lists would
 * add hundreds of kilobytes for little gain.
 */
export function passwordStrength(password: string, userInputs: string[]): PasswordStrength {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: commonDictionary,
    graphs: adjacencyGraphs,
  });
  return { score: zxcvbn.check(password, userInputs).score };
}

/** The score alone, as the sign-up form and the background's checks take it. */
export const passwordScore: Strength = (password, userInputs) => passwordStrength(password, userInputs).score;
