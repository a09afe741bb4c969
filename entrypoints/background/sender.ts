import { browser, type Browser } from 'wxt/browser';
import type { Sender } from '@/lib/protocol/sender';

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
