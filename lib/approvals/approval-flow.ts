import * as z from 'zod/mini';
import type { PaymentAuthorisation } from '../account/payment-auth';
import type { ProtocolError } from '../protocol/errors';
import type { Sender } from '../protocol/sender';
import type { TabNotice } from '../protocol/tab-notice';
import { WalletError } from '../protocol/wallet-error';
import { createSerialQueue } from '../serial-queue';
import { declined, declineRecord, waitLeft } from './declines';
import { pendingApproval, type ApprovalSubject, type PendingApproval } from './pending';

const PENDING_KEY = 'approvals';
const DECLINES_KEY = 'approvalDeclines';
const pendingByOrigin = z.record(z.string(), pendingApproval);
const declinesByOrigin = z.record(z.string(), declineRecord);

/** What the flow needs of the browser: session storage, the confirm windows, and the tab that asked. */
export interface ApprovalPorts {
  load(key: string): Promise<unknown>;
  save(key: string, value: unknown): Promise<void>;
  /** Opens the confirm window for `approvalId`; its id, if the browser gives one. */
  openWindow(approvalId: string): Promise<number | undefined>;
  /** Brings a window forward; false when it is gone. */
  focusWindow(windowId: number): Promise<boolean>;
  closeWindow(windowId: number): Promise<void>;
  /** Tells the frame that asked; a tab closed or navigated since has nobody left to tell. */
  tell(approval: PendingApproval, notice: TabNotice): Promise<void>;
  now(): number;
  newId(): string;
}

type SubjectKind = ApprovalSubject['kind'];
/** An approval whose subject is of kind `K`. */
export type ApprovalOf<K extends SubjectKind> = PendingApproval & { subject: Extract<ApprovalSubject, { kind: K }> };

/** The payment password's authorisation an answer carries: every payment and fill has one; an order action only when it pays the merchant. */
export type AuthorisationFor<K extends SubjectKind> = K extends 'order' ? PaymentAuthorisation | undefined : PaymentAuthorisation;

/** What carrying out an approval gives: the answer to the window, what the page hears, and whether the window stays for a question. */
export interface Outcome<T> {
  result: T;
  notice: TabNotice;
  keepWindow?: boolean;
}

/** The checks before the shopper's answer is carried out, the same for every kind of approval. */
export interface AnswerGate {
  /** Throws when the wallet is locked. */
  unlocked(): Promise<CryptoKey>;
  /** The payment password's authorisation, for a subject that needs one; undefined for one that does not. Throws when it is wrong. */
  authorise(subject: ApprovalSubject): Promise<PaymentAuthorisation | undefined>;
}

/**
 * The confirm windows: at most one pending approval per merchant origin, each in its own window, kept in
 * session storage so a restarted service worker still knows them. Every approval (a payment, a buyer's
 * action, a card fill) is opened, answered and settled here alike.
 */
export function createApprovalFlow(ports: ApprovalPorts) {
  // Every change is serialised, so two quick clicks cannot race past the one-per-origin check.
  const serialised = createSerialQueue();

  async function load(): Promise<Record<string, PendingApproval>> {
    return pendingByOrigin.safeParse((await ports.load(PENDING_KEY)) ?? {}).data ?? {};
  }
  const save = (all: Record<string, PendingApproval>) => ports.save(PENDING_KEY, all);
  async function loadDeclines() {
    return declinesByOrigin.safeParse((await ports.load(DECLINES_KEY)) ?? {}).data ?? {};
  }

  /**
   * A shop's own requests (the buyer actions a page asks for) that the shopper turned down make the shop
   * wait, longer each time; what the shopper starts in the wallet's own frame never waits.
   */
  async function noteOutcome(approval: PendingApproval, outcome: 'declined' | 'done'): Promise<void> {
    if (approval.subject.kind !== 'order') return;
    const declines = await loadDeclines();
    if (outcome === 'declined') declines[approval.origin] = declined(declines[approval.origin], ports.now());
    else delete declines[approval.origin];
    await ports.save(DECLINES_KEY, declines);
  }

  async function find(predicate: (approval: PendingApproval) => boolean) {
    const all = await load();
    return { all, found: Object.values(all).find(predicate) };
  }

  /** Closes an approval: forgotten, the shop's cool-down updated, the page told, the window closed unless it stays. */
  async function close(
    all: Record<string, PendingApproval>,
    approval: PendingApproval,
    outcome: 'declined' | 'done',
    notice: TabNotice | undefined,
    closeWindow: boolean,
  ) {
    delete all[approval.origin];
    await save(all);
    await noteOutcome(approval, outcome);
    if (notice) await ports.tell(approval, notice);
    if (closeWindow && approval.windowId !== undefined) await ports.closeWindow(approval.windowId);
  }

  async function get(approvalId: string): Promise<PendingApproval> {
    const { found } = await find((approval) => approval.approvalId === approvalId);
    if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open; start again from the checkout page.');
    return found;
  }

  return {
    open(from: Sender, requestId: string, subject: ApprovalSubject) {
      return serialised(async () => {
        if (from.kind !== 'content') throw new WalletError('ORIGIN_MISMATCH', 'Only a checkout page can ask for approval');
        if (subject.kind === 'order') {
          const wait = waitLeft((await loadDeclines())[from.origin], ports.now());
          if (wait > 0)
            throw new WalletError(
              'RATE_LIMITED',
              `The shopper declined this shop's last request; the wallet will not ask again for ${Math.ceil(wait / 1_000)} s.`,
            );
        }
        const all = await load();
        const existing = all[from.origin];
        if (existing?.windowId !== undefined && (await ports.focusWindow(existing.windowId))) {
          // The same request again (a second click) finds its window; anything else waits its turn, and says so.
          if (existing.requestId !== requestId)
            throw new WalletError(
              'ALREADY_DONE',
              'The wallet is already asking the shopper to confirm something for this shop; it must be finished or closed first.',
            );
          return { approvalId: existing.approvalId, reused: true };
        }
        const approvalId = ports.newId();
        // The intent is saved before the window exists, so the window never asks about an unknown approval.
        const approval: PendingApproval = { approvalId, origin: from.origin, tabId: from.tabId, frameId: from.frameId, requestId, subject };
        all[from.origin] = approval;
        await save(all);
        try {
          const windowId = await ports.openWindow(approvalId);
          all[from.origin] = { ...approval, windowId };
        } catch (error) {
          delete all[from.origin];
          throw error;
        } finally {
          await save(all);
        }
        return { approvalId, reused: false };
      });
    },

    get,

    /**
     * The shopper's answer, for every kind of approval in the same order: the wallet unlocked, the approval
     * still open and of the kind the window showed, the payment password where the subject needs it, then
     * `perform`. If `perform` refuses (a short balance, a limit), the approval stays open so the shopper can
     * choose another way; once it succeeds the page hears the outcome and the window closes.
     */
    answer<K extends SubjectKind, T>(
      approvalId: string,
      kind: K,
      gate: AnswerGate,
      perform: (approval: ApprovalOf<K>, key: CryptoKey, authorisation: AuthorisationFor<K>) => Promise<Outcome<T>>,
    ): Promise<T> {
      return serialised(async () => {
        const key = await gate.unlocked();
        const { all, found } = await find((approval) => approval.approvalId === approvalId);
        if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open; start again from the checkout page.');
        if (found.subject.kind !== kind) throw new WalletError('INVALID_REQUEST', `This approval is not ${ANSWERS[kind]}.`);
        const approval = found as ApprovalOf<K>;
        const authorisation = await gate.authorise(approval.subject);
        if (!authorisation && kind !== 'order') throw new WalletError('WRONG_PASSWORD', 'Type your payment password to confirm.');
        const { notice, result, keepWindow } = await perform(approval, key, authorisation as AuthorisationFor<K>);
        await close(all, approval, 'done', notice, !keepWindow);
        return result;
      });
    },

    reject(approvalId: string) {
      return serialised(async () => {
        const { all, found } = await find((approval) => approval.approvalId === approvalId);
        if (!found) throw new WalletError('NOT_FOUND', 'This approval is no longer open.');
        await close(all, found, 'declined', rejected(found, 'The shopper cancelled in the wallet.'), true);
        return { rejected: true as const };
      });
    },

    windowClosed(windowId: number) {
      return serialised(async () => {
        const { all, found } = await find((approval) => approval.windowId === windowId);
        if (found) await close(all, found, 'declined', rejected(found, 'The shopper closed the approval window.'), false);
      });
    },
  };
}

export type ApprovalFlow = ReturnType<typeof createApprovalFlow>;

const ANSWERS: Record<SubjectKind, string> = { payment: 'a payment', order: 'an order action', fill: 'a card fill' };

/** What the page hears when the shopper said no or closed the window. */
function rejected(approval: PendingApproval, message: string): TabNotice | undefined {
  const error: ProtocolError = { code: 'USER_REJECTED', message };
  const { requestId, subject } = approval;
  if (subject.kind === 'payment')
    return { type: 'payment.outcome', requestId, outcome: { status: 'rejected', orderId: subject.offer.orderId, error } };
  // A declined fill leaves the fields as they were: the page has nothing to hear.
  return subject.kind === 'order' ? { type: 'order.outcome', requestId, outcome: { ok: false, error } } : undefined;
}
