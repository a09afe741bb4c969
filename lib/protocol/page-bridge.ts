import {
  CHANNEL,
  PROTOCOL_VERSION,
  WALLET_MESSAGE_TYPES,
  addressedEnvelope,
  pageRequest,
  type BuyerAction,
  type Offer,
  type OrderStatus,
  type PageRequest,
  type PaymentOutcome,
  type WalletMessage,
} from './checkout';
import { describeIssues, type ProtocolError } from './errors';
import { hasForbiddenKey } from './forbidden-keys';
import { WalletError } from './wallet-error';

export const WALLET_NAME = 'Wallet Checkout Helper';

export type MerchantRequest = Extract<PageRequest, { type: 'status' | 'ship' | 'refund' | 'releaseDispute' }>;

export interface PageBridgeOptions {
  /** Shows the Pay with wallet option for an offer; answers with an error when it cannot. */
  presentOffer(offer: Offer, requestId: string): ProtocolError | undefined;
  /** A status query or a merchant's action, answered with where the order stands. */
  merchant(request: MerchantRequest): Promise<OrderStatus>;
  /** Opens the confirm window for a buyer's action; the outcome arrives later through `orderOutcome`. */
  buyerAction(action: BuyerAction, requestId: string): Promise<unknown>;
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
    if (hasForbiddenKey(event.data)) {
      post({
        type: 'error',
        requestId: replyIdFor(addressed.data.requestId),
        payload: { code: 'INVALID_REQUEST', message: 'Keys named __proto__, constructor or prototype are not accepted' },
      });
      return;
    }
    const request = pageRequest.safeParse(event.data);
    if (!request.success) {
      const requestId = replyIdFor(addressed.data.requestId);
      post({ type: 'error', requestId, payload: { code: 'INVALID_REQUEST', message: describeIssues(request.error) } });
      return;
    }
    const message = request.data;
    const { requestId } = message;
    const fail = (error: unknown) => post({ type: 'error', requestId, payload: protocolErrorOf(error) });
    switch (message.type) {
      case 'discover':
        announce(requestId);
        return;
      case 'offer': {
        const error = options.presentOffer(message.payload, requestId);
        post(error ? { type: 'error', requestId, payload: error } : { type: 'result', requestId, payload: { presented: true } });
        return;
      }
      case 'status':
      case 'ship':
      case 'refund':
      case 'releaseDispute':
        options.merchant(message).then((status) => post({ type: 'order', requestId, payload: status }), fail);
        return;
      case 'confirmReceipt':
      case 'cancel':
        options.buyerAction({ kind: message.type, orderId: message.payload.orderId }, requestId).catch(fail);
        return;
      case 'dispute':
        options.buyerAction({ kind: 'dispute', ...message.payload }, requestId).catch(fail);
        return;
    }
  }

  win.addEventListener('message', onMessage);
  // Pages that listen before they ask learn of the wallet without a discover round trip.
  announce('wallet-ready');
  return {
    paymentOutcome(requestId: string, outcome: PaymentOutcome) {
      post({ type: 'payment', requestId, payload: outcome });
    },
    orderOutcome(requestId: string, outcome: { ok: true; status: OrderStatus } | { ok: false; error: ProtocolError }) {
      post(outcome.ok ? { type: 'order', requestId, payload: outcome.status } : { type: 'error', requestId, payload: outcome.error });
    },
    stop() {
      win.removeEventListener('message', onMessage);
    },
  };
}

/** What a page may hear of a failure: the code and message, never the detail meant for the wallet's own pages. */
function protocolErrorOf(error: unknown): ProtocolError {
  if (error instanceof WalletError) return { code: error.code, message: error.message };
  return { code: 'INVALID_REQUEST', message: 'The wallet could not handle this request; try again.' };
}

/** A malformed request still gets an answer the page can match, when its id is usable. */
function replyIdFor(requestId: unknown): string {
  return typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 100 ? requestId : 'unknown';
}
