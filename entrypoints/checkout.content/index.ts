import { browser } from 'wxt/browser';
import { checkoutResults } from '@/lib/protocol/checkout-results';
import { createRuntimeClient } from '@/lib/protocol/client';
import { startPageBridge } from '@/lib/protocol/page-bridge';
import { tabNotice } from '@/lib/protocol/tab-notice';
import { inlineCheck } from '@/lib/inline/click-check';
import { CHECKOUT_MATCHES } from '@/lib/checkout/matches';
import { openShadowRootsWith, type ShadowRootOpener } from '@/lib/checkout/composed-tree';
import { WalletError } from '@/lib/protocol/wallet-error';
import { createActivationGate } from './activation-gate';
import { watchForCardForms } from './card-fill-loader';
import { createFramesLoader } from './frames-loader';
import { createOptionMount } from './mount-option';

type ChromeDom = { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };

/** Firefox gives content scripts `openOrClosedShadowRoot` on elements, Chrome its `dom` API: either way the page's closed roots open. */
const shadowRootOf: ShadowRootOpener = (element) => {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  // Only HTML elements can host a shadow root, and Chrome's call throws for any other (an SVG element).
  if (!(element instanceof HTMLElement)) return null;
  try {
    return (globalThis as { chrome?: ChromeDom }).chrome?.dom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
  } catch {
    return element.shadowRoot;
  }
};

export default defineContentScript({
  matches: CHECKOUT_MATCHES,
  // Listening from document_start means a page's first discover message, and the shopper's first click, are never missed.
  runAt: 'document_start',
  main(ctx) {
    openShadowRootsWith(shadowRootOf);
    const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), checkoutResults);
    const frames = createFramesLoader(call, shadowRootOf);
    const option = createOptionMount(document, frames);
    const activation = createActivationGate(window);
    const bridge = startPageBridge(window, {
      presentOffer: option.present,
      heard: frames.warm,
      // The origin is never sent: the background takes it from the sender, as the browser reports it.
      merchant: async (request) => {
        const { orderId } = request.payload;
        const answer =
          request.type === 'status'
            ? await call({ type: 'merchant.status', orderId })
            : request.type === 'ship'
              ? await call({ type: 'merchant.ship', orderId, shipping: request.payload.shipping })
              : request.type === 'refund'
                ? await call({ type: 'merchant.refund', ...request.payload })
                : await call({ type: 'merchant.releaseDispute', orderId });
        return answer.status;
      },
      buyerAction: async (action, requestId) => {
        // A page opens the wallet's window only in answer to the shopper's own click or key press, once for each.
        if (!activation.take())
          throw new WalletError(
            'NEEDS_USER_ACTIVATION',
            'A buyer action opens the wallet only right after the shopper clicks or types on the page, once per gesture.',
          );
        return call({ type: 'approval.openOrder', requestId, action });
      },
    });

    const cardFill = watchForCardForms(document, frames);

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      const check = inlineCheck.safeParse(message);
      if (check.success) {
        sendResponse(frames.shown(check.data.token)?.check(check.data.point) ?? { verdict: 'gone' });
        return;
      }
      const notice = tabNotice.safeParse(message);
      if (!notice.success) return;
      if (notice.data.type === 'payment.outcome') {
        option.refocus();
        bridge.paymentOutcome(notice.data.requestId, notice.data.outcome);
      } else if (notice.data.type === 'order.outcome') bridge.orderOutcome(notice.data.requestId, notice.data.outcome);
      else cardFill.fill(notice.data.card, notice.data.fields, notice.data.requestId);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      // WXT announces a newer copy of the script with an event any page can post too: only a wallet that was
      // really unloaded (an update, a reload) stops, so a page cannot switch the wallet off on itself.
      if (browser.runtime?.id) return;
      browser.runtime.onMessage.removeListener(onMessage);
      bridge.stop();
      activation.stop();
      cardFill.stop();
      option.remove();
    });
  },
});
