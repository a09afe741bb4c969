import { WalletError } from '../protocol/wallet-error';
import type { WalletResult } from './result';

/** Turns a wallet refusal into the typed error the router answers with; a success loses its `ok`. */
export function unwrap<T extends object>(result: WalletResult<T>): T {
  if (!result.ok) {
    const { ok: _failed, code, message, ...details } = result;
    throw new WalletError(code, message, details);
  }
  const { ok: _ok, ...value } = result;
  return value as unknown as T;
}
