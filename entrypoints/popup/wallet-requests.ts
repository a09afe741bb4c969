import { browser } from 'wxt/browser';
import type { ErrorCode } from '@/lib/protocol/errors';
import { NoAnswerError } from '@/lib/protocol/no-answer';
import { WalletError } from '@/lib/protocol/wallet-error';

type PopupRequest = { type: 'account.unlock'; loginPassword: string } | { type: 'account.lock' };

const integer = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : undefined);

/**
 * The popup's two requests to the background, unlock and lock. Their answers carry no data the
 * popup uses, only success or a typed refusal, so the answer is checked field by field here
 * instead of through the runtime schemas, whose zod would not fit the popup's 45 KB budget.
 */
export async function askWallet(request: PopupRequest): Promise<void> {
  const answer = (await browser.runtime.sendMessage(request).catch((error: unknown) => {
    throw new NoAnswerError(error instanceof Error ? error.message : String(error));
  })) as { ok?: unknown; error?: Record<string, unknown> } | null | undefined;
  if (answer === undefined) throw new NoAnswerError('The wallet gave no answer');
  if (answer?.ok === true) return;
  const { code, message, reason, lockedUntil, triesLeft } = answer?.error ?? {};
  if (answer?.ok !== false || typeof code !== 'string' || typeof message !== 'string')
    throw new WalletError('INVALID_REQUEST', 'Unexpected answer from the wallet.');
  throw new WalletError(code as ErrorCode, message, {
    reason: typeof reason === 'string' ? reason : undefined,
    lockedUntil: integer(lockedUntil),
    triesLeft: integer(triesLeft),
  });
}
