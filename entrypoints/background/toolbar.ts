import { browser } from 'wxt/browser';
import { iconFiles } from '@/lib/toolbar';

/**
 * The toolbar button: the wallet's mark or its locked variant. Browsers keep what was set while they
 * run and may forget it or bring back a stale one at a restart, so the background sets it on every
 * lock and unlock and when the browser starts, not on every wake of its worker.
 */
export function createToolbar() {
  // Firefox's MV2 build has only the older name for the same button.
  const button = browser.action ?? browser.browserAction;

  return {
    showLocked: (locked: boolean) =>
      button
        .setIcon({ path: iconFiles(locked ? 'locked' : 'wallet') })
        .catch((error: unknown) => console.error('The toolbar icon could not be set', error)),
  };
}
