import { CHANNEL, PROTOCOL_VERSION, walletMessage, type Offer, type OrderStatus, type PageRequest } from '../../lib/protocol/checkout';

export type WalletEvent =
  | { type: 'presented' }
  | { type: 'error'; message: string }
  | { type: 'rejected'; message: string }
  | { type: 'held'; status: OrderStatus };

const send = (request: PageRequest) => window.postMessage(request, window.location.origin);

/**
 * The page's side of the checkout protocol (docs/checkout-protocol.md): asks whether a wallet is
 * installed and, once one announces itself, offers this order to it exactly once. Returns a stop
 * function.
 */
export function offerToWallet(offer: Offer, onEvent: (event: WalletEvent) => void): () => void {
  const discoverId = `discover-${crypto.randomUUID()}`;
  const offerId = `offer-${crypto.randomUUID()}`;
  let offered = false;

  function onMessage(event: MessageEvent) {
    // The wallet's content script shares this window; frames and other windows cannot speak for it.
    if (event.source !== window) return;
    const parsed = walletMessage.safeParse(event.data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'announce':
        // Both the answer to our discover and the unsolicited 'wallet-ready' can arrive; offer once.
        if (offered || (message.requestId !== discoverId && message.requestId !== 'wallet-ready')) return;
        offered = true;
        send({ channel: CHANNEL, version: PROTOCOL_VERSION, type: 'offer', requestId: offerId, payload: offer });
        return;
      case 'result':
        if (message.requestId === offerId) onEvent({ type: 'presented' });
        return;
      case 'error':
        if (message.requestId === offerId || message.requestId === discoverId) onEvent({ type: 'error', message: message.payload.message });
        return;
      case 'payment':
        if (message.requestId !== offerId || message.payload.orderId !== offer.orderId) return;
        if (message.payload.status === 'rejected') onEvent({ type: 'rejected', message: message.payload.error.message });
        else {
          const { status: _held, ...paid } = message.payload;
          // A payment is the order's first status: in check or held, nothing refunded yet.
          onEvent({ type: 'held', status: { ...paid, refundedMinor: 0 } });
        }
        return;
    }
  }

  window.addEventListener('message', onMessage);
  send({ channel: CHANNEL, version: PROTOCOL_VERSION, type: 'discover', requestId: discoverId, payload: {} });
  return () => window.removeEventListener('message', onMessage);
}
