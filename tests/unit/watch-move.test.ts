import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMove } from '@/lib/inline/watch-move';

/** The observers the watcher made, with what it asked of each; `report` is the browser telling it the share in view. */
type Watched = { rootMargin: string; threshold: number[]; observing: boolean; report(share: number): void };

describe('watchMove tells of an element that moves, from the browser’s reports alone', () => {
  let made: Watched[];
  let box: { left: number; top: number; width: number; height: number };
  /** The browser telling the watcher of the element's size, as it does once when watching starts. */
  let resize: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    made = [];
    box = { left: 10, top: 20, width: 100, height: 50 };
    resize = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          resize = callback;
        }
        observe() {
          resize();
        }
        disconnect() {
          resize = () => {};
        }
      },
    );
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private readonly watched: Watched;
        constructor(callback: (entries: { intersectionRatio: number }[]) => void, options: IntersectionObserverInit) {
          this.watched = {
            rootMargin: options.rootMargin!,
            threshold: [options.threshold!].flat(),
            observing: false,
            report: (share) => callback([{ intersectionRatio: share }]),
          };
          made.push(this.watched);
        }
        observe() {
          this.watched.observing = true;
        }
        disconnect() {
          this.watched.observing = false;
        }
      },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const element = () =>
    ({
      isConnected: true,
      ownerDocument: { documentElement: { clientWidth: 800, clientHeight: 600 } },
      getBoundingClientRect: () => ({ ...box }),
    }) as unknown as Element;

  it('fits the window to the element’s box and reports nothing while the whole box stays in it', () => {
    const moved = vi.fn();
    watchMove(element(), moved);
    const watching = made.filter((watched) => watched.observing);
    expect(watching).toHaveLength(1);
    // Top, right, bottom and left insets of a 100 × 50 box at (10, 20) in an 800 × 600 window.
    expect(watching[0]).toMatchObject({ rootMargin: '-20px -690px -530px -10px', threshold: [1] });
    watching[0]!.report(1);
    expect(moved).not.toHaveBeenCalled();
  });

  it('says the element moved when it changes size, and watches one that had no area from when it has one', () => {
    box = { ...box, width: 0 };
    const moved = vi.fn();
    watchMove(element(), moved);
    expect(made).toHaveLength(0);
    box = { ...box, width: 300 };
    resize();
    expect(moved).toHaveBeenCalledTimes(1);
    expect(made.at(-1)).toMatchObject({ rootMargin: '-20px -490px -530px -10px', observing: true });
  });

  it('says the element moved when the share changes, and fits a new window to where it is now', () => {
    const moved = vi.fn();
    watchMove(element(), moved);
    made[0]!.report(1);
    box = { ...box, top: 140 };
    made[0]!.report(0.4);
    expect(moved).toHaveBeenCalledTimes(1);
    expect(made[0]!.observing).toBe(false);
    expect(made[1]).toMatchObject({ rootMargin: '-140px -690px -410px -10px', threshold: [1], observing: true });
  });

  it('watches the share a scrolling box shows of an element it cuts, a hair either side of it', () => {
    const moved = vi.fn();
    watchMove(element(), moved);
    made[0]!.report(0.5);
    expect(moved).not.toHaveBeenCalled();
    expect(made[1]!.threshold[0]).toBeCloseTo(0.499);
    expect(made[1]!.threshold[1]).toBeCloseTo(0.501);
    made[1]!.report(0.5);
    made[1]!.report(0.8);
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('watches a box the browser finds a hair short of whole either side of that share, so a move past it is heard', () => {
    const moved = vi.fn();
    watchMove(element(), moved);
    made[0]!.report(0.9999);
    expect(made[1]!.threshold[0]).toBeCloseTo(0.9989);
    expect(made[1]!.threshold[1]).toBe(1);
    made[1]!.report(0.9999);
    made[1]!.report(0.7);
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('looks again in a while at an element wholly cut off, and watches nothing of one without area', () => {
    watchMove(element(), vi.fn());
    made[0]!.report(0);
    expect(made).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(made).toHaveLength(2);
    box = { ...box, height: 0 };
    made[1]!.report(0);
    vi.advanceTimersByTime(1_000);
    expect(made).toHaveLength(2);
  });

  it('stops watching when told', () => {
    const moved = vi.fn();
    const stop = watchMove(element(), moved);
    made[0]!.report(1);
    stop();
    expect(made[0]!.observing).toBe(false);
  });
});
