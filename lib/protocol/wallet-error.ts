import type { RefusalDetails } from '../wallet/result';
import type { ErrorCode, RuntimeError } from './errors';

/** Marks every WalletError, whichever copy of this class made it. */
const WALLET_ERROR = Symbol.for('wallet-checkout-helper.WalletError');

/**
 * An expected failure with a typed code, raised by handlers and turned into an error response. The background
 * runs some handlers from a script built on its own (`entrypoints/background/on-demand.ts`), with its own copy
 * of this class, so `instanceof` goes by the mark rather than by the class.
 */
export class WalletError extends Error {
  readonly [WALLET_ERROR] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && WALLET_ERROR in value;
  }

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
