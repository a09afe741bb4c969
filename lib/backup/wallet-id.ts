import { toBase64 } from '../vault/bytes';
import { exportKey } from '../vault/crypto';

const LABEL = new TextEncoder().encode('wallet-backup/wallet-id/v1\0');

/**
 * Names the wallet a backup belongs to. The vault's data key is made once at sign-up and never
 * replaced (a new login password or a recovery wraps the same key), so it is the wallet's
 * identity: this is a SHA-256 of it under a fixed label. A hash of a random 256-bit key says
 * nothing about the key, so it can sit in the file's clear header and be compared with the
 * unlocked wallet's before anything is decrypted.
 */
export async function walletIdOf(dataKey: CryptoKey): Promise<string> {
  const raw = await exportKey(dataKey);
  const input = new Uint8Array(LABEL.length + raw.length);
  input.set(LABEL);
  input.set(raw, LABEL.length);
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}
