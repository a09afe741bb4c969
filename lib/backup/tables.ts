import * as z from 'zod/mini';
import type { Table } from 'dexie';
import type { WalletDatabase } from '../db';
import { contactRecord, inboxMessage, profileRow, securityEvent, securityRecord } from '../account/records';
import { documentRow } from '../identity/records';
import { verificationRecord } from '../identity/review';
import { letterRow } from '../letters/records';
import { account } from '../ledger/account';
import { failedTransfer } from '../ledger/failed-transfer';
import { transfer } from '../ledger/transfer';
import { vaultRecord } from '../vault/records';
import { cardRecord, claimRecord, jobRecord, orderRecord, refundRecord, topUpRecord } from '../wallet/records';
import { walletRecord } from '../wallet/wallet-record';

/**
 * Every table of the wallet's database but the counted ones; a test checks the two lists against the Dexie schema,
 * so a new table cannot be left out of backups.
 */
export const TABLE_NAMES = [
  'accounts',
  'transfers',
  'failedTransfers',
  'wallet',
  'cards',
  'topUps',
  'orders',
  'refunds',
  'claims',
  'jobs',
  'vault',
  'security',
  'profile',
  'contacts',
  'inbox',
  'securityEvents',
  'verification',
  'documents',
  'letters',
] as const;
export const tableName = z.enum(TABLE_NAMES);

/**
 * Tables counted from the others (`lib/wallet/totals/`): a backup leaves them out, since merging the
 * rows they count keeps them, and carrying them as well would count everything twice.
 */
export const COUNTED_TABLES = ['spendingMonths', 'movementTotals'] as const;
export type TableName = z.infer<typeof tableName>;

/** The schema every row read back from a file must pass, table by table: the same ones the wallet writes with. */
export const ROW_SCHEMAS = {
  accounts: account,
  transfers: transfer,
  failedTransfers: failedTransfer,
  wallet: walletRecord,
  cards: cardRecord,
  topUps: topUpRecord,
  orders: orderRecord,
  refunds: refundRecord,
  claims: claimRecord,
  jobs: jobRecord,
  vault: vaultRecord,
  security: securityRecord,
  profile: profileRow,
  contacts: contactRecord,
  inbox: inboxMessage,
  securityEvents: securityEvent,
  verification: verificationRecord,
  documents: documentRow,
  letters: letterRow,
} satisfies Record<TableName, z.ZodMiniType>;

export type Row<Name extends TableName> = z.infer<(typeof ROW_SCHEMAS)[Name]>;
/** The whole database as plain rows, each table in primary-key order. */
export type Snapshot = { [Name in TableName]: Row<Name>[] };

/** Every table is keyed by its `id`. */
export const tableOf = <Name extends TableName>(db: WalletDatabase, name: Name) => db.table(name) as Table<Row<Name>, string>;

/** Every table read in one transaction, so the rows agree with each other (no transfer without its account, no order half-refunded). */
export async function readSnapshot(db: WalletDatabase): Promise<Snapshot> {
  return db.transaction('r', db.tables, async () => {
    const rows = await Promise.all(TABLE_NAMES.map((name) => tableOf(db, name).toArray()));
    return Object.fromEntries(TABLE_NAMES.map((name, index) => [name, rows[index]])) as Snapshot;
  });
}

/** How many rows each table holds. */
export const countsOf = (snapshot: Snapshot) =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, snapshot[name].length])) as Record<TableName, number>;
