import { WalletError } from '../protocol/wallet-error';
import type { OrderRecord } from './records';
import type { Refusal, WalletResult } from './result';

/** The typed error the router answers a refusal with. */
function refusalError({ code, message, ok: _failed, ...details }: Refusal): WalletError {
  return new WalletError(code, message, details);
}

/** Turns a wallet refusal into the typed error the router answers with; a success loses its `ok`. */
export function unwrap<T extends object>(result: WalletResult<T>): T {
  if (!result.ok) throw refusalError(result);
  const { ok: _ok, ...value } = result;
  return value as unknown as T;
}

/** A looked-up order, or the typed error for an order this origin was never paid for. */
export function unwrapOrder(found: OrderRecord | Refusal): OrderRecord {
  if ('ok' in found) throw refusalError(found);
  return found;
}
