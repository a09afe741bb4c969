import { PBKDF2_ITERATIONS } from '../vault/crypto';
import { unlockWithPassword } from '../vault/vault';
import type { WalletContext } from '../wallet/context';
import { isRefusal } from '../wallet/context';
import { refuse, type Refusal, type WalletResult } from '../wallet/result';
import type { ImportCounts } from './counts';
import { readBackupFile, type BackupFile } from './format';
import { mergeSnapshot } from './merge';
import { openBackup } from './open';
import { BackupRefused, backupRefusal } from './refusals';
import { walletIdOf } from './wallet-id';

/** A file can ask for a slower key derivation than the wallet's own, within reason: not one that would stall the wallet for hours. */
const MAX_ITERATIONS = 10 * PBKDF2_ITERATIONS;

export interface ImportRequest {
  /** The file's text, as read by the wallet page. */
  contents: string;
  /** Needed when this browser has no wallet yet: it unwraps the key from the file's vault record. */
  loginPassword?: string;
  /** The unlocked wallet's key, if it is unlocked. */
  sessionKey?: CryptoKey;
}

const locked = () => refuse('LOCKED', 'wallet_locked', 'The wallet is locked: unlock it with your login password first.');

/** An existing wallet takes only its own backups, opened with its own unlocked key. */
async function keyOfThisWallet(file: BackupFile, sessionKey: CryptoKey | undefined): Promise<CryptoKey | Refusal> {
  if (!sessionKey) return locked();
  return (await walletIdOf(sessionKey)) === file.header.walletId ? sessionKey : backupRefusal.otherWallet();
}

/** On a fresh install the login password opens the file's vault record, as it would have opened the wallet's. */
async function keyFromFile(file: BackupFile, loginPassword: string | undefined): Promise<CryptoKey | Refusal> {
  if (!loginPassword) return backupRefusal.passwordNeeded();
  const { vault } = file.header;
  if (vault.byPassword.kdf.iterations > MAX_ITERATIONS || vault.byAnswers.kdf.iterations > MAX_ITERATIONS)
    return backupRefusal.damaged('its key settings are not ones the wallet makes');
  const dataKey = await unlockWithPassword(vault, loginPassword);
  if (!dataKey) return backupRefusal.wrongPassword();
  return (await walletIdOf(dataKey)) === file.header.walletId ? dataKey : backupRefusal.damaged('its header does not match its key');
}

/**
 * Restores a backup: into a browser with no wallet (everything comes from the file, the vault
 * included, and the login password opens it), or into the same wallet (merged, nothing lost or
 * duplicated). A backup of another wallet is refused. Every check that can fail (the file, the
 * key, the decryption, the checksum, every row, every conflict, the ledger after the merge)
 * fails before anything is written or rolls the one transaction back. A file is trusted as far
 * as its key: only the holder of this wallet's data key can make one this wallet opens, and
 * even then its balances are recomputed from its transfers and its history must replay.
 */
export async function importBackup(
  context: WalletContext,
  request: ImportRequest,
): Promise<WalletResult<{ tables: ImportCounts; restored: boolean; dataKey: CryptoKey }>> {
  const file = readBackupFile(request.contents);
  if (isRefusal(file)) return file;
  const fresh = (await context.db.vault.get('vault')) === undefined;
  const dataKey = fresh ? await keyFromFile(file, request.loginPassword) : await keyOfThisWallet(file, request.sessionKey);
  if (isRefusal(dataKey)) return dataKey;
  const snapshot = await openBackup(file, dataKey);
  if (isRefusal(snapshot)) return snapshot;
  try {
    const tables = await mergeSnapshot(context, snapshot, fresh);
    return { ok: true, tables, restored: fresh, dataKey };
  } catch (error) {
    if (error instanceof BackupRefused) return error.refusal;
    throw error;
  }
}
