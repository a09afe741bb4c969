import { browser } from 'wxt/browser';
import { createApprovalFlow } from '@/lib/approvals/approval-flow';

const WINDOW_SIZE = { width: 440, height: 640 };

/** The confirm windows' flow, wired to the browser: session storage, popup windows, and the tab that asked. */
export function createApprovalWindows() {
  return createApprovalFlow({
    load: async (key) => (await browser.storage.session.get(key))[key],
    save: (key, value) => browser.storage.session.set({ [key]: value }),
    openWindow: async (approvalId) =>
      (
        await browser.windows.create({
          url: browser.runtime.getURL(`/confirm.html?approval=${approvalId}`),
          type: 'popup',
          focused: true,
          ...WINDOW_SIZE,
        })
      )?.id,
    focusWindow: async (windowId) => {
      try {
        return (await browser.windows.update(windowId, { focused: true })) !== undefined;
      } catch {
        return false;
      }
    },
    closeWindow: (windowId) => browser.windows.remove(windowId).catch(() => undefined),
    // The tab may have been closed or navigated; the page then has nobody left to tell.
    tell: (approval, notice) =>
      browser.tabs.sendMessage(approval.tabId, notice, { frameId: approval.frameId }).then(
        () => undefined,
        () => undefined,
      ),
    // Cool-downs run on the wall clock: the demo clock's speed-up must not shorten them.
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
}
