import * as z from 'zod/mini';
import { money } from '../money-schema';
import { fillRequest } from '../protocol/card-fill';
import { offer } from '../protocol/checkout';
import { openedApproval } from '../protocol/checkout-results';
import { clickRefusal } from './click-check';

/**
 * The wallet's UI on a store's page (the Pay with wallet option, the Fill from wallet offer) is an
 * extension page in a frame, so nothing of the shopper's enters the page's document. The content
 * script registers what the frame is for under a random token and gives the frame only the token;
 * the frame asks the background what to show, and a click in it counts only once the content script,
 * which can see the page's layout, agrees the shopper could see what they clicked.
 */

/** What a frame stands for, as the content script registers it. */
export const inlinePurpose = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pay'), requestId: z.string().check(z.minLength(1), z.maxLength(100)), offer }),
  z.extend(fillRequest, { kind: z.literal('fill') }),
]);
export type InlinePurpose = z.infer<typeof inlinePurpose>;

/** What the frame shows: the balance against the total for a payment; a fill shows only its own words. */
export const inlineView = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pay'), total: money, available: z.optional(money) }),
  z.strictObject({ kind: z.literal('fill') }),
]);
export type InlineView = z.infer<typeof inlineView>;

/** The answers the frame needs, kept apart so its bundle carries only these schemas. */
export const inlineResults = {
  'inline.view': inlineView,
  'inline.press': z.discriminatedUnion('outcome', [
    z.extend(openedApproval, { outcome: z.literal('opened') }),
    z.strictObject({ outcome: z.literal('refused'), verdict: clickRefusal }),
  ]),
};
