import type { ErrorCode } from '../protocol/errors';

/**
 * What a wallet operation answers. A refusal carries the protocol's error code (what a page or
 * extension page is told), a finer `reason` for the UI, and a message that says what to do.
 */
export type Refusal = { ok: false; code: ErrorCode; reason: string; message: string; shortMinor?: number };
export type WalletResult<T> = ({ ok: true } & T) | Refusal;

export const refuse = (code: ErrorCode, reason: string, message: string, extra: { shortMinor?: number } = {}): Refusal => ({
  ok: false,
  code,
  reason,
  message,
  ...extra,
});
