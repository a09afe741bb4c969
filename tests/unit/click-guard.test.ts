import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClickGuard } from '@/lib/inline/click-guard';
import { SETTLE_MS } from '@/lib/inline/click-rules';
import { parsePage } from '../fixtures/checkout/parse-page';

/**
 * The guard's wait, on its own clock: linkedom has no layout, so the frame's box is a fixed one and the browser is
 * one that reports occlusion itself (IntersectionObserver v2), which leaves the wait as the guard's own rule.
 */
describe('the click guard counts its settle time up to the click, not up to the check', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'performance', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    vi.stubGlobal(
      'IntersectionObserverEntry',
      class {
        isVisible = true;
      },
    );
    Object.defineProperty(IntersectionObserverEntry.prototype, 'isVisible', { value: true });
    for (const observer of ['IntersectionObserver', 'ResizeObserver'])
      vi.stubGlobal(
        observer,
        class {
          observe() {}
          disconnect() {}
        },
      );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function guarded() {
    const doc = parsePage('<!doctype html><html><body><div id="host"><iframe></iframe></div></body></html>');
    Object.defineProperty(doc, 'visibilityState', { value: 'visible' });
    // linkedom knows neither pseudo-class the guard counts open layers by: none are open.
    const query = doc.querySelectorAll.bind(doc);
    Object.defineProperty(doc, 'querySelectorAll', {
      value: (selector: string) => (selector.includes(':popover-open') ? [] : query(selector)),
    });
    const host = doc.getElementById('host')!;
    const box = { left: 10, top: 10, width: 300, height: 48, right: 310, bottom: 58, x: 10, y: 10 };
    host.getBoundingClientRect = () => box as DOMRect;
    const guard = createClickGuard(host, host.querySelector('iframe')!, {
      shadowRootOf: () => null,
      size: () => box,
      isOwnHost: () => false,
      yieldsNow: () => false,
    });
    // The guard's first look at the frame starts its wait.
    vi.advanceTimersByTime(SETTLE_MS);
    return guard;
  }

  /** Whether the guard held the click for its wait; past the wait come the looks at paint and cover, which linkedom cannot answer. */
  function wait(guard: ReturnType<typeof createClickGuard>, at: number): 'unsettled' | 'past the wait' {
    try {
      return guard.check({ x: 5, y: 5, at }) === 'unsettled' ? 'unsettled' : 'past the wait';
    } catch {
      return 'past the wait';
    }
  }

  it('refuses a click that came before the frame settled, though the check comes long after', () => {
    const guard = guarded();
    guard.moved();
    vi.advanceTimersByTime(50);
    const clickedAt = Date.now();
    // The click's message was slow to arrive (a busy background or page): the frame has now been still for longer than the wait.
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(wait(guard, clickedAt)).toBe('unsettled');
  });

  it('lets the wait pass for a click that came after the frame had settled, checked late or at once', () => {
    const guard = guarded();
    guard.moved();
    vi.advanceTimersByTime(SETTLE_MS + 10);
    const clickedAt = Date.now();
    expect(wait(guard, clickedAt)).toBe('past the wait');
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(wait(guard, clickedAt)).toBe('past the wait');
  });

  it('refuses a click checked after the frame moved again, and one stamped later than the check', () => {
    const guard = guarded();
    vi.advanceTimersByTime(SETTLE_MS + 10);
    const clickedAt = Date.now();
    guard.moved();
    expect(wait(guard, clickedAt)).toBe('unsettled');
    vi.advanceTimersByTime(100);
    expect(wait(guard, Date.now() + SETTLE_MS * 10)).toBe('unsettled');
  });
});
