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
import { movementShare, shareKeys } from '../history/movement-share';
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
  totalId,
  type TotalChanges,
} from './total-changes';

/*
 * Every step chains on Dexie's own promises (`then`, `Dexie.Promise.all`), never a native `await`: Dexie
 * follows the transaction a request runs in through its promises, and a write outside an explicit
 * transaction (Dexie opens one for it alone) would lose it across a native await. Reads a step needs
 * are asked for together with its write where they can be: IndexedDB runs a transaction's requests in
 * the order they were made, and each round trip of a payment's transaction is time the shopper waits.
 */

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
type Step<T> = () => PromiseLike<T>;
type TableOf = (name: string) => DBCoreTable;

const turns = new WeakMap<DBCoreTransaction, Map<string, PromiseLike<unknown>>>();

/**
 * One transaction's changes to one table of totals, one after another: two at once would each read
 * a total before the other had added to it. A step that failed does not hold up the next.
 */
function inTurn<T>(trans: DBCoreTransaction, totals: string, step: Step<T>): PromiseLike<T> {
  const queue = turns.get(trans) ?? new Map<string, PromiseLike<unknown>>();
  turns.set(trans, queue);
  const done = (queue.get(totals) ?? Dexie.Promise.resolve()).then(step, step);
  queue.set(totals, done);
  return done;
}

function refuseDelete(table: string): never {
  throw new Error(`Rows of ${table} are never deleted: the totals kept from them could not follow`);
}

/** Transfers and refunds are written once; writing one again would count it twice. */
function refuseRewrite(table: DBCoreTable, request: Written): PromiseLike<void> {
  if (request.type !== 'put') return Dexie.Promise.resolve();
  return table.getMany({ trans: request.trans, keys: request.values.map((row: { id: string }) => row.id) }).then((existing) => {
    if (existing.some((row) => row !== undefined))
      throw new Error(`Rows of ${table.name} are written once: the totals kept from them could not follow a change`);
  });
}

/** What the write did not refuse, in the order it was asked. */
const writtenOf = (request: Written, response: DBCoreMutateResponse) => request.values.filter((_, index) => !(index in response.failures));

/** The stored totals of these keys, by id, read in the transaction. */
function readTotals<Row>(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly (readonly unknown[])[]) {
  if (keys.length === 0) return Dexie.Promise.resolve(new Map<string, Row | undefined>());
  return table
    .getMany({ trans, keys: [...keys] })
    .then((rows: (Row | undefined)[]) => new Map(keys.map((key, index) => [totalId(key), rows[index]])));
}

/**
 * Adds the changes to the stored totals (`read`, reading any it lacks); a total that comes to nothing
 * is removed, as a count from scratch would not make it.
 */
function addToTotals<Row extends object>(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  changes: TotalChanges<Row>,
  read: Map<string, Row | undefined>,
  keyOf: (row: Row) => unknown[],
  sums: readonly (keyof Row & string)[],
) {
  const changed = [...changes.values()].filter((change) => !isEmptyTotal(change, sums));
  const unread = changed.map(keyOf).filter((key) => !read.has(totalId(key)));
  return readTotals<Row>(table, trans, unread).then((alsoRead) => {
    const kept: Row[] = [];
    const gone: unknown[][] = [];
    for (const change of changed) {
      const id = totalId(keyOf(change));
      const stored = read.get(id) ?? alsoRead.get(id);
      const total = { ...(stored ?? change) };
      if (stored) for (const sum of sums) (total[sum] as number) += change[sum] as number;
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

/**
 * An order or refund written: the months of the orders it touches lose what those orders added
 * before and gain what they add now. The orders and their refunds are read in the same step as the
 * write, and so is the month of an order written (its month never changes; a refund's is its order's).
 */
function keepSpending(tableOf: TableOf, table: DBCoreTable, request: Written) {
  const { trans } = request;
  const orders = tableOf('orders');
  const refunds = tableOf('refunds');
  const months = tableOf('spendingMonths');
  const orderKeyIndex = refunds.schema.getIndexByKeyPath('orderKey')!;
  const writesOrders = table.name === 'orders';
  const values = request.values as (OrderRecord | RefundRecord)[];
  const keys = [...new Set(values.map((row) => (writesOrders ? row.id : (row as RefundRecord).orderKey)))];
  const refundsOf = (key: string) =>
    refunds
      .query({
        trans,
        values: true,
        query: { index: orderKeyIndex, range: { type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key } },
      })
      .then(({ result }) => result as RefundRecord[]);
  const step = () =>
    Dexie.Promise.all([
      // An order added had none before it (an add of a stored one fails, and changes nothing).
      (request.type === 'add' && writesOrders ? [] : orders.getMany({ trans, keys })) as PromiseLike<(OrderRecord | undefined)[]>,
      Dexie.Promise.all(keys.map(refundsOf)),
      readTotals<SpendingMonth>(months, trans, writesOrders ? (values as OrderRecord[]).map((order) => orderShare(order, []).key) : []),
      table.mutate(request),
    ]).then(([before, refundsBefore, read, response]) => {
      const written = writtenOf(request, response);
      const writtenOrders = byKey(writesOrders ? (written as OrderRecord[]) : [], (order) => order.id);
      const writtenRefunds = byKey(writesOrders ? [] : (written as RefundRecord[]), (refund) => refund.orderKey);
      const changes: TotalChanges<SpendingMonth> = new Map();
      for (const [index, key] of keys.entries()) {
        const order = before[index];
        const refunded = refundsBefore[index]!;
        if (order) addOrderShare(changes, orderShare(order, refunded), -1);
        const orderNow = writtenOrders.get(key)?.at(-1) ?? order;
        if (orderNow) addOrderShare(changes, orderShare(orderNow, [...refunded, ...(writtenRefunds.get(key) ?? [])]), 1);
      }
      return addToTotals(months, trans, changes, read, spendingKeyOf, SPENDING_SUMS).then(() => response);
    });
  return inTurn(trans, 'spendingMonths', () => (writesOrders ? step() : refuseRewrite(table, request).then(step)));
}

/**
 * Transfers added: each adds to its own row's day and month, or takes from its hold's. Holds are
 * older than what resolves them, so they are read first; the totals are read with the write.
 */
function keepMovements(tableOf: TableOf, table: DBCoreTable, request: Written) {
  const { trans } = request;
  const totals = tableOf('movementTotals');
  const values = request.values as Transfer[];
  const added = new Map(values.flatMap((transfer) => (transfer.kind === 'pending' ? [[transfer.id, transfer] as const] : [])));
  const holdIds = [...new Set(values.flatMap(({ pendingId }) => (pendingId === undefined || added.has(pendingId) ? [] : [pendingId])))];
  const step = () =>
    (holdIds.length === 0 ? Dexie.Promise.resolve([]) : table.getMany({ trans, keys: holdIds })).then((found: (Transfer | undefined)[]) => {
      const holds = new Map([...added, ...found.flatMap((hold) => (hold ? [[hold.id, hold] as const] : []))]);
      const shareOf = (transfer: Transfer) =>
        movementShare(transfer, transfer.pendingId === undefined ? undefined : holds.get(transfer.pendingId));
      const keys = values.flatMap((transfer) => {
        const share = shareOf(transfer);
        return share ? shareKeys(share) : [];
      });
      return Dexie.Promise.all([table.mutate(request), readTotals<MovementTotal>(totals, trans, keys)]).then(([response, read]) => {
        const changes: TotalChanges<MovementTotal> = new Map();
        for (const transfer of writtenOf(request, response) as Transfer[]) {
          const share = shareOf(transfer);
          if (share) addMovementShare(changes, share);
        }
        return addToTotals(totals, trans, changes, read, movementKeyOf, MOVEMENT_SUMS).then(() => response);
      });
    });
  return inTurn(trans, 'movementTotals', () => refuseRewrite(table, request).then(step));
}

function following(tableOf: TableOf, table: DBCoreTable): DBCoreTable {
  const keep = table.name === 'transfers' ? keepMovements : keepSpending;
  return {
    ...table,
    mutate(request: DBCoreMutateRequest) {
      if (request.type === 'delete' || request.type === 'deleteRange') refuseDelete(table.name);
      return request.values.length === 0 ? table.mutate(request) : (keep(tableOf, table, request) as Promise<DBCoreMutateResponse>);
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
    // The stack below builds a table's interface anew each time it is asked for one: a payment asked for four.
    const tables = new Map<string, DBCoreTable>();
    const tableOf: TableOf = (name) => tables.get(name) ?? tables.set(name, core.table(name)).get(name)!;
    return {
      ...core,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite') return core.transaction(stores, mode, options);
        const widened = new Set(stores);
        for (const store of stores) for (const needed of FOLLOWED.get(store) ?? []) widened.add(needed);
        return core.transaction([...widened], mode, options);
      },
      table(name) {
        return FOLLOWED.has(name) ? following(tableOf, tableOf(name)) : core.table(name);
      },
    };
  },
};
