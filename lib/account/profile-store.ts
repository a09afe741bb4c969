import type { WalletDatabase } from '../db';
import { openJson } from '../vault/crypto';
import type { Sealed } from '../vault/records';
import { profileRecord, type ProfileRecord } from './profile-fields';

/** The shopper's profile, opened with the vault key and checked against its schema. */
export async function readProfile(db: WalletDatabase, dataKey: CryptoKey): Promise<ProfileRecord> {
  const row = await db.profile.get('profile');
  if (!row) throw new Error('The wallet has no profile yet');
  return profileRecord.parse(await openJson(dataKey, row.sealed));
}

/** Writes a profile sealed beforehand; runs inside the caller's transaction. */
export async function writeProfile(db: WalletDatabase, sealedProfile: Sealed): Promise<void> {
  await db.profile.put({ id: 'profile', sealed: sealedProfile });
}
