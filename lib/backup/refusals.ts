import { refuse, type Refusal } from '../wallet/result';

export const MAX_BACKUP_MEGABYTES = 50;

/** Why a backup cannot be made or read: each names what went wrong and what to do, and nothing has been written. */
export const backupRefusal = {
  tooLarge: () =>
    refuse(
      'LIMIT_EXCEEDED',
      'backup_too_large',
      `A backup file can be at most ${MAX_BACKUP_MEGABYTES} MB: this one is larger, so it is not a backup this wallet made.`,
    ),
  tooLargeToExport: () =>
    refuse(
      'LIMIT_EXCEEDED',
      'backup_too_large_to_export',
      `The backup would be larger than ${MAX_BACKUP_MEGABYTES} MB, more than the wallet can hand to the page in one piece.`,
    ),
  notABackup: () =>
    refuse('INVALID_REQUEST', 'backup_not_a_backup', 'This file is not a wallet backup: choose a wallet-backup-….json file.'),
  newerVersion: () =>
    refuse(
      'INVALID_REQUEST',
      'backup_newer_version',
      'This backup was made by a newer version of the wallet: update the extension, then try again.',
    ),
  damaged: (detail: string) =>
    refuse(
      'INVALID_REQUEST',
      'backup_damaged',
      `This backup is damaged or incomplete (${detail}); nothing was restored. Use another copy of the file.`,
    ),
  passwordNeeded: () =>
    refuse('INVALID_REQUEST', 'backup_password_needed', 'Type the login password the wallet had when this backup was made.'),
  wrongPassword: () =>
    refuse(
      'WRONG_PASSWORD',
      'backup_wrong_password',
      'This password does not open the backup: type the login password the wallet had when the backup was made.',
    ),
  otherWallet: () =>
    refuse(
      'INVALID_REQUEST',
      'backup_other_wallet',
      'This backup belongs to another wallet. A backup can only be restored into its own wallet, or into a browser with no wallet yet.',
    ),
  ledgerConflict: (detail: string) =>
    refuse(
      'INVALID_REQUEST',
      'backup_ledger_conflict',
      `The backup and this wallet disagree about money that has already moved (${detail}); nothing was restored. Use another backup.`,
    ),
  ledgerInvalid: (detail: string) =>
    refuse(
      'INVALID_REQUEST',
      'backup_ledger_invalid',
      `Restoring this backup would leave the balances inconsistent (${detail}); nothing was restored. Use another backup.`,
    ),
  walletChanged: () =>
    refuse('ALREADY_DONE', 'backup_wallet_changed', 'A wallet was created in this browser while the backup was read: try again.'),
};

/** Thrown inside the import's transaction so that it rolls back; caught outside and answered as the refusal it carries. */
export class BackupRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'BackupRefused';
  }
}
