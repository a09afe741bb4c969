import type { ErrorCode, ProtocolError } from './errors';

/** An expected failure with a typed code, raised by handlers and turned into an error response. */
export class WalletError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WalletError';
  }

  toProtocolError(): ProtocolError {
    return { code: this.code, message: this.message };
  }
}
