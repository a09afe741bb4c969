import * as z from 'zod/mini';

/** Who sent a runtime message, as the browser reported it (never as the message claims). */
export const sender = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('content'),
    origin: z.string().check(z.minLength(1)),
    tabId: z.int(),
    frameId: z.int(),
  }),
  z.strictObject({ kind: z.literal('extension') }),
  /** The wallet's own frame on a store's page: extension code, but sitting in a tab the store controls. */
  z.strictObject({ kind: z.literal('frame'), tabId: z.int(), frameId: z.int() }),
  z.strictObject({ kind: z.literal('unknown') }),
]);
export type Sender = z.infer<typeof sender>;
export type SenderKind = Sender['kind'];
