import type { ErrorCode } from './errors';
import { NoAnswerError } from './no-answer';
import { WalletError } from './wallet-error';

const integer = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : undefined);

/**
 * Settles the background's answer to a request whose result carries nothing the caller uses (the popup's
 * unlock and lock): returns on success, throws the typed refusal as `createRuntimeClient` would. Checked
 * field by field, without zod, for the popup's budget; `tests/unit/runtime-client.test.ts` holds it to the
 * client's reading of the same answers.
 */
export function settlePlainAnswer(answer: unknown): void {
  if (answer === undefined) throw new NoAnswerError('The wallet gave no answer');
  const { ok, error } = (answer ?? {}) as { ok?: unknown; error?: Record<string, unknown> };
  if (ok === true) return;
  const { code, message, reason, lockedUntil, triesLeft, shortMinor } = error ?? {};
  if (ok !== false || typeof code !== 'string' || typeof message !== 'string')
    throw new WalletError('INVALID_REQUEST', 'Unexpected answer from the wallet.');
  throw new WalletError(code as ErrorCode, message, {
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(integer(lockedUntil) !== undefined ? { lockedUntil: integer(lockedUntil) } : {}),
    ...(integer(triesLeft) !== undefined ? { triesLeft: integer(triesLeft) } : {}),
    ...(integer(shortMinor) !== undefined ? { shortMinor: integer(shortMinor) } : {}),
  });
}
