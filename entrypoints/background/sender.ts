import { browser, type Browser } from 'wxt/browser';
import type { Sender } from '@/lib/protocol/sender';
import { WalletError } from '@/lib/protocol/wallet-error';

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

/** Describes a message's sender from what the browser reports; the message's own claims play no part. */
export function senderFrom(from: Browser.runtime.MessageSender): Sender {
  if (from.id !== browser.runtime.id) return { kind: 'unknown' };
  const url = from.url ? new URL(from.url) : undefined;
  if (url?.origin === extensionOrigin) return { kind: 'extension' };
  // Firefox does not report `origin`; the frame's URL carries the same information.
  const origin = (from as { origin?: string }).origin ?? url?.origin;
  if (from.tab?.id !== undefined && origin && origin !== 'null') {
    return { kind: 'content', origin, tabId: from.tab.id, frameId: from.frameId ?? 0 };
  }
  return { kind: 'unknown' };
}

/** The merchant origin of a content-script sender; the router lets only those through to merchant actions. */
export function originOf(from: Sender): string {
  if (from.kind !== 'content') throw new WalletError('ORIGIN_MISMATCH', 'Only a storefront page can act for its merchant');
  return from.origin;
}
