import {
  Dexie,
  type DBCore,
  type DBCoreAddRequest,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCorePutRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { Transfer } from '../../ledger/transfer';
import { movementShare } from '../history/movement-share';
import type { MovementTotal } from '../history/movement-total';
import type { OrderRecord, RefundRecord } from '../records';
import { orderShare } from '../spending/order-share';
import type { SpendingMonth } from '../spending/spending-month';
import {
  MOVEMENT_SUMS,
  SPENDING_SUMS,
  addMovementShare,
  addOrderShare,
  isEmptyTotal,
  movementKeyOf,
  spendingKeyOf,
  type TotalChanges,
} from './total-changes';

/**
 * The tables whose writes change kept totals, with every store working out the change needs: the
 * totals themselves and what they are read from. A write transaction on one of them is widened to
 * the others, so a caller never lists the totals and a test writing an order alone still keeps them.
 */
const FOLLOWED = new Map<string, readonly string[]>([
  ['orders', ['orders', 'refunds', 'spendingMonths']],
  ['refunds', ['orders', 'refunds', 'spendingMonths']],
  ['transfers', ['transfers', 'movementTotals']],
]);

type Written = DBCoreAddRequest | DBCorePutRequest;

/*
 * Every step chains on Dexie's own promises (`then`, `Dexie.Promise.all`), never a native `await`: Dexie
 * follows the transaction a request runs in through its promises, and a write outside an explicit
 * transaction (Dexie opens one for it alone) would lose it across a native await.
 */

function refuseDelete(table: string): never {
  throw new Error(`Rows of ${table} are never deleted: the totals kept from them could not follow`);
}

/** Transfers and refunds are written once; writing one again would count it twice. */
function refuseRewrite(table: DBCoreTable, request: Written) {
  if (request.type !== 'put') return Dexie.Promise.resolve();
  return table.getMany({ trans: request.trans, keys: request.values.map((row: { id: string }) => row.id) }).then((existing) => {
    if (existing.some((row) => row !== undefined))
      throw new Error(`Rows of ${table.name} are written once: the totals kept from them could not follow a change`);
  });
}

/** Adds the changes to the stored totals in the same transaction; a total that comes to nothing is removed. */
function addToTotals<Row extends object>(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  changes: TotalChanges<Row>,
  keyOf: (row: Row) => unknown[],
  sums: readonly (keyof Row & string)[],
) {
  const changed = [...changes.values()].filter((change) => !isEmptyTotal(change, sums));
  if (changed.length === 0) return Dexie.Promise.resolve();
  return table.getMany({ trans, keys: changed.map(keyOf) }).then((stored: (Row | undefined)[]) => {
    const kept: Row[] = [];
    const gone: unknown[][] = [];
    for (const [index, change] of changed.entries()) {
      const total = { ...(stored[index] ?? change) };
      if (stored[index]) for (const sum of sums) (total[sum] as number) += change[sum] as number;
      if (isEmptyTotal(total, sums)) gone.push(keyOf(total));
      else kept.push(total);
    }
    return Dexie.Promise.all([
      kept.length > 0 ? table.mutate({ type: 'put', trans, values: kept }) : undefined,
      gone.length > 0 ? table.mutate({ type: 'delete', trans, keys: gone }) : undefined,
    ]);
  });
}

const byKey = <Row>(rows: readonly Row[], keyOf: (row: Row) => string) => {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row]);
  return grouped;
};

/** What the write did not refuse, in the order it was asked. */
const writtenOf = (request: Written, response: DBCoreMutateResponse) => request.values.filter((_, index) => !(index in response.failures));

/**
 * An order or refund written: the months of the orders it touches lose what those orders added
 * before and gain what they add now, read in the same transaction around the write.
 */
function keepSpending(core: DBCore, table: DBCoreTable, request: Written) {
  const { trans } = request;
  const orders = core.table('orders');
  const refunds = core.table('refunds');
  const orderKeyIndex = refunds.schema.getIndexByKeyPath('orderKey')!;
  const keys = [
    ...new Set(
      request.values.map((row: OrderRecord | RefundRecord) => (table.name === 'orders' ? row.id : (row as RefundRecord).orderKey)),
    ),
  ];
  const readBefore = () =>
    Dexie.Promise.all([
      orders.getMany({ trans, keys }) as Promise<(OrderRecord | undefined)[]>,
      Dexie.Promise.all(
        keys.map((key) =>
          refunds
            .query({
              trans,
              values: true,
              query: { index: orderKeyIndex, range: { type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key } },
            })
            .then(({ result }) => result as RefundRecord[]),
        ),
      ),
    ]);
  return (table.name === 'refunds' ? refuseRewrite(table, request) : Dexie.Promise.resolve())
    .then(readBefore)
    .then(([before, refundsBefore]) =>
      table.mutate(request).then((response) => {
        const written = writtenOf(request, response);
        const writtenOrders = byKey(table.name === 'orders' ? (written as OrderRecord[]) : [], (order) => order.id);
        const writtenRefunds = byKey(table.name === 'refunds' ? (written as RefundRecord[]) : [], (refund) => refund.orderKey);
        const changes: TotalChanges<SpendingMonth> = new Map();
        for (const [index, key] of keys.entries()) {
          const order = before[index];
          const refunded = refundsBefore[index]!;
          if (order) addOrderShare(changes, orderShare(order, refunded), -1);
          const orderNow = writtenOrders.get(key)?.at(-1) ?? order;
          if (orderNow) addOrderShare(changes, orderShare(orderNow, [...refunded, ...(writtenRefunds.get(key) ?? [])]), 1);
        }
        return addToTotals(core.table('spendingMonths'), trans, changes, spendingKeyOf, SPENDING_SUMS).then(() => response);
      }),
    );
}

/** Transfers added: each adds to its own row's day and month, or takes from its hold's. */
function keepMovements(core: DBCore, table: DBCoreTable, request: Written) {
  const { trans } = request;
  return refuseRewrite(table, request)
    .then(() => table.mutate(request))
    .then((response) => {
      const written = writtenOf(request, response) as Transfer[];
      const holdIds = [...new Set(written.flatMap((transfer) => (transfer.pendingId === undefined ? [] : [transfer.pendingId])))];
      // Read after the write: a hold added together with what resolves it is found as well as an older one.
      const readHolds = holdIds.length === 0 ? Dexie.Promise.resolve([]) : table.getMany({ trans, keys: holdIds });
      return readHolds.then((found: (Transfer | undefined)[]) => {
        const holds = new Map(found.flatMap((hold) => (hold ? [[hold.id, hold] as const] : [])));
        const changes: TotalChanges<MovementTotal> = new Map();
        for (const transfer of written) {
          const share = movementShare(transfer, transfer.pendingId === undefined ? undefined : holds.get(transfer.pendingId));
          if (share) addMovementShare(changes, share, 1);
        }
        return addToTotals(core.table('movementTotals'), trans, changes, movementKeyOf, MOVEMENT_SUMS).then(() => response);
      });
    });
}

function following(core: DBCore, table: DBCoreTable): DBCoreTable {
  const keep = table.name === 'transfers' ? keepMovements : keepSpending;
  return {
    ...table,
    mutate(request: DBCoreMutateRequest) {
      if (request.type === 'delete' || request.type === 'deleteRange') refuseDelete(table.name);
      return request.values.length === 0 ? table.mutate(request) : keep(core, table, request);
    },
  };
}

/**
 * Keeps the overview's monthly spending and the history's totals in step with the orders, refunds
 * and transfers they count, inside the transaction of each write. Every write of those tables
 * passes here, whoever makes it (a payment, an order action, a refund, a backup merged in), so
 * no caller has to remember the totals and none can leave them behind.
 */
export const keptTotals: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KeptTotals',
  create(core) {
    return {
      ...core,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return core.transaction(stores, mode, options);
        const widened = new Set(stores);
        for (const store of stores) for (const needed of FOLLOWED.get(store) ?? []) widened.add(needed);
        return core.transaction([...widened], mode, options);
      },
      table(name) {
        const table = core.table(name);
        return FOLLOWED.has(name) ? following(core, table) : table;
      },
    };
  },
};
