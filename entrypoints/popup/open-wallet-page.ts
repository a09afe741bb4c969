import { browser } from 'wxt/browser';
import type { WalletSection } from '@/components/wallet-sections';

/** Opens the wallet page in a tab, at a section if one is named, and closes the popup. */
export const openWalletPage = (section?: WalletSection) =>
  void browser.tabs
    .create({ url: browser.runtime.getURL(section ? `/wallet.html#${section}` : '/wallet.html') })
    .then(() => window.close());
