import * as z from 'zod/mini';

/** Every error a storefront or an extension page can be answered with. */
export const errorCode = z.enum([
  'INVALID_REQUEST',
  'ORIGIN_MISMATCH',
  'INSUFFICIENT_FUNDS',
  'LIMIT_EXCEEDED',
  'LOCKED',
  'NOT_FOUND',
  'ALREADY_DONE',
  'USER_REJECTED',
  /** Too many messages from one page, or asking again too soon after the shopper declined. */
  'RATE_LIMITED',
  /** A buyer's action asked for without the shopper having just clicked or pressed a key on the page. */
  'NEEDS_USER_ACTIVATION',
  /** A wrong login or payment password, or wrong security answers: only the wallet's own pages ever see it. */
  'WRONG_PASSWORD',
]);
export type ErrorCode = z.infer<typeof errorCode>;

export const protocolError = z.object({
  code: errorCode,
  message: z.string(),
});
export type ProtocolError = z.infer<typeof protocolError>;

/** An error as the extension's own pages receive it, with the detail pages never see. */
export const runtimeError = z.extend(protocolError, {
  reason: z.optional(z.string()),
  shortMinor: z.optional(z.int()),
  lockedUntil: z.optional(z.int()),
  triesLeft: z.optional(z.int()),
});
export type RuntimeError = z.infer<typeof runtimeError>;

/** Shortens zod's issues into one line a developer can act on. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'message'}: ${issue.message}`)
    .join('; ');
}
