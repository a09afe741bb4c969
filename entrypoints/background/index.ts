import { browser } from 'wxt/browser';
import { WalletDatabase } from '@/lib/db';
import { createRouter } from '@/lib/protocol/router';
import { readBalance } from '@/lib/wallet/balance';
import { createApprovals } from './approvals';
import { senderFrom } from './sender';

export default defineBackground(() => {
  const db = new WalletDatabase();
  const approvals = createApprovals();
  const route = createRouter({
    'wallet.balance': () => readBalance(db),
    'approval.open': (request, from) => approvals.open(from, request.requestId, request.offer),
    'approval.get': (request) => approvals.view(request.approvalId),
    'approval.reject': (request) => approvals.reject(request.approvalId),
  });

  // Listeners are registered synchronously so a woken service worker sees the message that woke it.
  browser.runtime.onMessage.addListener((message, from) => route(message, senderFrom(from)));
  browser.windows.onRemoved.addListener((windowId) => void approvals.windowClosed(windowId));
  // Opening the database on start creates it on install, so the first reader never waits on an upgrade.
  void db.open();
});
