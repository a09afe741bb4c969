import type { Transfer } from '../../ledger/transfer';
import { localDay } from '../../local-day';
import { directionOf, type HistoryDirection } from './history-row';
import type { MovementTotalKey } from './movement-total';

/** What one transfer changes in the history's totals: a signed amount, dated as the row it changes. */
export interface MovementShare {
  currency: Transfer['currency'];
  code: Transfer['code'];
  direction: HistoryDirection;
  /** The row's own time: a post or void changes its hold's row, dated when the hold was made. */
  at: number;
  amountMinor: number;
}

/**
 * A single or a hold adds its amount to its own row; posting a hold for less takes the rest off
 * the hold's row, and voiding it takes it all off. `pending` is the hold a post or void resolves.
 */
export function movementShare(transfer: Transfer, pending: Transfer | undefined): MovementShare | undefined {
  if (transfer.kind === 'single' || transfer.kind === 'pending')
    return {
      currency: transfer.currency,
      code: transfer.code,
      direction: directionOf(transfer),
      at: transfer.timestamp,
      amountMinor: transfer.amountMinor,
    };
  // The ledger never resolves a hold it does not hold; a damaged wallet's stray resolution changes no row rather than stop it opening.
  if (!pending) return undefined;
  const taken = transfer.kind === 'void_pending' ? pending.amountMinor : pending.amountMinor - transfer.amountMinor;
  if (taken === 0) return undefined;
  return { currency: pending.currency, code: pending.code, direction: directionOf(pending), at: pending.timestamp, amountMinor: -taken };
}

/** The day, the month and the year a share falls in: the keys of the three totals it changes. */
export function shareKeys(share: MovementShare): MovementTotalKey[] {
  const day = localDay(share.at);
  return [
    [share.currency, 'day', day, share.code],
    [share.currency, 'month', day.slice(0, 7), share.code],
    [share.currency, 'year', day.slice(0, 4), share.code],
  ];
}
