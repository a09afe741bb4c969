import * as z from 'zod/mini';
import { MAX_SPEEDUP, MIN_SPEEDUP, simulatedTimeAt } from './simulated-time';

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

/** Where simulated time stood at a real instant, and how fast it runs from there. */
export const clockAnchor = z.strictObject({
  realMs: z.int(),
  simulatedMs: z.int(),
  speedup: z.number().check(z.minimum(MIN_SPEEDUP), z.maximum(MAX_SPEEDUP)),
});
export type ClockAnchor = z.infer<typeof clockAnchor>;

/**
 * Simulated time for demos: real time sped up from an anchor. The anchor is kept by the caller
 * (the background stores it) so a restarted service worker carries on where time stood; changing
 * the speed re-anchors at the current simulated instant, so time never runs backwards.
 */
export function createDemoClock(anchor: ClockAnchor, realNow: () => number = () => Date.now()) {
  let current = anchor;
  const now = () => simulatedTimeAt(current, realNow());
  return {
    now,
    anchor: () => current,
    /** The real instant at which simulated time reaches `simulatedMs`, for real timers such as alarms. */
    realTimeOf: (simulatedMs: number) => current.realMs + Math.ceil((simulatedMs - current.simulatedMs) / current.speedup),
    setSpeedup(speedup: number): ClockAnchor {
      current = { realMs: realNow(), simulatedMs: Math.max(now(), current.simulatedMs), speedup };
      return current;
    },
    restore(stored: ClockAnchor) {
      current = stored;
    },
  };
}
export type DemoClock = ReturnType<typeof createDemoClock>;
