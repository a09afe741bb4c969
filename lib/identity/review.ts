import * as z from 'zod/mini';
import { fileKind } from './file-kind';
import { documentSide, documentType, MAX_FILES, type DocumentSide } from './requirements';

/** How long the simulated review takes, in the wallet clock's time. */
export const REVIEW_MS = 48 * 60 * 60 * 1000;

/** The smallest photo a reviewer can read, either way round: 600 × 400 or 400 × 600. */
export const MIN_LONG_SIDE = 600;
export const MIN_SHORT_SIDE = 400;

export const rejectionReason = z.strictObject({
  side: documentSide,
  reason: z.literal('image_too_small'),
  width: z.int(),
  height: z.int(),
});
export type RejectionReason = z.infer<typeof rejectionReason>;

export type ReviewDecision = { approved: true } | { approved: false; reasons: RejectionReason[] };

/**
 * The simulated reviewer: a rule the user can be told, so a rejection says what to send instead.
 * Photos too small to read are rejected, naming the side and their size; PDFs have no pixel size
 * and are accepted.
 */
export function reviewDecision(files: readonly { side: DocumentSide; width?: number; height?: number }[]): ReviewDecision {
  const reasons: RejectionReason[] = [];
  for (const { side, width, height } of files) {
    if (width === undefined || height === undefined) continue;
    if (Math.max(width, height) < MIN_LONG_SIDE || Math.min(width, height) < MIN_SHORT_SIDE)
      reasons.push({ side, reason: 'image_too_small', width, height });
  }
  return reasons.length > 0 ? { approved: false, reasons } : { approved: true };
}

/** What is kept of a file once submitted; the bytes are not. The pixel size lets the review be decided when it is due. */
export const fileSummary = z.strictObject({
  side: documentSide,
  kind: fileKind,
  size: z.int(),
  width: z.optional(z.int()),
  height: z.optional(z.int()),
});
export type FileSummary = z.infer<typeof fileSummary>;

const common = {
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  documentType,
  submittedAt: z.int(),
  reviewDueAt: z.int(),
  files: z.array(fileSummary).check(z.minLength(1), z.maxLength(MAX_FILES)),
};

/** One submission and how its review went; a new submission after a rejection is a new record. */
export const verificationRecord = z.discriminatedUnion('state', [
  z.strictObject({ ...common, state: z.literal('in_review') }),
  z.strictObject({ ...common, state: z.literal('approved'), decidedAt: z.int() }),
  z.strictObject({ ...common, state: z.literal('rejected'), decidedAt: z.int(), reasons: z.array(rejectionReason).check(z.minLength(1)) }),
]);
export type VerificationRecord = z.infer<typeof verificationRecord>;
