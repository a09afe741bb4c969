import { emailAddress } from '../email-address';
import { amountMinor, currencyCode } from '../money-schema';
import * as z from 'zod/mini';
import { protocolError } from './errors';

/**
 * The checkout protocol between a storefront page and the wallet's content script, carried by
 * `window.postMessage`. docs/checkout-protocol.md documents it for merchants.
 */
export const CHANNEL = 'wallet-checkout';
export const PROTOCOL_VERSION = 1;

const requestId = z.string().check(z.minLength(1), z.maxLength(100));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const offerItem = z.strictObject({
  name: text(200),
  quantity: z.int().check(z.minimum(1), z.maximum(10_000)),
  unitAmountMinor: amountMinor,
});

/** The exact total of the items, or NaN once it leaves the safe-integer range. */
function itemsTotalMinor(items: readonly z.infer<typeof offerItem>[]): number {
  let total = 0;
  for (const item of items) {
    total += item.quantity * item.unitAmountMinor;
    if (!Number.isSafeInteger(total)) return Number.NaN;
  }
  return total;
}

export const offer = z
  .strictObject({
    orderId: text(100),
    merchantName: text(100),
    amountMinor: amountMinor.check(z.minimum(1)),
    currency: currencyCode,
    items: z.array(offerItem).check(z.minLength(1), z.maxLength(100)),
    /** CSS selector of the element inside the page's payment-method list that receives the option. */
    mount: text(200),
    /** Where shoppers write to the shop about the order: a support letter the shopper writes about it starts with this address. */
    supportEmail: z.optional(emailAddress),
  })
  .check(
    z.refine((value) => itemsTotalMinor(value.items) === value.amountMinor, {
      message: 'amountMinor must equal the sum of quantity × unitAmountMinor over items (list shipping and tax as items)',
      path: ['amountMinor'],
    }),
  );
export type Offer = z.infer<typeof offer>;

const envelope = <Type extends string, Payload extends z.core.SomeType>(type: Type, payload: Payload) =>
  z.strictObject({
    channel: z.literal(CHANNEL),
    version: z.literal(PROTOCOL_VERSION),
    type: z.literal(type),
    requestId,
    payload,
  });

/** How the merchant ships; it sets the protection period after which escrow releases by itself. */
export const shippingKind = z.enum(['express', 'surface', 'virtual']);
export type ShippingKind = z.infer<typeof shippingKind>;

const orderRef = { orderId: text(100) };

/** Messages a page sends to the wallet: the buyer's offer and actions, and the merchant's. */
export const pageRequest = z.discriminatedUnion('type', [
  envelope('discover', z.strictObject({})),
  envelope('offer', offer),
  /** Where an order paid to this origin stands. */
  envelope('status', z.strictObject(orderRef)),
  /** The merchant's actions, accepted only for orders paid to the origin that sends them. */
  envelope('ship', z.strictObject({ ...orderRef, shipping: shippingKind })),
  envelope('refund', z.strictObject({ ...orderRef, refundId: text(100), amountMinor: amountMinor.check(z.minimum(1)), reason: text(500) })),
  envelope('releaseDispute', z.strictObject(orderRef)),
  /** The buyer's actions: each opens the wallet's confirm window, and is answered once the shopper decides. */
  envelope('confirmReceipt', z.strictObject(orderRef)),
  envelope('cancel', z.strictObject(orderRef)),
  envelope('dispute', z.strictObject({ ...orderRef, reason: text(1000) })),
]);
export type PageRequest = z.infer<typeof pageRequest>;
export type PageRequestType = PageRequest['type'];
/** The requests about an order that has been paid: a status query, the merchant's actions and the buyer's. */
export type OrderRequest = Exclude<PageRequest, { type: 'discover' | 'offer' }>;

/** A buyer's action on an order, as the content script relays it for the shopper to confirm. */
export const buyerAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('confirmReceipt'), ...orderRef }),
  z.strictObject({ kind: z.literal('cancel'), ...orderRef }),
  z.strictObject({ kind: z.literal('dispute'), ...orderRef, reason: text(1000) }),
]);
export type BuyerAction = z.infer<typeof buyerAction>;

/** What a page learns of an order: its state in escrow and the money, never the shopper's details. */
export const orderStatus = z.strictObject({
  orderId: z.string(),
  state: z.enum(['checking', 'held', 'shipped', 'disputed', 'released', 'cancelled', 'refunded']),
  amountMinor,
  refundedMinor: amountMinor,
  currency: currencyCode,
  paidAt: z.int(),
  /** While the payment is in check: when the wallet accepts it, unless the shopper cancels first. */
  checkEndsAt: z.optional(z.int()),
  shippedAt: z.optional(z.int()),
  /** When escrow releases by itself, while it is counting. */
  releaseAt: z.optional(z.int()),
  closedAt: z.optional(z.int()),
});
export type OrderStatus = z.infer<typeof orderStatus>;

export const announcement = z.strictObject({ name: z.string(), protocolVersions: z.array(z.int()) });

export const paymentOutcome = z.discriminatedUnion('status', [
  /**
   * Paid: the wallet holds the money. `state` says whether the payment is in check first (`checking`,
   * accepted at `checkEndsAt`) or already in escrow (`held`) until the buyer confirms receipt or the
   * protection period ends.
   */
  z.strictObject({
    status: z.literal('held'),
    orderId: z.string(),
    amountMinor,
    currency: currencyCode,
    paidAt: z.int(),
    state: z.enum(['checking', 'held']),
    checkEndsAt: z.optional(z.int()),
  }),
  z.strictObject({ status: z.literal('rejected'), orderId: z.string(), error: protocolError }),
]);
export type PaymentOutcome = z.infer<typeof paymentOutcome>;

/** Messages the wallet sends to a page. `requestId` names the request each one answers. */
export const walletMessage = z.discriminatedUnion('type', [
  envelope('announce', announcement),
  envelope('result', z.strictObject({ presented: z.literal(true) })),
  envelope('error', protocolError),
  envelope('payment', paymentOutcome),
  /** The answer to a status query, a merchant action, or a buyer action the shopper confirmed. */
  envelope('order', orderStatus),
]);
export type WalletMessage = z.infer<typeof walletMessage>;

/** Wallet message types, so a listener on the shared window can tell its own messages from the page's. */
export const WALLET_MESSAGE_TYPES: ReadonlySet<string> = new Set(['announce', 'result', 'error', 'payment', 'order']);
