import {
  CHANNEL,
  PROTOCOL_VERSION,
  WALLET_MESSAGE_TYPES,
  addressedEnvelope,
  pageRequest,
  type Offer,
  type PaymentOutcome,
  type WalletMessage,
} from './checkout';
import { describeIssues, type ProtocolError } from './errors';

export const WALLET_NAME = 'Wallet Checkout Helper';

export interface PageBridgeOptions {
  /** Shows the Pay with wallet option for an offer; answers with an error when it cannot. */
  presentOffer(offer: Offer, requestId: string): ProtocolError | undefined;
}

type Posted = {
  [Type in WalletMessage['type']]: Omit<Extract<WalletMessage, { type: Type }>, 'channel' | 'version'>;
}[WalletMessage['type']];

/**
 * The content script's side of the checkout protocol. It listens only to messages the page's own
 * window posted, validates each one and answers every request with a result or a typed error.
 */
export function startPageBridge(win: Window, options: PageBridgeOptions) {
  const targetOrigin = win.location.origin === 'null' ? '*' : win.location.origin;
  const post = (message: Posted) => win.postMessage({ channel: CHANNEL, version: PROTOCOL_VERSION, ...message }, targetOrigin);
  const announce = (requestId: string) =>
    post({ type: 'announce', requestId, payload: { name: WALLET_NAME, protocolVersions: [PROTOCOL_VERSION] } });

  function onMessage(event: MessageEvent) {
    if (event.source !== win) return;
    const addressed = addressedEnvelope.safeParse(event.data);
    if (!addressed.success || WALLET_MESSAGE_TYPES.has(addressed.data.type)) return;
    const request = pageRequest.safeParse(event.data);
    if (!request.success) {
      const requestId = replyIdFor(addressed.data.requestId);
      post({ type: 'error', requestId, payload: { code: 'INVALID_REQUEST', message: describeIssues(request.error) } });
      return;
    }
    const { type, requestId } = request.data;
    if (type === 'discover') {
      announce(requestId);
      return;
    }
    const error = options.presentOffer(request.data.payload, requestId);
    post(error ? { type: 'error', requestId, payload: error } : { type: 'result', requestId, payload: { presented: true } });
  }

  win.addEventListener('message', onMessage);
  // Pages that listen before they ask learn of the wallet without a discover round trip.
  announce('wallet-ready');
  return {
    paymentOutcome(requestId: string, outcome: PaymentOutcome) {
      post({ type: 'payment', requestId, payload: outcome });
    },
    stop() {
      win.removeEventListener('message', onMessage);
    },
  };
}

/** A malformed request still gets an answer the page can match, when its id is usable. */
function replyIdFor(requestId: unknown): string {
  return typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 100 ? requestId : 'unknown';
}
