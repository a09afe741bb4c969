import type { WalletDatabase } from '../../db';
import type { Transfer } from '../../ledger/transfer';
import { isMovement, toHistoryRow, type HistoryRow } from './history-row';

/**
 * History rows for movements already read: each hold's post or void (through the `pendingId`
 * index) and each order's record, looked up for these transfers only.
 */
export async function readHistoryRows(db: WalletDatabase, movements: Transfer[]): Promise<HistoryRow[]> {
  const holdIds = movements.filter((transfer) => transfer.kind === 'pending').map((transfer) => transfer.id);
  const keys = [...new Set(movements.flatMap((transfer) => (transfer.orderId ? [transfer.orderId] : [])))];
  const [resolutions, orders] = await Promise.all([
    holdIds.length > 0 ? db.transfers.where('pendingId').anyOf(holdIds).toArray() : [],
    db.orders.bulkGet(keys),
  ]);
  const resolutionOf = new Map(resolutions.map((resolution) => [resolution.pendingId, resolution]));
  const orderOf = new Map(orders.flatMap((order) => (order ? [[order.id, order] as const] : [])));
  return movements.map((transfer) =>
    toHistoryRow(transfer, {
      order: transfer.orderId ? orderOf.get(transfer.orderId) : undefined,
      resolution: resolutionOf.get(transfer.id),
    }),
  );
}

/**
 * The latest movements, newest first, for the popup and the overview: the timestamp index read
 * backwards past posts and voids until `limit` movements are found, whatever the history's size.
 */
export async function recentActivity(db: WalletDatabase, limit: number): Promise<HistoryRow[]> {
  const latest = await db.transfers.orderBy('timestamp').reverse().filter(isMovement).limit(limit).toArray();
  return readHistoryRows(db, latest);
}
