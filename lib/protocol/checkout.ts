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

/** Messages a page sends to the wallet. */
export const pageRequest = z.discriminatedUnion('type', [envelope('discover', z.strictObject({})), envelope('offer', offer)]);
export type PageRequest = z.infer<typeof pageRequest>;

export const announcement = z.strictObject({ name: z.string(), protocolVersions: z.array(z.int()) });

export const paymentOutcome = z.discriminatedUnion('status', [
  /** Paid into escrow: the money is held until the buyer confirms receipt or the protection period ends. */
  z.strictObject({
    status: z.literal('held'),
    orderId: z.string(),
    amountMinor,
    currency: currencyCode,
    paidAt: z.int(),
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
]);
export type WalletMessage = z.infer<typeof walletMessage>;

/** Wallet message types, so a listener on the shared window can tell its own messages from the page's. */
export const WALLET_MESSAGE_TYPES: ReadonlySet<string> = new Set(['announce', 'result', 'error', 'payment']);

/** The loosest shape that still marks a message as meant for this protocol. */
export const addressedEnvelope = z.looseObject({ channel: z.literal(CHANNEL), type: z.string(), requestId: z.optional(z.unknown()) });
