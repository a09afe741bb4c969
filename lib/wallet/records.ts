import * as z from 'zod/mini';
import { emailAddress } from '../email-address';
import { amountMinor, currencyCode } from '../money-schema';
import { offerItem, shippingKind } from '../protocol/checkout';
import { topUpMethod } from './top-ups/top-up-method';
import { sealed } from '../vault/records';
import { postalAddress } from '../account/profile-fields';

const id = z.string().check(z.minLength(1), z.maxLength(200));

/** A top-up as it was asked for; whether it has settled is the ledger's fact, not this record's. */
export const topUpRecord = z.strictObject({
  id,
  method: topUpMethod,
  amountMinor,
  feeMinor: amountMinor,
  currency: currencyCode,
  cardId: z.optional(id),
  createdAt: z.int(),
  settlesAt: z.int(),
});
export type TopUpRecord = z.infer<typeof topUpRecord>;

/** Time-based work swept from alarms: settling top-ups, ending payment checks, releasing escrow, claim and identity reviews. */
export const jobRecord = z.strictObject({
  id,
  kind: z.enum(['settle_top_up', 'end_payment_check', 'release_order', 'review_claim', 'review_identity']),
  ref: id,
  dueAt: z.int(),
});
export type JobRecord = z.infer<typeof jobRecord>;

export const paymentMethod = z.enum(['balance', 'card', 'top_up_and_balance']);
export type PaymentMethod = z.infer<typeof paymentMethod>;

/**
 * An order paid through the wallet, keyed by merchant origin and the merchant's order id. The
 * money it holds, posts or returns is in the ledger; this keeps what the ledger cannot know.
 */
export const orderRecord = z.strictObject({
  id,
  origin: z.string(),
  orderId: z.string(),
  merchantName: z.string(),
  /** The address the shop gave at checkout for questions about the order, if it gave one. */
  supportEmail: z.optional(emailAddress),
  items: z.array(offerItem),
  amountMinor,
  currency: currencyCode,
  method: paymentMethod,
  cardId: z.optional(id),
  /** The pending transfer that holds the money now (a partial refund replaces it with a smaller one). */
  holdTransferId: id,
  paidAt: z.int(),
  /** While the payment is in check: when the wallet's clock accepts it into escrow. */
  checkEndsAt: z.optional(z.int()),
  shipping: z.optional(z.strictObject({ kind: shippingKind, shippedAt: z.int() })),
  /** When escrow releases by itself; cleared while a dispute pauses the clock. */
  releaseAt: z.optional(z.int()),
  /** Time left on the protection period when a dispute paused it. */
  pausedRemainingMs: z.optional(z.int()),
  dispute: z.optional(z.strictObject({ openedAt: z.int(), reason: z.string() })),
  /**
   * `checking` and `held` both hold the money in the order's pending transfer; in `checking` the
   * payment waits for its check, so the shop cannot ship it yet.
   */
  state: z.enum(['checking', 'held', 'released', 'cancelled', 'refunded']),
  closedAt: z.optional(z.int()),
});
export type OrderRecord = z.infer<typeof orderRecord>;

/** A refund the merchant made: to the wallet (arrives at once) or to a card (arrives later). */
export const refundRecord = z.strictObject({
  id,
  orderKey: id,
  amountMinor,
  currency: currencyCode,
  destination: z.enum(['wallet', 'card']),
  cardId: z.optional(id),
  reason: z.string(),
  createdAt: z.int(),
  arrivesAt: z.int(),
});
export type RefundRecord = z.infer<typeof refundRecord>;

/** A claim that a transfer was not made by the shopper, reviewed (simulated) before it is refunded. */
export const claimRecord = z.strictObject({
  id,
  transferId: id,
  orderKey: z.optional(id),
  reason: z.string(),
  openedAt: z.int(),
  state: z.enum(['in_review', 'refunded', 'rejected']),
  resolvedAt: z.optional(z.int()),
});
export type ClaimRecord = z.infer<typeof claimRecord>;

/**
 * A card known to the wallet, shown as brand and last four. The number and billing address are
 * sealed under the vault key; the CVV is never kept. A card used once at checkout stays
 * `unsaved` (refunds still find it) until the shopper saves it; a removed card loses its sealed
 * details but keeps its label for the history.
 */
export const cardRecord = z.strictObject({
  id,
  brand: z.string(),
  last4: z.string().check(z.regex(/^\d{4}$/)),
  holderName: z.string(),
  expiryMonth: z.int().check(z.minimum(1), z.maximum(12)),
  expiryYear: z.int(),
  linkedAt: z.int(),
  status: z.enum(['saved', 'unsaved', 'removed']),
  /**
   * When the card passed its card check (a one-cent charge, refunded). Cards linked before the
   * wallet checked cards have none, and count as not checked until they are.
   */
  checkedAt: z.optional(z.int()),
  sealedDetails: z.optional(sealed),
});
export type CardRecord = z.infer<typeof cardRecord>;

/** A card as lists and answers show it: the label, never the sealed details. */
export const cardLabel = z.omit(cardRecord, { sealedDetails: true });
export type CardLabel = z.infer<typeof cardLabel>;

/** The shopper's saved cards in the order they were linked, and which one is the default. */
export const savedCardsView = z.strictObject({ cards: z.array(cardLabel), defaultCardId: z.optional(z.string()) });
export type SavedCards = z.infer<typeof savedCardsView>;

/** What the sealed details open to. */
export const cardSecret = z.strictObject({ number: z.string().check(z.regex(/^\d{12,19}$/)), billingAddress: postalAddress });
export type CardSecret = z.infer<typeof cardSecret>;
