import { browser } from 'wxt/browser';
import { clockAnchor, createDemoClock, type ClockAnchor } from '@/lib/clock';
import { CLOCK_STORAGE_KEY as STORAGE_KEY } from '@/lib/simulated-time';

/**
 * The background's clock: real time until a demo speeds it up. Its anchor lives in local storage
 * so simulated time carries on across service-worker and browser restarts.
 */
export function createStoredClock() {
  const clock = createDemoClock({ realMs: Date.now(), simulatedMs: Date.now(), speedup: 1 });
  const ready = browser.storage.local.get(STORAGE_KEY).then((stored) => {
    const parsed = clockAnchor.safeParse(stored[STORAGE_KEY]);
    if (parsed.success) clock.restore(parsed.data);
  });
  return {
    clock,
    ready,
    async setSpeedup(speedup: number): Promise<ClockAnchor> {
      await ready;
      const anchor = clock.setSpeedup(speedup);
      await browser.storage.local.set({ [STORAGE_KEY]: anchor });
      return anchor;
    },
  };
}
