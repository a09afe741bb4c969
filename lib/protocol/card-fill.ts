import * as z from 'zod/mini';
import { amountMinor } from '../money-schema';

// Messages of the card fill on stores that do not speak the checkout protocol; kept apart from the
// protocol's own, so the content script on every store page carries only what it parses.

/** Card fields the detectors can fill, as the content script names them to the wallet. */
export const cardFieldKind = z.enum([
  'number',
  'expiry',
  'expiryMonth',
  'expiryYear',
  'cvc',
  'name',
  'givenName',
  'familyName',
  'cardType',
]);

/** The kinds of card field a fill writes: those the page showed when the shopper asked, as the wallet window lists them. */
export const fillFields = z.array(cardFieldKind).check(z.minLength(1), z.maxLength(cardFieldKind.options.length));

/** A card fill the shopper asked for on a store that does not speak the protocol. */
export const fillRequest = z.strictObject({
  fields: fillFields,
  /** The order total the page shows, as the detectors read it: for the shopper to compare, never charged. */
  total: z.optional(z.strictObject({ amountMinor, currency: z.string().check(z.maxLength(3)) })),
});
export type FillRequest = z.infer<typeof fillRequest>;

const cvc = z.string().check(z.regex(/^\d{3,4}$/));

/** The security code the shopper typed in the confirm window: asked only where the page has a field for it. */
export const fillCvc = z.optional(cvc);

/**
 * The card as it goes into the page's fields, once the shopper confirmed in the wallet. The number and the
 * security code only come when the page has a field for them: a holder's name beside a provider's frame
 * takes nothing more.
 */
export const cardToFill = z.strictObject({
  number: z.optional(z.string().check(z.regex(/^\d{12,19}$/))),
  expiryMonth: z.int().check(z.minimum(1), z.maximum(12)),
  expiryYear: z.int(),
  holderName: z.string(),
  /** The brand as the wallet names it (card-validator's names: "visa", "american-express"), for a card-type choice. */
  brand: z.string().check(z.maxLength(32)),
  cvc: z.optional(cvc),
});
export type CardToFill = z.infer<typeof cardToFill>;
