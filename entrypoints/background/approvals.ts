import { browser } from 'wxt/browser';
import type { ProtocolError } from '@/lib/protocol/errors';
import type { TabNotice } from '@/lib/protocol/tab-notice';
import type { Sender } from '@/lib/protocol/sender';
import { WalletError } from '@/lib/protocol/wallet-error';
import { declineRecord, declined, waitLeft } from '@/lib/approvals/declines';
import { pendingApproval, type ApprovalSubject, type PendingApproval } from './pending-approval';
import * as z from 'zod/mini';

const STORAGE_KEY = 'approvals';
const DECLINES_KEY = 'approvalDeclines';
const WINDOW_SIZE = { width: 440, height: 640 };

const pendingByOrigin = z.record(z.string(), pendingApproval);
const declinesByOrigin = z.record(z.string(), declineRecord);

/**
 * The confirm windows: at most one pending approval per merchant origin, each in its own
 * extension window. Kept in session storage so a restarted service worker still knows them.
 */
export function createApprovals() {
  // Opening is serialised so two quick clicks cannot race past the one-per-origin check.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<Record<string, PendingApproval>> {
    const stored = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
    const parsed = pendingByOrigin.safeParse(stored ?? {});
    return parsed.success ? parsed.data : {};
  }

  async function save(all: Record<string, PendingApproval>): Promise<void> {
    await browser.storage.session.set({ [STORAGE_KEY]: all });
  }

  async function loadDeclines() {
    const parsed = declinesByOrigin.safeParse((await browser.storage.session.get(DECLINES_KEY))[DECLINES_KEY] ?? {});
    return parsed.success ? parsed.data : {};
  }

  /**
   * A shop's own requests (the buyer actions a page asks for) that the shopper turned down make the
   * shop wait, longer each time; what the shopper starts in the wallet's own frame never waits.
   */
  async function noteOutcome(approval: PendingApproval, outcome: 'declined' | 'done'): Promise<void> {
    if (approval.subject.kind !== 'order') return;
    const declines = await loadDeclines();
    if (outcome === 'declined') declines[approval.origin] = declined(declines[approval.origin], Date.now());
    else delete declines[approval.origin];
    await browser.storage.session.set({ [DECLINES_KEY]: declines });
  }

  async function find(predicate: (approval: PendingApproval) => boolean) {
    const all = await load();
    const found = Object.values(all).find(predicate);
    return { all, found };
  }

  async function settle(approval: PendingApproval, notice: TabNotice | undefined): Promise<void> {
    if (!notice) return;
    // The tab may have been closed or navigated; the page then has nobody left to tell.
    await browser.tabs.sendMessage(approval.tabId, notice, { frameId: approval.frameId }).catch(() => undefined);
  }

  async function focus(windowId: number): Promise<boolean> {
    try {
      return (await browser.windows.update(windowId, { focused: true })) !== undefined;
    } catch {
      return false;
    }
  }

  return {
    open(from: Sender, requestId: string, subject: ApprovalSubject) {
      return serialised(async () => {
        if (from.kind !== 'content') throw new WalletError('ORIGIN_MISMATCH', 'Only a checkout page can ask for approval');
        if (subject.kind === 'order') {
          const wait = waitLeft((await loadDeclines())[from.origin], Date.now());
          if (wait > 0)
            throw new WalletError(
              'RATE_LIMITED',
              `The shopper declined this shop's last request; the wallet will not ask again for ${Math.ceil(wait / 1_000)} s.`,
            );
        }
        const all = await load();
        const existing = all[from.origin];
        if (existing?.windowId !== undefined && (await focus(existing.windowId))) {
          // The same request again (a second click) finds its window; anything else waits its turn, and says so.
          if (existing.requestId !== requestId)
            throw new WalletError(
              'ALREADY_DONE',
              'The wallet is already asking the shopper to confirm something for this shop; it must be finished or closed first.',
            );
          return { approvalId: existing.approvalId, reused: true };
        }
        const approvalId = crypto.randomUUID();
        // The intent is saved before the window exists, so the window never asks about an unknown approval.
        const approval: PendingApproval = {
          approvalId,
          origin: from.origin,
          tabId: from.tabId,
          frameId: from.frameId,
          requestId,
          subject,
        };
        all[from.origin] = approval;
        await save(all);
        try {
          const created = await browser.windows.create({
            url: browser.runtime.getURL(`/confirm.html?approval=${approvalId}`),
            type: 'popup',
            focused: true,
            ...WINDOW_SIZE,
          });
          all[from.origin] = { ...approval, windowId: created?.id };
        } catch (error) {
          delete all[from.origin];
          throw error;
        } finally {
          await save(all);
        }
        return { approvalId, reused: false };
      });
    },

    async get(approvalId: string): Promise<PendingApproval> {
      const { found } = await find((approval) => approval.approvalId === approvalId);
      if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open; start again from the checkout page.');
      return found;
    },

    reject(approvalId: string) {
      return serialised(async () => {
        const { all, found } = await find((approval) => approval.approvalId === approvalId);
        if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open.');
        delete all[found.origin];
        await save(all);
        await noteOutcome(found, 'declined');
        await settle(found, rejected(found, 'The shopper cancelled in the wallet.'));
        if (found.windowId !== undefined) await browser.windows.remove(found.windowId).catch(() => undefined);
        return { rejected: true as const };
      });
    },

    /**
     * Carries out what the shopper approved. If `perform` refuses (a short balance, a limit), the
     * approval stays open so the shopper can choose another way; once it succeeds the page hears
     * the outcome and the window closes.
     */
    complete<T>(
      approvalId: string,
      /** `keepWindow` leaves the window open for a question after the approval, such as saving a new card. */
      perform: (approval: PendingApproval) => Promise<{ notice: TabNotice; result: T; keepWindow?: boolean }>,
    ) {
      return serialised(async () => {
        const { all, found } = await find((approval) => approval.approvalId === approvalId);
        if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open; start again from the checkout page.');
        const { notice, result, keepWindow } = await perform(found);
        delete all[found.origin];
        await save(all);
        await noteOutcome(found, 'done');
        await settle(found, notice);
        if (found.windowId !== undefined && !keepWindow) await browser.windows.remove(found.windowId).catch(() => undefined);
        return result;
      });
    },

    windowClosed(windowId: number) {
      return serialised(async () => {
        const { all, found } = await find((approval) => approval.windowId === windowId);
        if (!found) return;
        delete all[found.origin];
        await save(all);
        await noteOutcome(found, 'declined');
        await settle(found, rejected(found, 'The shopper closed the approval window.'));
      });
    },
  };
}

/** What the page hears when the shopper said no or closed the window. */
function rejected(approval: PendingApproval, message: string): TabNotice | undefined {
  const error: ProtocolError = { code: 'USER_REJECTED', message };
  const { requestId, subject } = approval;
  if (subject.kind === 'payment')
    return { type: 'payment.outcome', requestId, outcome: { status: 'rejected', orderId: subject.offer.orderId, error } };
  // A declined fill leaves the fields as they were: the page has nothing to hear.
  return subject.kind === 'order' ? { type: 'order.outcome', requestId, outcome: { ok: false, error } } : undefined;
}
