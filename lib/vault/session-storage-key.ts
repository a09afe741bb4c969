/**
 * Where the unlocked vault key waits in `storage.session`: the background keeps it there, and the
 * popup tells locked from unlocked by whether it is there, without asking the background.
 */
export const VAULT_SESSION_KEY = 'vaultKey';

/** The exported key in what `storage.session.get` returned, or undefined while the wallet is locked: the one reading of the lock state. */
export function storedVaultKey(stored: Record<string, unknown>): string | undefined {
  const key = stored[VAULT_SESSION_KEY];
  return typeof key === 'string' ? key : undefined;
}
