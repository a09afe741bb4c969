import { PASSWORD_SCORER_GLOBAL } from './password-scorer';
import { passwordScore } from './password-strength';

// Built as a classic script (`wxt.config.ts`): the background runs it on first use and takes the scorer from the global.
(globalThis as Record<string, unknown>)[PASSWORD_SCORER_GLOBAL] = passwordScore;
