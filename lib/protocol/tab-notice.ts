import * as z from 'zod/mini';
import { cardToFill, fillFields } from './card-fill';
import { orderStatus, paymentOutcome } from './checkout';
import { protocolError } from './errors';

/** Messages the background pushes to a content script about what the shopper decided in the confirm window. */
export const tabNotice = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('payment.outcome'), requestId: z.string(), outcome: paymentOutcome }),
  z.strictObject({
    type: z.literal('order.outcome'),
    requestId: z.string(),
    outcome: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), status: orderStatus }),
      z.strictObject({ ok: z.literal(false), error: protocolError }),
    ]),
  }),
  /** The card for the fields of the frame that asked, and the kinds the shopper confirmed; only ever sent to that tab and frame. */
  z.strictObject({ type: z.literal('fill.card'), requestId: z.string(), fields: fillFields, card: cardToFill }),
]);
export type TabNotice = z.infer<typeof tabNotice>;
