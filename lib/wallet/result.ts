import type { ErrorCode } from '../protocol/errors';

/**
 * What a wallet operation answers. A refusal carries the protocol's error code (what a page or
 * extension page is told), a finer `reason` for the UI, and a message that says what to do.
 */
/** Extra facts a refusal may carry for the wallet's own pages: by how much a balance is short, until when an action is locked, tries left. */
export type RefusalDetails = { shortMinor?: number; lockedUntil?: number; triesLeft?: number };
export type Refusal = { ok: false; code: ErrorCode; reason: string; message: string } & RefusalDetails;
export type WalletResult<T> = ({ ok: true } & T) | Refusal;

export const refuse = (code: ErrorCode, reason: string, message: string, extra: RefusalDetails = {}): Refusal => ({
  ok: false,
  code,
  reason,
  message,
  ...extra,
});

/** Every operation asked of a browser that has no wallet yet gets this one answer. */
export const walletNotOpen = (): Refusal =>
  refuse('NOT_FOUND', 'wallet_not_open', 'No wallet is set up yet: open the wallet page and sign up first.');
