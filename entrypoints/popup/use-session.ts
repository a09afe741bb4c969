import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { VAULT_SESSION_KEY, storedVaultKey } from '@/lib/vault/session-storage-key';

/**
 * Whether the wallet is locked (`undefined` until known): unlocked exactly while the background
 * keeps the vault key in session storage, so the popup follows locks and unlocks from any page.
 */
export function useLocked(): boolean | undefined {
  const [locked, setLocked] = useState<boolean>();
  useEffect(() => {
    const read = () => browser.storage.session.get(VAULT_SESSION_KEY).then((stored) => setLocked(storedVaultKey(stored) === undefined));
    const onChange = (changes: Record<string, unknown>, area: string) => area === 'session' && VAULT_SESSION_KEY in changes && void read();
    void read();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return locked;
}
