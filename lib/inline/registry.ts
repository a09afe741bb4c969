import * as z from 'zod/mini';
import { WalletError } from '../protocol/wallet-error';
import type { Sender } from '../protocol/sender';
import { inlineToken } from './click-check';
import { MAX_FILL_OFFERS } from './click-rules';
import { inlinePurpose, type InlinePurpose } from './messages';
import { createSerialQueue } from '../serial-queue';

/** A frame the content script mounted, as the background keeps it until the page moves on. */
export const inlineRegistration = z.strictObject({
  token: inlineToken,
  /** The store's page that mounted the frame, as the browser reported the content script. */
  origin: z.string(),
  tabId: z.int(),
  frameId: z.int(),
  purpose: inlinePurpose,
  /** The wallet frame that first asked for this token: no other frame may use it after. */
  walletFrameId: z.optional(z.int()),
});
export type InlineRegistration = z.infer<typeof inlineRegistration>;

const registrations = z.array(inlineRegistration);

/** Where the registrations live: session storage in the extension, so a restarted worker still knows them. */
export interface InlineStore {
  load(): Promise<unknown>;
  save(value: InlineRegistration[]): Promise<void>;
}

/** Frames a browser session can hold at once; beyond it the oldest are forgotten. */
export const MAX_INLINE_FRAMES = 200;

type ContentSender = Extract<Sender, { kind: 'content' }>;
type FrameSender = Extract<Sender, { kind: 'frame' }>;

/**
 * The frames the content scripts mounted on store pages. Each page frame has at most one payment option
 * and `MAX_FILL_OFFERS` fill offers (a newer one replaces the oldest), and a token answers only the wallet
 * frame in the same tab that claimed it first: a page that learned a token could embed the wallet's page
 * itself, but not use it.
 */
export function createInlineRegistry(store: InlineStore) {
  const serialised = createSerialQueue();
  const load = async () => {
    const parsed = registrations.safeParse((await store.load()) ?? []);
    return parsed.success ? parsed.data : [];
  };

  return {
    present(from: ContentSender, token: string, purpose: InlinePurpose) {
      return serialised(async () => {
        const all = await load();
        const same = (entry: InlineRegistration) => entry.tabId === from.tabId && entry.frameId === from.frameId;
        // The same frame presented again (a fill offer whose fields changed) keeps the wallet frame it is bound to.
        const previous = all.find((entry) => entry.token === token && same(entry));
        const alike = all.filter((entry) => entry.token !== token && same(entry) && entry.purpose.kind === purpose.kind);
        // All but the newest (limit − 1) make room; a slice to 0 takes none away, so "all" is asked for as no end.
        const replaced = alike.slice(0, 1 - (purpose.kind === 'fill' ? MAX_FILL_OFFERS : 1) || undefined);
        const kept = all.filter((entry) => entry.token !== token && !replaced.includes(entry));
        const added: InlineRegistration = {
          token,
          origin: from.origin,
          tabId: from.tabId,
          frameId: from.frameId,
          purpose,
          ...(previous?.walletFrameId !== undefined ? { walletFrameId: previous.walletFrameId } : {}),
        };
        await store.save([...kept, added].slice(-MAX_INLINE_FRAMES));
      });
    },

    /** The registration a wallet frame stands for; the first frame to ask for a token is the only one it answers. */
    claim(from: FrameSender, token: string): Promise<InlineRegistration> {
      return serialised(async () => {
        const all = await load();
        const found = all.find((entry) => entry.token === token);
        if (!found || found.tabId !== from.tabId)
          throw new WalletError('NOT_FOUND', 'This wallet frame is no longer on its page; reload the page.');
        if (found.walletFrameId === undefined) {
          found.walletFrameId = from.frameId;
          await store.save(all);
        } else if (found.walletFrameId !== from.frameId) {
          throw new WalletError('ORIGIN_MISMATCH', 'Another frame already shows this wallet option.');
        }
        return found;
      });
    },

    /** A closed tab's frames are gone with it. */
    forgetTab(tabId: number) {
      return serialised(async () => {
        const all = await load();
        const kept = all.filter((entry) => entry.tabId !== tabId);
        if (kept.length !== all.length) await store.save(kept);
      });
    },
  };
}

/** The content script that mounted a registration's frame, as a sender: approvals are opened in its name. */
export function mountedBy(registration: InlineRegistration): ContentSender {
  return { kind: 'content', origin: registration.origin, tabId: registration.tabId, frameId: registration.frameId };
}
