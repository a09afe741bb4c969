import type { Transaction } from 'dexie';
import { countMovements, countSpending } from './total-changes';

/** Counts the kept totals of a wallet from before they were kept: once, as it opens under the schema that keeps them. */
export async function fillTotals(upgrade: Transaction): Promise<void> {
  const [orders, refunds, transfers] = await Promise.all([
    upgrade.table('orders').toArray(),
    upgrade.table('refunds').toArray(),
    upgrade.table('transfers').orderBy('timestamp').toArray(),
  ]);
  await Promise.all([
    upgrade.table('spendingMonths').bulkAdd(countSpending(orders, refunds)),
    upgrade.table('movementTotals').bulkAdd(countMovements(transfers)),
  ]);
}
