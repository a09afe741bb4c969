/**
 * How long an element wholly out of view waits before it is looked at again: no share of it is in view to change.
 */
const OUT_OF_VIEW_RETRY_MS = 1_000;

/** A change of the share of the box in view smaller than this is no move: a tenth of a percent of its area. */
const HAIR = 0.001;

/**
 * Calls `moved` whenever `element`'s box moves or changes size on screen, for any reason: the page's DOM or styles, an
 * animation, an image loading above it, a scroll. Nothing reads the page's layout while the element stays put, so a
 * page that keeps changing its DOM elsewhere (a ticker, a countdown) pays nothing for it.
 *
 * The browser tells: an IntersectionObserver whose root is the window shrunk, by its margins, to the element's own box
 * sees the element's whole box in it (or, where scrolling boxes cut it, the share they show) until it moves; then the
 * share changes, the observer reports, and a new one is fitted to the new box. One report a move, after the frame that
 * moved it is drawn.
 */
export function watchMove(element: Element, moved: () => void): () => void {
  let observer: IntersectionObserver | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(retry);
  };

  /**
   * Fits an observer to the element's box as it is now. `share` is how much of the box was in view at the last report:
   * all of it, or what scrolling boxes around it show; a move past a hair either side of it is reported.
   */
  const fit = (share = 1) => {
    stop();
    if (stopped || !element.isConnected) return;
    const document = element.ownerDocument;
    const { left, top, width, height } = element.getBoundingClientRect();
    // An element with no area has no share to watch: it is fitted again once it has a size.
    if (width <= 0 || height <= 0) return;
    const { clientWidth, clientHeight } = document.documentElement;
    const inset = [top, clientWidth - (left + width), clientHeight - (top + height), left];
    // Whole pixels, rounded towards the window's edges: the root always holds the whole box.
    const rootMargin = inset.map((px) => `${-Math.floor(px)}px`).join(' ');
    const threshold = share >= 1 ? [1] : [Math.max(share - HAIR, HAIR / 2), Math.min(share + HAIR, 1)];
    let first = true;
    observer = new IntersectionObserver(
      ([entry]) => {
        const now = entry?.intersectionRatio ?? 0;
        if (!first) {
          moved();
          return fit();
        }
        first = false;
        if (now === share) return;
        // Cut by a scrolling box, or a hair short of the whole box where the browser rounds the box and the root apart
        // (Firefox lays out in sixtieths of a pixel): watch the share it shows now, or a move that keeps the share
        // under the one threshold would go unheard. Wholly cut off: look again in a while.
        if (now > 0) fit(now);
        else retry = setTimeout(() => fit(), OUT_OF_VIEW_RETRY_MS);
      },
      { root: document, rootMargin, threshold },
    );
    observer.observe(element);
  };

  // A box that grows or shrinks inside the window fitted to it may keep its whole share in it: the browser's report of
  // its new size tells instead. Its first report, once the element is laid out, is the size it starts with: the
  // first window is fitted then, and an element with no area yet is fitted once it has one.
  let sized = false;
  const resized = new ResizeObserver(() => {
    if (sized) moved();
    sized = true;
    fit();
  });
  resized.observe(element);
  return () => {
    stopped = true;
    resized.disconnect();
    stop();
  };
}
