import { browser } from 'wxt/browser';
import { checkoutResults } from '@/lib/protocol/checkout-results';
import { createRuntimeClient } from '@/lib/protocol/client';
import { startPageBridge } from '@/lib/protocol/page-bridge';
import { tabNotice } from '@/lib/protocol/tab-notice';
import { CHECKOUT_MATCHES } from '@/lib/checkout/matches';
import { watchForCardForms } from './card-fill-loader';
import { createOptionMount } from './mount-option';

export default defineContentScript({
  matches: CHECKOUT_MATCHES,
  // Listening from document_start means a page's first discover message is never missed.
  runAt: 'document_start',
  main(ctx) {
    const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), checkoutResults);
    const option = createOptionMount(document, call);
    const bridge = startPageBridge(window, {
      presentOffer: option.present,
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
      buyerAction: (action, requestId) => call({ type: 'approval.openOrder', requestId, action }),
    });

    const cardFill = watchForCardForms(document, call);

    const onNotice = (message: unknown) => {
      const notice = tabNotice.safeParse(message);
      if (!notice.success) return;
      if (notice.data.type === 'payment.outcome') {
        option.refocus();
        bridge.paymentOutcome(notice.data.requestId, notice.data.outcome);
      } else if (notice.data.type === 'order.outcome') bridge.orderOutcome(notice.data.requestId, notice.data.outcome);
      else cardFill.fill(notice.data.card, notice.data.fields);
    };
    browser.runtime.onMessage.addListener(onNotice);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onNotice);
      bridge.stop();
      cardFill.stop();
      option.remove();
    });
  },
});
