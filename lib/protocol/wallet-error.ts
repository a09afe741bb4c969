import type { RefusalDetails } from '../wallet/result';
import type { ErrorCode, RuntimeError } from './errors';

/** An expected failure with a typed code, raised by handlers and turned into an error response. */
export class WalletError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Finer detail for the extension's own pages (why, and by how much a balance is short); never sent to pages. */
    readonly details: { reason?: string } & RefusalDetails = {},
  ) {
    super(message);
    this.name = 'WalletError';
  }

  toRuntimeError(): RuntimeError {
    return { code: this.code, message: this.message, ...this.details };
  }
}
