import type { LedgerFailure } from '../ledger/failures';
import { refuse, type Refusal } from './result';

/** Says in the wallet's words why the ledger refused a movement. */
export function fromLedgerFailure(failure: LedgerFailure, what: string): Refusal {
  switch (failure.code) {
    case 'insufficient_funds':
      return refuse('INSUFFICIENT_FUNDS', 'insufficient_funds', `${what}: the balance does not cover it.`);
    case 'exceeds_limit':
      return refuse('LIMIT_EXCEEDED', 'balance_cap', `${what} would take the wallet over its limit; verify your identity to raise it.`);
    case 'id_already_failed':
      return refuse('ALREADY_DONE', 'id_already_failed', `${what} was refused before; start a new one.`);
    case 'exists_with_different_fields':
      return refuse('INVALID_REQUEST', 'exists_with_different_fields', `${what} reuses an id with different details.`);
    case 'pending_already_posted':
    case 'pending_already_voided':
      return refuse('ALREADY_DONE', failure.code, `${what}: the held money was already settled.`);
    default:
      return refuse('INVALID_REQUEST', failure.code, `${what} was refused: ${failure.message}`);
  }
}
