import { randomBytes, toBase64 } from '../vault/bytes';
import type { WalletContext } from '../wallet/context';
import { walletNotOpen, type Refusal, type WalletResult } from '../wallet/result';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, writeBackupFile, type BackupHeader, type TableCounts } from './format';
import { sealPayload } from './payload';
import { backupRefusal } from './refusals';
import { countsOf, readSnapshot, type Snapshot } from './tables';
import { walletIdOf } from './wallet-id';

const IV_BYTES = 12;

/**
 * The backup file of a snapshot. Rows are written as stored, so sealed fields (card numbers,
 * the profile, identity documents) stay sealed inside the encrypted payload; the vault record
 * goes in the header instead, where a fresh install can reach it.
 */
export async function writeBackup(snapshot: Snapshot, dataKey: CryptoKey, createdAt: number): Promise<string | Refusal> {
  const [vault] = snapshot.vault;
  if (!vault) return walletNotOpen();
  const { vault: _inHeader, ...tables } = snapshot;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    walletId: await walletIdOf(dataKey),
    createdAt,
    counts: countsOf(snapshot),
    vault,
    iv: toBase64(randomBytes(IV_BYTES)),
  };
  const ciphertext = await sealPayload(dataKey, header, new TextEncoder().encode(JSON.stringify(tables)));
  const contents = writeBackupFile(header, ciphertext);
  return contents.length > MAX_BACKUP_BYTES ? backupRefusal.tooLargeToExport() : contents;
}

/** Exports the whole wallet, read in one transaction so the file is one consistent moment of it. */
export async function exportBackup(
  context: WalletContext,
  dataKey: CryptoKey,
): Promise<WalletResult<{ contents: string; createdAt: number; counts: TableCounts }>> {
  const snapshot = await readSnapshot(context.db);
  const createdAt = context.clock.now();
  const contents = await writeBackup(snapshot, dataKey, createdAt);
  return typeof contents === 'string' ? { ok: true, contents, createdAt, counts: countsOf(snapshot) } : contents;
}
