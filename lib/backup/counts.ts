import * as z from 'zod/mini';
import type { WalletDatabase } from '../db';
import { tableName, TABLE_NAMES, type TableName } from './tables';

const count = z.int().check(z.minimum(0));

/** What the import did with the backup's rows of one table. */
export const mergeCounts = z.strictObject({
  /** In the backup, missing here: restored. */
  added: count,
  /** The backup's version was further along and replaced this wallet's. */
  updated: count,
  /** Already here as in the backup, or no longer wanted (a settled top-up's job). */
  skipped: count,
  /** Here in another version, which stays: it is the newer, or nothing says which is. */
  kept: count,
});
export type MergeCounts = z.infer<typeof mergeCounts>;

export const importCounts = z.record(tableName, mergeCounts);
export type ImportCounts = z.infer<typeof importCounts>;

export const noCounts = (): ImportCounts =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, { added: 0, updated: 0, skipped: 0, kept: 0 }])) as Record<TableName, MergeCounts>;

/** How many rows each named table holds now: what a backup made now would carry. */
export async function recordCounts<Name extends TableName>(db: WalletDatabase, names: readonly Name[]): Promise<Record<Name, number>> {
  const counts = await Promise.all(names.map((name) => db.table(name).count()));
  return Object.fromEntries(names.map((name, index) => [name, counts[index]])) as Record<Name, number>;
}
