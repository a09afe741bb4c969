import * as z from 'zod/mini';
import { BACKUP_LIMITS, messageShapeProblem } from '../protocol/message-shape';
import { vaultRecord } from '../vault/records';
import type { Refusal } from '../wallet/result';
import { canonicalJson } from '../canonical-json';
import { localDay } from '../local-day';
import { backupRefusal, MAX_BACKUP_MEGABYTES } from './refusals';
import { tableName } from './tables';

export const BACKUP_FORMAT = 'wallet-backup';
export const BACKUP_VERSION = 1;
/**
 * Checked before a file is read, and again by the background. Extension messages are JSON and
 * Chrome refuses one over 64 MiB, so a backup travels whole within that.
 */
export const MAX_BACKUP_BYTES = MAX_BACKUP_MEGABYTES * 1024 * 1024;

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
export const tableCounts = z.record(tableName, z.int().check(z.minimum(0)));
export type TableCounts = z.infer<typeof tableCounts>;

/**
 * What a backup says in clear. The vault record is here because restoring on a fresh install
 * needs it to unwrap the data key from the login password (its wrapped keys are protected by
 * PBKDF2, 600,000 iterations, as they are in the database). The whole header is the encryption's
 * additional authenticated data: changing any of it makes the file unreadable.
 */
export const backupHeader = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** Which wallet made it: see walletIdOf. */
  walletId: base64,
  createdAt: z.int(),
  counts: tableCounts,
  vault: vaultRecord,
  /** The AES-GCM nonce of the payload. */
  iv: base64,
});
export type BackupHeader = z.infer<typeof backupHeader>;

/** The file: the header, and the payload encrypted under the vault's data key. */
const backupFile = z.extend(backupHeader, { ciphertext: base64 });

/** The header's bytes as authenticated: key order cannot change them. */
export const headerBytes = (header: BackupHeader) => new TextEncoder().encode(canonicalJson(header));

export function writeBackupFile(header: BackupHeader, ciphertext: string): string {
  return JSON.stringify({ ...header, ciphertext }, null, 2);
}

export type BackupFile = { header: BackupHeader; ciphertext: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a file's text as a backup, telling apart a file of another kind, one from a newer
 * wallet, and one of ours that was cut short or altered.
 */
export function readBackupFile(text: string): BackupFile | Refusal {
  if (text.length > MAX_BACKUP_BYTES) return backupRefusal.tooLarge();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new RegExp(`"format"\\s*:\\s*"${BACKUP_FORMAT}"`).test(text.slice(0, 200))
      ? backupRefusal.damaged('the file ends too early')
      : backupRefusal.notABackup();
  }
  if (!isRecord(parsed) || parsed.format !== BACKUP_FORMAT) return backupRefusal.notABackup();
  if (messageShapeProblem(parsed, BACKUP_LIMITS)) return backupRefusal.damaged('its header is not valid');
  if (typeof parsed.version === 'number' && parsed.version > BACKUP_VERSION) return backupRefusal.newerVersion();
  const file = backupFile.safeParse(parsed);
  if (!file.success) return backupRefusal.damaged(`its header is not valid: ${file.error.issues[0]?.path.join('.') ?? ''}`);
  const { ciphertext, ...header } = file.data;
  return { header, ciphertext };
}

/** `wallet-backup-YYYY-MM-DD.json`, dated in the shopper's own time zone. */
export const backupFileName = (createdAt: number): string => `${BACKUP_FORMAT}-${localDay(createdAt)}.json`;
