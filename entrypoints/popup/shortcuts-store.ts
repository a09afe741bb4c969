import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isWalletSection, type WalletSection } from '@/components/wallet-sections';

const STORAGE_KEY = 'popupShortcuts';
const DEFAULT_SHORTCUTS: WalletSection[] = ['orders', 'history'];

/**
 * The wallet sections the shopper pinned to the popup, kept in local storage: a preference of
 * this browser, not wallet data. Unknown names (a section renamed since) are dropped on reading.
 */
export function useShortcuts(): [WalletSection[] | undefined, (next: WalletSection[]) => Promise<void>] {
  const [shortcuts, setShortcuts] = useState<WalletSection[]>();
  useEffect(() => {
    void browser.storage.local.get(STORAGE_KEY).then((stored) => {
      const saved: unknown = stored[STORAGE_KEY];
      setShortcuts(Array.isArray(saved) ? saved.filter(isWalletSection) : DEFAULT_SHORTCUTS);
    });
  }, []);
  const save = async (next: WalletSection[]) => {
    setShortcuts(next);
    await browser.storage.local.set({ [STORAGE_KEY]: next });
  };
  return [shortcuts, save];
}
