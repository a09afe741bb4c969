import { browser, type Browser } from 'wxt/browser';
import type { Sender } from '@/lib/protocol/sender';
import { WalletError } from '@/lib/protocol/wallet-error';
import { INLINE_FRAME_PAGE } from '@/lib/checkout/matches';

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

/** Describes a message's sender from what the browser reports; the message's own claims play no part. */
export function senderFrom(from: Browser.runtime.MessageSender): Sender {
  if (from.id !== browser.runtime.id) return { kind: 'unknown' };
  const url = from.url ? new URL(from.url) : undefined;
  if (url?.origin === extensionOrigin) {
    // The frame on store pages is told apart by its page, not by where it sits: a store could open it as a tab.
    if (url.pathname !== `/${INLINE_FRAME_PAGE}`) return { kind: 'extension' };
    return from.tab?.id !== undefined && from.frameId !== undefined
      ? { kind: 'frame', tabId: from.tab.id, frameId: from.frameId }
      : { kind: 'unknown' };
  }
  // Firefox does not report `origin`; the frame's URL carries the same information.
  const origin = (from as { origin?: string }).origin ?? url?.origin;
  if (from.tab?.id !== undefined && origin && origin !== 'null') {
    return { kind: 'content', origin, tabId: from.tab.id, frameId: from.frameId ?? 0 };
  }
  return { kind: 'unknown' };
}

/** A content-script sender; the router lets only those through to merchant actions and frame registrations. */
export function storefrontOf(from: Sender): Extract<Sender, { kind: 'content' }> {
  if (from.kind !== 'content') throw new WalletError('ORIGIN_MISMATCH', 'Only a storefront page can act for its merchant');
  return from;
}

/** The merchant origin of a content-script sender. */
export const originOf = (from: Sender): string => storefrontOf(from).origin;

/** The wallet's own frame on a store page; the router lets only it ask what to show and report clicks. */
export function walletFrameOf(from: Sender): Extract<Sender, { kind: 'frame' }> {
  if (from.kind !== 'frame') throw new WalletError('ORIGIN_MISMATCH', "Only the wallet's frame on a store page can ask this");
  return from;
}
