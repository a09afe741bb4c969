import {
  CHANNEL,
  PROTOCOL_VERSION,
  WALLET_MESSAGE_TYPES,
  pageRequest,
  type BuyerAction,
  type Offer,
  type OrderStatus,
  type PageRequest,
  type PaymentOutcome,
  type WalletMessage,
} from './checkout';
import { describeIssues, type ProtocolError } from './errors';
import { messageShapeProblem, PAGE_MESSAGE_LIMITS } from './message-shape';
import { WalletError } from './wallet-error';

export const WALLET_NAME = 'Wallet Checkout Helper';

/**
 * How many of a page's messages the bridge looks at: a burst of this many, then this many a second.
 * A checkout sends a handful; a page that floods the channel has the rest dropped, unread.
 */
export const PAGE_MESSAGE_RATE = { burst: 60, perSecond: 30 };

export type MerchantRequest = Extract<PageRequest, { type: 'status' | 'ship' | 'refund' | 'releaseDispute' }>;

export interface PageBridgeOptions {
  /** Shows the Pay with wallet option for an offer; answers with an error when it cannot. */
  presentOffer(offer: Offer, requestId: string): ProtocolError | undefined;
  /** A status query or a merchant's action, answered with where the order stands. */
  merchant(request: MerchantRequest): Promise<OrderStatus>;
  /** Opens the confirm window for a buyer's action; the outcome arrives later through `orderOutcome`. */
  buyerAction(action: BuyerAction, requestId: string): Promise<unknown>;
  /** The clock the rate limit counts by; the page's own by default. */
  now?: () => number;
  /** Called for every well-formed request: the page speaks the protocol, so the wallet gets ready to answer it quickly. */
  heard?: () => void;
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

  const now = options.now ?? (() => performance.now());
  let allowance = PAGE_MESSAGE_RATE.burst;
  let countedAt = now();
  let dropping = false;
  /** Whether this message may be read; the first one dropped in a flood is answered, the rest are not. */
  function admit(requestId: unknown): boolean {
    const at = now();
    allowance = Math.min(PAGE_MESSAGE_RATE.burst, allowance + ((at - countedAt) / 1_000) * PAGE_MESSAGE_RATE.perSecond);
    countedAt = at;
    if (allowance >= 1) {
      allowance -= 1;
      dropping = false;
      return true;
    }
    if (!dropping) {
      dropping = true;
      const message = `More than ${PAGE_MESSAGE_RATE.perSecond} messages a second: the wallet drops the rest until the page slows down`;
      post({ type: 'error', requestId: replyIdFor(requestId), payload: { code: 'RATE_LIMITED', message } });
    }
    return false;
  }

  function onMessage(event: MessageEvent) {
    if (event.source !== win) return;
    // Only three plain fields are read before the rate limit: a flood costs a few property reads a message.
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const { channel, type, requestId: claimedId } = data as Record<string, unknown>;
    if (channel !== CHANNEL || typeof type !== 'string' || WALLET_MESSAGE_TYPES.has(type) || !admit(claimedId)) return;
    const shapeProblem = messageShapeProblem(data, PAGE_MESSAGE_LIMITS);
    if (shapeProblem) {
      post({ type: 'error', requestId: replyIdFor(claimedId), payload: { code: 'INVALID_REQUEST', message: shapeProblem } });
      return;
    }
    const request = pageRequest.safeParse(data);
    if (!request.success) {
      post({
        type: 'error',
        requestId: replyIdFor(claimedId),
        payload: { code: 'INVALID_REQUEST', message: describeIssues(request.error) },
      });
      return;
    }
    const message = request.data;
    options.heard?.();
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
