import { movementShare, shareKeys, type MovementShare } from '../history/movement-share';
import type { MovementTotal } from '../history/movement-total';
import type { Transfer } from '../../ledger/transfer';
import type { OrderRecord, RefundRecord } from '../records';
import { orderShare, type OrderShare } from '../spending/order-share';
import type { SpendingMonth } from '../spending/spending-month';

/**
 * Changes to the kept totals, gathered by the row they change before any is written: rows shaped
 * as the stored ones, holding what to add to each sum. The one place both the writes' middleware
 * and a count from scratch turn records into totals, so the two cannot disagree.
 */
export type TotalChanges<Row> = Map<string, Row>;

export const SPENDING_SUMS = ['paidMinor', 'heldMinor', 'refundedMinor'] as const;
export const MOVEMENT_SUMS = ['inMinor', 'outMinor'] as const;

export const spendingKeyOf = (row: SpendingMonth) => [row.currency, row.month];
export const movementKeyOf = (row: MovementTotal) => [row.currency, row.unit, row.period, row.code];
/** A total's key as the changes are gathered by. */
export const totalId = (key: readonly unknown[]) => key.join(' ');

export function addOrderShare(changes: TotalChanges<SpendingMonth>, share: OrderShare, sign: 1 | -1): void {
  const [currency, month] = share.key;
  const id = totalId(share.key);
  const row = changes.get(id) ?? { currency, month, paidMinor: 0, heldMinor: 0, refundedMinor: 0 };
  for (const sum of SPENDING_SUMS) row[sum] += sign * share[sum];
  changes.set(id, row);
}

export function addMovementShare(changes: TotalChanges<MovementTotal>, share: MovementShare): void {
  for (const key of shareKeys(share)) {
    const [currency, unit, period, code] = key;
    const id = totalId(key);
    const row = changes.get(id) ?? { currency, unit, period, code, inMinor: 0, outMinor: 0 };
    row[share.direction === 'in' ? 'inMinor' : 'outMinor'] += share.amountMinor;
    changes.set(id, row);
  }
}

/** Whether a row sums to nothing: such a total is not kept, as a count from scratch would not make it. */
export const isEmptyTotal = <Row extends object>(row: Row, sums: readonly (keyof Row)[]) => sums.every((sum) => row[sum] === 0);

/** The spending totals of these orders and refunds, counted from scratch. */
export function countSpending(orders: readonly OrderRecord[], refunds: readonly RefundRecord[]): SpendingMonth[] {
  const refundsOf = new Map<string, RefundRecord[]>();
  for (const refund of refunds) refundsOf.set(refund.orderKey, [...(refundsOf.get(refund.orderKey) ?? []), refund]);
  const changes: TotalChanges<SpendingMonth> = new Map();
  for (const order of orders) addOrderShare(changes, orderShare(order, refundsOf.get(order.id) ?? []), 1);
  return [...changes.values()].filter((row) => !isEmptyTotal(row, SPENDING_SUMS));
}

/** Counts the history's totals from scratch, given the transfers oldest first (a hold before what resolves it). */
export function countMovements(transfersOldestFirst: Iterable<Transfer>): MovementTotal[] {
  const holds = new Map<string, Transfer>();
  const changes: TotalChanges<MovementTotal> = new Map();
  for (const transfer of transfersOldestFirst) {
    if (transfer.kind === 'pending') holds.set(transfer.id, transfer);
    const share = movementShare(transfer, transfer.pendingId === undefined ? undefined : holds.get(transfer.pendingId));
    if (share) addMovementShare(changes, share);
  }
  return [...changes.values()].filter((row) => !isEmptyTotal(row, MOVEMENT_SUMS));
}
