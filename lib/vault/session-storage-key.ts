/**
 * Where the unlocked vault key waits in `storage.session`: the background keeps it there, and the
 * popup tells locked from unlocked by whether it is there, without asking the background.
 */
export const VAULT_SESSION_KEY = 'vaultKey';
