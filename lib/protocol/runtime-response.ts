import * as z from 'zod/mini';
import { runtimeError } from './errors';

/** Every answer from the background: a result, or a typed error. */
export const runtimeResponse = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: runtimeError }),
]);
export type RuntimeResponse = z.infer<typeof runtimeResponse>;
