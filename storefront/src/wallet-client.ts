import { CHANNEL, PROTOCOL_VERSION, walletMessage, type OrderStatus, type PageRequest } from '../../lib/protocol/checkout';
import type { ErrorCode } from '../../lib/protocol/errors';

/** The requests about an order that has been paid: a status query, the merchant's actions and the buyer's. */
type OrderRequest = Exclude<PageRequest, { type: 'discover' | 'offer' }>;
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

/**
 * Sends one request about a paid order and resolves with the order's status from the wallet's
 * `order` answer, or rejects with its `error`. Only messages from this window that carry this
 * request's fresh id are heard (docs/checkout-protocol.md).
 */
export function walletRequest<Type extends OrderRequestType>(type: Type, payload: OrderRequestPayload<Type>): Promise<OrderStatus> {
  const requestId = `${type}-${crypto.randomUUID()}`;
  return new Promise((resolve, reject) => {
    const timer = BUYER_ACTIONS.has(type)
      ? undefined
      : setTimeout(
          () => finish(() => reject(new WalletRequestError('NO_WALLET', 'The wallet did not answer; is the extension installed?'))),
          MERCHANT_TIMEOUT_MS,
        );

    function finish(settle: () => void) {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      settle();
    }

    function onMessage(event: MessageEvent) {
      // The wallet's content script shares this window; frames and other windows cannot speak for it.
      if (event.source !== window) return;
      const parsed = walletMessage.safeParse(event.data);
      if (!parsed.success || parsed.data.requestId !== requestId) return;
      const message = parsed.data;
      if (message.type === 'order') finish(() => resolve(message.payload));
      else if (message.type === 'error') finish(() => reject(new WalletRequestError(message.payload.code, message.payload.message)));
    }

    window.addEventListener('message', onMessage);
    post({ channel: CHANNEL, version: PROTOCOL_VERSION, type, requestId, payload } as OrderRequest);
  });
}

/** Whether a wallet is installed: true on its first announcement, false when none came in time. */
export function whenWalletAnnounced(): Promise<boolean> {
  const discoverId = `discover-${crypto.randomUUID()}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), DISCOVER_TIMEOUT_MS);

    function finish(present: boolean) {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(present);
    }

    function onMessage(event: MessageEvent) {
      if (event.source !== window) return;
      const parsed = walletMessage.safeParse(event.data);
      // The answer to this discover, or the unsolicited 'wallet-ready' if it arrives now.
      if (
        parsed.success &&
        parsed.data.type === 'announce' &&
        (parsed.data.requestId === discoverId || parsed.data.requestId === 'wallet-ready')
      )
        finish(true);
    }

    window.addEventListener('message', onMessage);
    post({ channel: CHANNEL, version: PROTOCOL_VERSION, type: 'discover', requestId: discoverId, payload: {} });
  });
}
