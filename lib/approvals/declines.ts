import * as z from 'zod/mini';

/** How often the shopper said no to a shop's own requests, and until when the shop must wait. */
export const declineRecord = z.strictObject({ declines: z.int().check(z.minimum(1)), at: z.number(), until: z.number() });
export type DeclineRecord = z.infer<typeof declineRecord>;

export const FIRST_COOLDOWN_MS = 10_000;
export const MAX_COOLDOWN_MS = 10 * 60_000;
/** After this long without a decline, a shop starts again from the first, short cool-down. */
export const DECLINES_FORGOTTEN_AFTER_MS = 60 * 60_000;

/** The wait after the nth decline: it doubles each time, so a page that asks again and again soon opens nothing. */
export const cooldownAfter = (declines: number): number => Math.min(FIRST_COOLDOWN_MS * 2 ** (declines - 1), MAX_COOLDOWN_MS);

/** The shop's record once the shopper declined another of its requests at `now`. */
export function declined(record: DeclineRecord | undefined, now: number): DeclineRecord {
  const declines = record && now - record.at < DECLINES_FORGOTTEN_AFTER_MS ? record.declines + 1 : 1;
  return { declines, at: now, until: now + cooldownAfter(declines) };
}

/** Milliseconds the shop must still wait before the wallet asks the shopper for it again, or 0. */
export const waitLeft = (record: DeclineRecord | undefined, now: number): number => Math.max(0, (record?.until ?? 0) - now);
