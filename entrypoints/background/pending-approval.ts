import { offer } from '@/lib/protocol/checkout';
import * as z from 'zod/mini';

/** An approval waiting in its confirm window, as kept in session storage. */
export const pendingApproval = z.strictObject({
  approvalId: z.string(),
  origin: z.string(),
  tabId: z.int(),
  frameId: z.int(),
  requestId: z.string(),
  offer,
  windowId: z.optional(z.int()),
});
export type PendingApproval = z.infer<typeof pendingApproval>;
