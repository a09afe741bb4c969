/** The one source of time for everything time-based, so tests and demos never sleep. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests. */
export function createManualClock(start: number) {
  let current = start;
  return {
    now: () => current,
    set(timestamp: number) {
      current = timestamp;
    },
    advance(durationMs: number) {
      current += durationMs;
    },
  };
}
export type ManualClock = ReturnType<typeof createManualClock>;
