/** A click the option accepts: the shopper's own, on a button drawn on top, opaque, and settled in place. */
export type ClickVerdict = 'ok' | 'covered' | 'transparent' | 'unsettled' | 'disabled';

const MIN_OPACITY = 0.9;
/** A button must stay put this long before a click on it counts, as IntersectionObserver v2 suggests. */
const SETTLE_MS = 500;
/** More forced re-shows than this in the window turn the option off for the page. */
const MAX_RESHOWS = 3;
const RESHOW_WINDOW_MS = 10_000;

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * Guards the injected option against clickjacking of the kind that hit password managers' autofill
 * in 2025: the page covering it with something else, making it (or its parents) transparent, or
 * hiding and re-showing it to time a click. Where the browser offers IntersectionObserver v2, its
 * occlusion check is used as well.
 */
export function createClickGuard(host: HTMLElement, now: () => number = () => performance.now()) {
  let settledSince = now();
  let reshows: number[] = [];
  let disabled = false;
  let occluded = false;

  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries as VisibilityEntry[]) if (entry.isVisible !== undefined) occluded = !entry.isVisible;
          },
          { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
        )
      : undefined;
  observer?.observe(host);

  function opacityOf(element: Element | null): number {
    let opacity = 1;
    for (let node = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || style.display === 'none') return 0;
      opacity *= Number(style.opacity);
      // In the top layer the page's ancestors no longer paint over or fade the option.
      if (node === host && host.matches(':popover-open')) break;
    }
    return opacity;
  }

  return {
    /** The option moved or was shown again: clicks wait for it to settle. */
    moved() {
      settledSince = now();
    },
    /** The page closed or removed the option and it was put back; too many times and it stays off. */
    reshown(): boolean {
      const at = now();
      reshows = [...reshows.filter((time) => at - time < RESHOW_WINDOW_MS), at];
      settledSince = at;
      if (reshows.length > MAX_RESHOWS) disabled = true;
      return disabled;
    },
    check(event: MouseEvent): ClickVerdict {
      if (disabled) return 'disabled';
      if (now() - settledSince < SETTLE_MS) return 'unsettled';
      if (occluded) return 'covered';
      const hit = host.ownerDocument.elementFromPoint(event.clientX, event.clientY);
      if (hit !== host) return 'covered';
      if (opacityOf(host) < MIN_OPACITY) return 'transparent';
      return 'ok';
    },
    stop() {
      observer?.disconnect();
    },
  };
}
