import { verifyLedger } from '../ledger/verify';
import type { WalletContext } from '../wallet/context';
import { sameContent } from '../canonical-json';
import { noCounts, type ImportCounts, type MergeCounts } from './counts';
import { replayLedger } from '../ledger/replay';
import { MERGE_ORDER, MERGE_RULES, type TableRule } from './merge-rules';
import { BackupRefused, backupRefusal } from './refusals';
import { tableOf, type Row, type Snapshot, type TableName } from './tables';

/** Merges one table's rows from the backup by primary key, following its rule. */
async function mergeTable<Name extends TableName>(
  context: WalletContext,
  name: Name,
  incoming: Row<Name>[],
  counts: MergeCounts,
): Promise<void> {
  const rule = MERGE_RULES[name] as TableRule<Row<Name>>;
  const compared = rule.compared ?? ((row: Row<Name>) => row);
  const table = tableOf(context.db, name);
  const current = await table.bulkGet(incoming.map((row) => row.id));
  const added: Row<Name>[] = [];
  const updated: Row<Name>[] = [];
  for (const [index, row] of incoming.entries()) {
    const here = current[index];
    if (!here) {
      if (rule.wanted && !(await rule.wanted(row, context))) counts.skipped++;
      else {
        added.push(row);
        counts.added++;
      }
      continue;
    }
    if (sameContent(compared(here), compared(row))) {
      counts.skipped++;
      continue;
    }
    const kept = await rule.resolve(here, row, context);
    if (kept === 'conflict') throw new BackupRefused(backupRefusal.ledgerConflict(`${name} ${row.id}`));
    if (sameContent(compared(kept), compared(here))) counts.kept++;
    else {
      updated.push(kept);
      counts.updated++;
    }
  }
  // `add` for new rows, as the ledger does: a row that is somehow there already rolls the import back instead of being overwritten.
  await table.bulkAdd(added);
  await table.bulkPut(updated);
}

/**
 * Brings every account's balances in line with the merged transfers, then checks the ledger's
 * invariants as "verify ledger" does. A failure throws, which rolls the whole import back.
 */
async function settleLedger(context: WalletContext): Promise<void> {
  const { db } = context;
  const [accounts, transfers, failed] = await Promise.all([db.accounts.toArray(), db.transfers.toArray(), db.failedTransfers.toArray()]);
  const recorded = new Set(transfers.map((transfer) => transfer.id));
  const both = failed.find((entry) => recorded.has(entry.id));
  if (both) throw new BackupRefused(backupRefusal.ledgerInvalid(`transfer ${both.id} both failed and went through`));
  const replayed = replayLedger(accounts, transfers);
  if (!replayed.ok) throw new BackupRefused(backupRefusal.ledgerInvalid(replayed.problem));
  await db.accounts.bulkPut(accounts.map((account) => ({ ...account, ...replayed.balances.get(account.id) })));
  const report = await verifyLedger(db);
  if (!report.ok) throw new BackupRefused(backupRefusal.ledgerInvalid('the balances do not add up'));
}

/**
 * Merges a backup into the wallet in one transaction over every table, so it is all or nothing:
 * rows are matched by primary key, an identical row is skipped (nothing duplicated), a missing
 * one added (nothing lost), and two versions of one row are settled by MERGE_RULES. `fresh`
 * says whether the wallet had no vault when the backup was opened; if that changed meanwhile
 * (a sign-up in another tab), the import stops rather than mix two wallets.
 */
export async function mergeSnapshot(context: WalletContext, snapshot: Snapshot, fresh: boolean): Promise<ImportCounts> {
  const { db } = context;
  return db.transaction('rw', db.tables, async () => {
    const empty = (await db.vault.get('vault')) === undefined;
    if (empty !== fresh) throw new BackupRefused(backupRefusal.walletChanged());
    const counts = noCounts();
    for (const name of MERGE_ORDER) await mergeTable(context, name, snapshot[name], counts[name]);
    await settleLedger(context);
    return counts;
  });
}
