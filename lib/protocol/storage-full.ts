import { WalletError } from './wallet-error';

/**
 * Whether the browser refused a write for lack of room: IndexedDB's QuotaExceededError, which
 * Dexie passes on under the same name (its own error, or the DOMException it wraps).
 */
export function isStorageFull(error: unknown): boolean {
  const named = (value: unknown) => typeof value === 'object' && value !== null && 'name' in value && value.name === 'QuotaExceededError';
  return named(error) || (typeof error === 'object' && error !== null && 'inner' in error && named(error.inner));
}

/** What the shopper is told: every write is one transaction, so the refused one left nothing behind. */
export const storageFull = () =>
  new WalletError(
    'LIMIT_EXCEEDED',
    'The browser has no room left for the wallet’s data. Free some disk space, then try again: nothing was changed.',
    { reason: 'storage_full' },
  );
