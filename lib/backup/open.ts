import * as z from 'zod/mini';
import { BACKUP_LIMITS, messageShapeProblem } from '../protocol/message-shape';
import type { Refusal } from '../wallet/result';
import type { BackupFile } from './format';
import { openPayload } from './payload';
import { backupRefusal } from './refusals';
import { ROW_SCHEMAS, TABLE_NAMES, type Snapshot } from './tables';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Decrypts a backup and checks every row with its table's schema, the counts the header
 * promised and that no id appears twice, so the merge only ever sees rows the wallet itself
 * could have written.
 */
export async function openBackup(file: BackupFile, dataKey: CryptoKey): Promise<Snapshot | Refusal> {
  const { header } = file;
  const opened = await openPayload(dataKey, header, file.ciphertext);
  if (!opened.ok)
    return backupRefusal.damaged(opened.problem === 'altered' ? 'it was altered or cut short' : 'its checksum does not match');
  let tables: unknown;
  try {
    tables = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(opened.plaintext));
  } catch {
    return backupRefusal.damaged('its contents cannot be read');
  }
  if (!isRecord(tables) || messageShapeProblem(tables, BACKUP_LIMITS)) return backupRefusal.damaged('its contents cannot be read');
  const expected = new Set<string>(TABLE_NAMES.filter((name) => name !== 'vault'));
  const unknown = Object.keys(tables).find((name) => !expected.has(name));
  if (unknown !== undefined) return backupRefusal.damaged(`it holds an unknown table, ${unknown}`);

  const snapshot: Partial<Record<string, unknown[]>> = { vault: [header.vault] };
  for (const name of expected) {
    const rows = z.array(ROW_SCHEMAS[name as keyof typeof ROW_SCHEMAS]).safeParse(tables[name] ?? []);
    if (!rows.success) {
      const [issue] = rows.error.issues;
      return backupRefusal.damaged(`a row of ${name} is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    snapshot[name] = rows.data;
  }
  for (const name of TABLE_NAMES) {
    const rows = snapshot[name] as { id: string }[];
    if (rows.length !== header.counts[name]) return backupRefusal.damaged(`${name} holds ${rows.length} rows, not ${header.counts[name]}`);
    if (new Set(rows.map((row) => row.id)).size !== rows.length) return backupRefusal.damaged(`an id appears twice in ${name}`);
  }
  return snapshot as Snapshot;
}
