import * as z from 'zod/mini';
import { paymentOutcome } from './checkout';

/** Messages the background pushes to a content script about a page's offer. */
export const tabNotice = z.strictObject({
  type: z.literal('payment.outcome'),
  requestId: z.string(),
  outcome: paymentOutcome,
});
export type TabNotice = z.infer<typeof tabNotice>;
