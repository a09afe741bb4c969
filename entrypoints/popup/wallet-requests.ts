import { browser } from 'wxt/browser';
import { NoAnswerError } from '@/lib/protocol/no-answer';
import { settlePlainAnswer } from '@/lib/protocol/plain-answer';

type PopupRequest = { type: 'account.unlock'; loginPassword: string } | { type: 'account.lock' } | { type: 'badge.seen' };

/** The popup's requests to the background (unlock, lock, and what the shopper has seen): their answers carry only success or a typed refusal. */
export async function askWallet(request: PopupRequest): Promise<void> {
  const answer: unknown = await browser.runtime.sendMessage(request).catch((error: unknown) => {
    throw new NoAnswerError(error instanceof Error ? error.message : String(error));
  });
  settlePlainAnswer(answer);
}
