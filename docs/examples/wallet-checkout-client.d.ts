/**
 * Types of wallet-checkout-client.js. Generated from lib/protocol/shop-client.ts by `npm run build:protocol`: edit that, not this file.
 */

export type Offer = {
  orderId: string;
  merchantName: string;
  amountMinor: number;
  currency: 'USD' | 'EUR' | 'GBP' | 'CNY' | 'RUB' | 'JPY' | 'KRW' | 'HKD' | 'SGD' | 'AUD' | 'CAD' | 'CHF' | 'BRL' | 'THB';
  items: { name: string; quantity: number; unitAmountMinor: number }[];
  mount: string;
  supportEmail?: string | undefined;
};

type OrderRequest =
  | { channel: 'wallet-checkout'; version: 1; type: 'status'; requestId: string; payload: { orderId: string } }
  | {
      channel: 'wallet-checkout';
      version: 1;
      type: 'ship';
      requestId: string;
      payload: { shipping: 'express' | 'surface' | 'virtual'; orderId: string };
    }
  | {
      channel: 'wallet-checkout';
      version: 1;
      type: 'refund';
      requestId: string;
      payload: { refundId: string; amountMinor: number; reason: string; orderId: string };
    }
  | { channel: 'wallet-checkout'; version: 1; type: 'releaseDispute'; requestId: string; payload: { orderId: string } }
  | { channel: 'wallet-checkout'; version: 1; type: 'confirmReceipt'; requestId: string; payload: { orderId: string } }
  | { channel: 'wallet-checkout'; version: 1; type: 'cancel'; requestId: string; payload: { orderId: string } }
  | { channel: 'wallet-checkout'; version: 1; type: 'dispute'; requestId: string; payload: { reason: string; orderId: string } };

export type OrderStatus = {
  orderId: string;
  state: 'held' | 'checking' | 'shipped' | 'disputed' | 'released' | 'cancelled' | 'refunded';
  amountMinor: number;
  refundedMinor: number;
  currency: 'USD' | 'EUR' | 'GBP' | 'CNY' | 'RUB' | 'JPY' | 'KRW' | 'HKD' | 'SGD' | 'AUD' | 'CAD' | 'CHF' | 'BRL' | 'THB';
  paidAt: number;
  checkEndsAt?: number | undefined;
  shippedAt?: number | undefined;
  releaseAt?: number | undefined;
  closedAt?: number | undefined;
};

export type ErrorCode =
  | 'INVALID_REQUEST'
  | 'ORIGIN_MISMATCH'
  | 'INSUFFICIENT_FUNDS'
  | 'LIMIT_EXCEEDED'
  | 'LOCKED'
  | 'NOT_FOUND'
  | 'ALREADY_DONE'
  | 'USER_REJECTED'
  | 'RATE_LIMITED'
  | 'NEEDS_USER_ACTIVATION'
  | 'WRONG_PASSWORD';

export type ShippingKind = 'express' | 'surface' | 'virtual';

export type WalletEvent =
  | {
      type: 'presented';
    }
  | {
      type: 'error';
      message: string;
    }
  | {
      type: 'rejected';
      message: string;
    }
  | {
      type: 'held';
      status: OrderStatus;
    };

export type OrderRequestType = OrderRequest['type'];

export type OrderRequestPayload<Type extends OrderRequestType> = Extract<
  OrderRequest,
  {
    type: Type;
  }
>['payload'];

/** A refusal from the wallet with its protocol code, or NO_WALLET when nothing answered. */
export declare class WalletRequestError extends Error {
  readonly code: ErrorCode | 'NO_WALLET';
  constructor(code: ErrorCode | 'NO_WALLET', message: string);
}

/**
 * Asks whether a wallet is installed and, once one announces itself, offers this order to it
 * exactly once. Returns a stop function.
 */
export declare function offerToWallet(offer: Offer, onEvent: (event: WalletEvent) => void): () => void;

/** Whether a wallet is installed: true on its first announcement, false when none came in time. */
export declare function whenWalletAnnounced(): Promise<boolean>;

/**
 * Sends one request about a paid order and resolves with the order's status from the wallet's
 * `order` answer, or rejects with its `error`. Only answers that carry this request's fresh id are
 * heard.
 */
export declare function walletRequest<Type extends OrderRequestType>(type: Type, payload: OrderRequestPayload<Type>): Promise<OrderStatus>;
