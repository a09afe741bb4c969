import { browser } from 'wxt/browser';
import { fromBase64, toBase64 } from '@/lib/vault/bytes';
import { exportKey, importDataKey } from '@/lib/vault/crypto';
import { WalletError } from '@/lib/protocol/wallet-error';
import { VAULT_SESSION_KEY as SESSION_KEY, storedVaultKey } from '@/lib/vault/session-storage-key';

const ALARM = 'auto-lock';

/**
 * The unlocked vault key: in memory, and in `storage.session` so a restarted service worker is
 * still unlocked while a restarted browser is not (session storage lives in memory and is never
 * exposed to content scripts). Inactivity locks it through an alarm. `onLockChange` hears every lock
 * and unlock, whoever asked for it: the toolbar shows which it is.
 */
export function createVaultSession(onLockChange: (locked: boolean) => Promise<void>) {
  let key: CryptoKey | undefined;

  async function current(): Promise<CryptoKey | undefined> {
    if (key) return key;
    const stored = storedVaultKey(await browser.storage.session.get(SESSION_KEY));
    if (stored !== undefined) key = await importDataKey(fromBase64(stored));
    return key;
  }

  async function lock(): Promise<void> {
    key = undefined;
    await browser.storage.session.remove(SESSION_KEY);
    await browser.alarms.clear(ALARM);
    await onLockChange(true);
  }

  /** The shopper did something: the inactivity countdown starts again. */
  async function touch(autoLockMinutes: number): Promise<void> {
    if (await current()) await browser.alarms.create(ALARM, { delayInMinutes: autoLockMinutes });
  }

  return {
    current,
    lock,
    touch,
    async require(): Promise<CryptoKey> {
      const unlocked = await current();
      if (!unlocked)
        throw new WalletError('LOCKED', 'The wallet is locked: unlock it with your login password first.', { reason: 'wallet_locked' });
      return unlocked;
    },
    async unlock(dataKey: CryptoKey, autoLockMinutes: number): Promise<void> {
      key = dataKey;
      await browser.storage.session.set({ [SESSION_KEY]: toBase64(await exportKey(dataKey)) });
      await touch(autoLockMinutes);
      await onLockChange(false);
    },
    listen() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === ALARM) void lock();
      });
    },
  };
}
export type VaultSession = ReturnType<typeof createVaultSession>;
