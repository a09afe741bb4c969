/**
 * Simulated time's arithmetic, apart from the clock's schema so the popup can tell the wallet's
 * time without loading zod (its bundle budget has no room for it).
 */
/**
 * How much faster than real time the demo clock may run: 1 is real time; at the most, a year of
 * the account's life (inactivity after 12 months) passes in a few seconds.
 */
export const MIN_SPEEDUP = 1;
export const MAX_SPEEDUP = 10_000_000;

export interface TimeAnchor {
  realMs: number;
  simulatedMs: number;
  speedup: number;
}

/** Where simulated time stands at a real instant: real time since the anchor, sped up. */
export const simulatedTimeAt = (anchor: TimeAnchor, realMs: number): number =>
  Math.floor(anchor.simulatedMs + (realMs - anchor.realMs) * anchor.speedup);

/**
 * The anchor the background stored, checked field by field as `clockAnchor` does; anything else
 * means real time, the clock's own default.
 */
export function storedTimeAnchor(value: unknown): TimeAnchor | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { realMs, simulatedMs, speedup, ...rest } = value as Record<string, unknown>;
  const valid =
    Object.keys(rest).length === 0 &&
    Number.isSafeInteger(realMs) &&
    Number.isSafeInteger(simulatedMs) &&
    typeof speedup === 'number' &&
    speedup >= MIN_SPEEDUP &&
    speedup <= MAX_SPEEDUP;
  return valid ? { realMs: realMs as number, simulatedMs: simulatedMs as number, speedup } : undefined;
}

/** Where the background keeps the anchor in `storage.local`. */
export const CLOCK_STORAGE_KEY = 'clock';
