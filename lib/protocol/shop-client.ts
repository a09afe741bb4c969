import {
  CHANNEL,
  PROTOCOL_VERSION,
  walletMessage,
  type Offer,
  type OrderRequest,
  type OrderStatus,
  type PageRequest,
  type WalletMessage,
} from './checkout';
import type { ErrorCode } from './errors';

/**
 * The shop's side of the checkout protocol (docs/checkout-protocol.md), for a storefront page. The
 * demo storefront imports it; `npm run build:protocol` bundles it into
 * docs/examples/wallet-checkout-client.js for other shops, so it may use only what every page has.
 */
export type { ErrorCode } from './errors';
export type { Offer, OrderStatus, ShippingKind } from './checkout';

export type WalletEvent =
  | { type: 'presented' }
  | { type: 'error'; message: string }
  | { type: 'rejected'; message: string }
  | { type: 'held'; status: OrderStatus };

export type OrderRequestType = OrderRequest['type'];
export type OrderRequestPayload<Type extends OrderRequestType> = Extract<OrderRequest, { type: Type }>['payload'];

/** Buyer actions wait for the shopper in the wallet's confirm window, for as long as they take. */
const BUYER_ACTIONS: ReadonlySet<OrderRequestType> = new Set(['confirmReceipt', 'cancel', 'dispute']);
const MERCHANT_TIMEOUT_MS = 10_000;
/** The wallet answers discover from its content script, without a round trip to the background. */
const DISCOVER_TIMEOUT_MS = 2_000;

/** A refusal from the wallet with its protocol code, or NO_WALLET when nothing answered. */
export class WalletRequestError extends Error {
  constructor(
    readonly code: ErrorCode | 'NO_WALLET',
    message: string,
  ) {
    super(message);
    this.name = 'WalletRequestError';
  }
}

const post = (request: PageRequest) => window.postMessage(request, window.location.origin);
const freshId = (type: string) => `${type}-${crypto.randomUUID()}`;

/** Hears the wallet's messages until the returned function is called; anything else on the channel is dropped unread. */
function listen(onMessage: (message: WalletMessage) => void): () => void {
  function onEvent(event: MessageEvent) {
    // The wallet's content script shares this window; frames and other windows cannot speak for it.
    if (event.source !== window) return;
    const parsed = walletMessage.safeParse(event.data);
    if (parsed.success) onMessage(parsed.data);
  }
  window.addEventListener('message', onEvent);
  return () => window.removeEventListener('message', onEvent);
}

/**
 * Asks whether a wallet is installed. `onAnnounced` hears both the answer to this discover and the
 * unsolicited 'wallet-ready' the wallet posts as it starts, since either may come first, or both;
 * every other wallet message goes to `onMessage`.
 */
function discover(
  onAnnounced: () => void,
  onMessage: (message: WalletMessage) => void = () => {},
): { discoverId: string; stop: () => void } {
  const discoverId = freshId('discover');
  const stop = listen((message) => {
    if (message.type === 'announce' && (message.requestId === discoverId || message.requestId === 'wallet-ready')) onAnnounced();
    else onMessage(message);
  });
  post({ channel: CHANNEL, version: PROTOCOL_VERSION, type: 'discover', requestId: discoverId, payload: {} });
  return { discoverId, stop };
}

/**
 * Asks whether a wallet is installed and, once one announces itself, offers this order to it
 * exactly once. Returns a stop function.
 */
export function offerToWallet(offer: Offer, onEvent: (event: WalletEvent) => void): () => void {
  const offerId = freshId('offer');
  let offered = false;
  const { discoverId, stop } = discover(
    () => {
      if (offered) return;
      offered = true;
      post({ channel: CHANNEL, version: PROTOCOL_VERSION, type: 'offer', requestId: offerId, payload: offer });
    },
    (message) => {
      switch (message.type) {
        case 'result':
          if (message.requestId === offerId) onEvent({ type: 'presented' });
          return;
        case 'error':
          if (message.requestId === offerId || message.requestId === discoverId)
            onEvent({ type: 'error', message: message.payload.message });
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
    },
  );
  return stop;
}

/** Whether a wallet is installed: true on its first announcement, false when none came in time. */
export function whenWalletAnnounced(): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (present: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(present);
    };
    const timer = setTimeout(() => finish(false), DISCOVER_TIMEOUT_MS);
    const { stop } = discover(() => finish(true));
  });
}

/**
 * Sends one request about a paid order and resolves with the order's status from the wallet's
 * `order` answer, or rejects with its `error`. Only answers that carry this request's fresh id are
 * heard.
 */
export function walletRequest<Type extends OrderRequestType>(type: Type, payload: OrderRequestPayload<Type>): Promise<OrderStatus> {
  const requestId = freshId(type);
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      stop();
      settle();
    };
    const timer = BUYER_ACTIONS.has(type)
      ? undefined
      : setTimeout(
          () => finish(() => reject(new WalletRequestError('NO_WALLET', 'The wallet did not answer; is the extension installed?'))),
          MERCHANT_TIMEOUT_MS,
        );
    const stop = listen((message) => {
      if (message.requestId !== requestId) return;
      if (message.type === 'order') finish(() => resolve(message.payload));
      else if (message.type === 'error') finish(() => reject(new WalletRequestError(message.payload.code, message.payload.message)));
    });
    post({ channel: CHANNEL, version: PROTOCOL_VERSION, type, requestId, payload } as OrderRequest);
  });
}
