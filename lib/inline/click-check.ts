import * as z from 'zod/mini';
import type { InlinePurpose } from './messages';

// Kept apart from the frame's other messages: the content script, which runs on every store page, bundles only these.

/** A frame's token: random, and all the frame is given by the page that mounted it. */
export const inlineToken = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

/**
 * Where in the frame the shopper clicked, in the frame's own CSS pixels, and when: whole milliseconds since the
 * epoch, by the wall clock the frame and the page share (each process's own high-resolution clock may have
 * started from another reading of it). The guard judges the frame as it stood at the click, not when the
 * click's message arrives: on a busy machine that can be long after the settle time a page's move started.
 */
export const framePoint = z.strictObject({
  x: z.number().check(z.minimum(0), z.maximum(10_000)),
  y: z.number().check(z.minimum(0), z.maximum(10_000)),
  at: z.int().check(z.positive()),
});
export type FramePoint = z.infer<typeof framePoint>;

/** The content script's judgement of a click: the shopper's own, on a frame in plain view that stayed put. */
const REFUSALS = ['covered', 'transparent', 'unsettled', 'disabled', 'gone', 'empty'] as const;
export const clickRefusal = z.enum(REFUSALS);
export type ClickRefusal = z.infer<typeof clickRefusal>;
export const clickVerdict = z.enum(['ok', ...REFUSALS]);
export type ClickVerdict = z.infer<typeof clickVerdict>;

/** The content script's answer to a check: the verdict, and for a click that counts on a frame whose purpose follows the page, that purpose now. */
export interface ClickJudgement {
  verdict: ClickVerdict;
  purpose?: InlinePurpose;
}

/** The background asks the content script that mounted a frame whether a click in it counts. */
export const inlineCheck = z.strictObject({ type: z.literal('inline.check'), token: inlineToken, point: framePoint });
export type InlineCheck = z.infer<typeof inlineCheck>;
