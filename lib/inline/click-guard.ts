import { allShadowRoots, type ShadowRootOpener } from '../checkout/composed-tree';
import type { ClickVerdict, FramePoint } from './click-check';
import { MAX_RESHOWS, MIN_OPACITY, RESHOW_WINDOW_MS, SETTLE_MS } from './click-rules';
import { watchMove } from './watch-move';

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

// The one filter on the whole page that keeps everything legible: the plain inversion dark-mode tools
// use. Any other (Firefox paints the top layer through the root's filter) may fade, blur or flood the
// wallet's frame into one colour.
const DARK_MODE_FILTER = /^invert\((1|100%)\)( hue-rotate\((180deg|0\.5turn)\))?$/;

const filterIsLegible = (filter: string): boolean => filter === 'none' || DARK_MODE_FILTER.test(filter);

/**
 * Whether an element of the wallet's (the host or its frame) is painted as it is: nothing the page
 * did to its style fades, clips, masks, blends, scales, rotates, moves or outlines it over.
 */
function paintedAsIs(element: Element): boolean {
  const view = element.ownerDocument.defaultView!;
  const visible =
    typeof element.checkVisibility !== 'function' ||
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  const style = view.getComputedStyle(element);
  const after = view.getComputedStyle(element, '::after');
  const before = view.getComputedStyle(element, '::before');
  return (
    visible &&
    style.visibility === 'visible' &&
    Number(style.opacity) >= MIN_OPACITY &&
    style.filter === 'none' &&
    style.mixBlendMode === 'normal' &&
    style.clipPath === 'none' &&
    (style.clip === 'auto' || style.clip === '') &&
    style.maskImage === 'none' &&
    (style.getPropertyValue('mask-border-source') || 'none') === 'none' &&
    (style.getPropertyValue('-webkit-mask-box-image-source') || 'none') === 'none' &&
    style.transform === 'none' &&
    style.translate === 'none' &&
    style.rotate === 'none' &&
    style.scale === 'none' &&
    (style.getPropertyValue('offset-path') || 'none') === 'none' &&
    (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) &&
    // Rounded (or scooped) corners clip the frame inside to whatever shape they leave.
    ['borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomLeftRadius', 'borderBottomRightRadius'].every(
      (corner) => parseFloat(style[corner as 'borderTopLeftRadius']) === 0,
    ) &&
    style.contentVisibility !== 'hidden' &&
    // A pseudo-element of the host would be painted over the frame inside it.
    [before, after].every((pseudo) => pseudo.content === 'none' || pseudo.content === 'normal' || pseudo.display === 'none')
  );
}

/** The root element's effects reach the top layer in Firefox: none may fade or hide what the shopper sees. */
function rootIsLegible(root: Element): boolean {
  const style = root.ownerDocument.defaultView!.getComputedStyle(root);
  return (
    Number(style.opacity) >= MIN_OPACITY &&
    filterIsLegible(style.filter) &&
    style.clipPath === 'none' &&
    style.maskImage === 'none' &&
    (style.getPropertyValue('mask-border-source') || 'none') === 'none' &&
    (style.getPropertyValue('-webkit-mask-box-image-source') || 'none') === 'none' &&
    style.mixBlendMode === 'normal'
  );
}

/** The document and every shadow root in it, closed ones of any element included, nested ones too. */
const rootsOf = (document: Document, shadowRootOf: ShadowRootOpener) => [document, ...allShadowRoots(document, shadowRootOf)];

/** Every element the page put in the top layer (popovers, modal dialogs, full screen), in any shadow root. */
function topLayerElements(document: Document, shadowRootOf: ShadowRootOpener): Element[] {
  const found: Element[] = [];
  for (const root of rootsOf(document, shadowRootOf))
    for (const selector of [':popover-open', ':modal', ':fullscreen']) {
      try {
        found.push(...root.querySelectorAll(selector));
      } catch {
        // A pseudo-class this browser does not know cannot have put anything in its top layer.
      }
    }
  return found;
}

/**
 * Whether a view transition runs: the browser draws the page's snapshots over everything, the top layer included, with
 * no element of the page's to stand for them. Firefox names it only on the document, not by the pseudo-class.
 */
const inViewTransition = (document: Document) =>
  ((document as Document & { activeViewTransition?: unknown }).activeViewTransition ?? null) !== null ||
  unlistedTopLayer(document, [':active-view-transition']);

/** What a page can draw in the top layer with no element of its own there to find: a view transition, a select's picker. */
function unlistedTopLayer(document: Document, selectors = [':active-view-transition', 'select:open']): boolean {
  return selectors.some((selector) => {
    try {
      return document.querySelector(selector) !== null || document.documentElement.matches(selector);
    } catch {
      // A browser that does not know the pseudo-class has no such layer to draw.
      return false;
    }
  });
}

/**
 * The tree the host stands in: the document, or the shadow root of the page's web component that holds the card form
 * it is mounted beside. Asked there, a hit on the host is the host; asked of the document, it would be the component.
 */
const treeOf = (host: Element) => host.getRootNode() as Document | ShadowRoot;

/** The page's open popovers and dialogs, counted in a look: a change of the count restarts the wait. */
const OPEN_LAYERS = ':popover-open, dialog[open]';

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** How far an element's shadow and outline paint beyond its box. */
function paintReach(style: CSSStyleDeclaration): number {
  let reach = style.outlineStyle === 'none' ? 0 : Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset || '0'));
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
    const [x = 0, y = 0, blur = 0, spread = 0] = [...shadow.replace(/rgba?\([^)]*\)/g, '').matchAll(/(-?[\d.]+)px/g)].map((match) =>
      Math.abs(Number(match[1])),
    );
    reach = Math.max(reach, Math.max(x, y) + blur + spread);
  }
  return reach;
}

/** Descendants of another top-layer element looked at before it counts as over the frame anyway. */
const MAX_TOP_LAYER_DESCENDANTS = 2_000;

/**
 * Whether another element of the top layer paints over `box`: its backdrop (which spans the viewport), its
 * box with its shadow and outline, or any of its descendants, which may overflow it.
 */
function paintsOver(element: Element, box: Box): boolean {
  const view = element.ownerDocument.defaultView!;
  const backdrop = view.getComputedStyle(element, '::backdrop');
  if (backdrop.display !== 'none' && (backdrop.backgroundColor !== 'rgba(0, 0, 0, 0)' || backdrop.backgroundImage !== 'none')) return true;
  const style = view.getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const reach = paintReach(style);
  if (overlaps({ left: rect.left - reach, top: rect.top - reach, right: rect.right + reach, bottom: rect.bottom + reach }, box))
    return true;
  const descendants = element.querySelectorAll('*');
  if (descendants.length > MAX_TOP_LAYER_DESCENDANTS) return true;
  return [...descendants].some((descendant) => overlaps(descendant.getBoundingClientRect(), box));
}
/** How often the page's shadow roots are found again, where the guard looks for popovers in them itself. */
const SHADOW_ROOTS_MS = 500;

/** How often the page's open popovers and dialogs are counted where the browser reports the rest of how the frame shows. */
const LAYERS_LOOK_MS = 100;

const boxKey = (box: DOMRect) => `${box.left},${box.top},${box.width},${box.height}`;

/**
 * Guards the wallet's frame on a store page against clickjacking of the kind that hit password
 * managers' inline menus in 2025: the page covering the frame (with its own top-layer elements too),
 * fading, clipping, masking, blending or transforming it, moving or scrolling it under the pointer,
 * or hiding and re-showing it to time a click. A click counts only on a frame that has been in plain
 * view, in the same place, for the settle time. Where the browser offers IntersectionObserver v2, its
 * occlusion check applies as well.
 */
export function createClickGuard(
  host: HTMLElement,
  frame: HTMLIFrameElement,
  {
    shadowRootOf,
    size,
    isOwnHost,
    yieldsNow,
  }: {
    shadowRootOf: ShadowRootOpener;
    size: () => { width: number; height: number };
    /** Whether an element is the host of another of the wallet's frames on this page, as mounted, not as the page marks it. */
    isOwnHost: (element: Element) => boolean;
    /** Whether an element is the host of another of the wallet's frames that the wallet hid (its host and all it holds). */
    yieldsNow: (element: Element) => boolean;
  },
) {
  const now = () => performance.now();
  let settledSince = now();
  let reshows: number[] = [];
  let disabled = false;
  let occluded = false;
  let lastBox = '';

  // Any change of whether, or how much of, the frame shows restarts the settle time: a page cannot
  // reveal it under the pointer just before a click. The frame is watched as well as its host: to the
  // browser, a pseudo-element the page gives the host is the host itself, but it covers the frame.
  const browserTracksVisibility = typeof IntersectionObserverEntry === 'function' && 'isVisible' in IntersectionObserverEntry.prototype;
  const hidden = new Map<Element, boolean>();
  const reported = new WeakSet<Element>();
  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            let changed = false;
            for (const entry of entries as VisibilityEntry[]) {
              if (entry.isVisible !== undefined) hidden.set(entry.target, !entry.isVisible);
              // Each target's first report is how it starts, not a change: the wait began when the frame was made.
              // A late first report on a busy page would otherwise restart the wait under a shopper's settled click.
              changed ||= reported.has(entry.target);
              reported.add(entry.target);
            }
            occluded = [...hidden.values()].some(Boolean);
            if (occluded) raiseAbovePageLayersApart();
            if (changed) moved();
          },
          { threshold: [0, 0.5, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
        )
      : undefined;
  observer?.observe(host);
  observer?.observe(frame);

  /**
   * The wallet's own other frames (a fill offer for each card form) paint nothing outside their boxes unless the
   * page restyled them, which the look at their paint and their shadows catches. One the wallet hid, yielding to the
   * page, paints nothing at all.
   */
  const ownApart = (element: Element, hostBox: Box) =>
    isOwnHost(element) && (yieldsNow(element) || (paintedAsIs(element) && !paintsOver(element, hostBox)));

  // The browser counts any later element of the top layer as over the frame, wherever it stands (its backdrop spans
  // the window, though it draws nothing; the wallet's own frames have none): a toast or a chat window the page opens
  // anywhere had every click refused while it stayed open. Where none of the page's layers reaches the frame's box,
  // the frame goes back on top of them, and the browser reports afresh what is over it; what the page then puts above
  // it again is reported in turn. Only where the browser reports occlusion: elsewhere nothing tells which layer is on
  // top, and any of the page's keeps clicks refused.
  let raises: number[] = [];
  let raiseLater: ReturnType<typeof setTimeout> | undefined;
  function raiseAbovePageLayersApart(): void {
    const document = host.ownerDocument;
    if (!host.matches(':popover-open') || unlistedTopLayer(document)) return;
    const hostBox = host.getBoundingClientRect();
    const pageLayers = topLayerElements(document, shadowRootOf).filter((element) => element !== host && !ownApart(element, hostBox));
    // Over a modal dialog the frame would be drawn but inert, as all the page is but the dialog.
    if (pageLayers.length === 0 || pageLayers.some((element) => element.matches(':modal') || paintsOver(element, hostBox))) return;
    // A page that keeps putting its layer back above the frame is not raced for long: its layer stays over it until
    // the first of the last raises is old enough, and the frame is put on top again then if the layer still is apart.
    const at = now();
    raises = raises.filter((time) => at - time < RESHOW_WINDOW_MS);
    if (raises.length >= MAX_RESHOWS) {
      clearTimeout(raiseLater);
      raiseLater = setTimeout(() => occluded && raiseAbovePageLayersApart(), raises[0]! + RESHOW_WINDOW_MS - at);
      return;
    }
    raises.push(at);
    host.hidePopover();
    host.showPopover();
    // To the shopper the frame has just come into view over the page's layer: a click waits for it to settle.
    moved();
  }

  function moved() {
    lastBox = boxKey(host.getBoundingClientRect());
    settledSince = now();
  }

  /**
   * How the frame looks: where it is and, unless the browser reports it through IntersectionObserver v2
   * (which announces, within 100 ms, anything drawn over the frame and any fading, filter, clip, mask,
   * blend or transform of it but a move), whether the page lets it paint as it is, whether a click at its
   * middle reaches it, and how many of the page's popovers and dialogs are open. A page that moves,
   * reveals or uncovers the frame before a click has the wait start over, and the look is taken again at
   * the click, so a change after the last look counts too.
   */
  function look(): string {
    const document = host.ownerDocument;
    // The browser reports a popover over the frame only after its delay: the page's own are counted at once. Its box
    // is watched for moves (below), with no read of the page's layout while it stays put.
    if (browserTracksVisibility) return `${document.querySelectorAll(OPEN_LAYERS).length}|${inViewTransition(document)}`;
    const box = host.getBoundingClientRect();
    const middle = treeOf(host).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host;
    const painted = paintedAsIs(host) && paintedAsIs(frame) && rootIsLegible(document.documentElement);
    return `${boxKey(box)}|${middle}|${painted}|${openTopLayer()}|${inViewTransition(document)}`;
  }

  // The page's roots, found again twice a second: a decoy in a shadow root is there long before it is taken away, so
  // the look sees it go. Walking every element on every frame would cost a busy page.
  let roots: (Document | ShadowRoot)[] = [];
  let rootsFoundAt = -Infinity;
  /** How many of the page's popovers and dialogs are open, in its document and in every shadow root. */
  function openTopLayer(): number {
    if (now() - rootsFoundAt > SHADOW_ROOTS_MS) {
      rootsFoundAt = now();
      roots = rootsOf(host.ownerDocument, shadowRootOf);
    }
    return roots.reduce((open, root) => open + root.querySelectorAll(OPEN_LAYERS).length, 0);
  }

  let looked = '';
  // A page the shopper could not see (a tab behind another) shows the frame to no one: it waits again once shown.
  let wasHidden = false;
  const lookAgain = () => {
    if (!host.isConnected) return;
    if (host.ownerDocument.visibilityState !== 'visible') {
      wasHidden = true;
      return;
    }
    if (wasHidden) {
      wasHidden = false;
      moved();
    }
    const seen = look();
    if (seen !== looked) {
      looked = seen;
      moved();
    }
  };
  // Where the browser reports all but the frame's place, the browser tells of every move of the frame's box as it is
  // drawn, and a look is only the page's open layers counted, ten times a second: neither reads the page's layout, so
  // a page that keeps changing its DOM pays nothing for them. Elsewhere the whole look is taken on every animation frame.
  let watching = 0;
  let watchingTimer: ReturnType<typeof setInterval> | undefined;
  let unwatchMove = () => {};
  if (browserTracksVisibility) {
    watchingTimer = setInterval(lookAgain, LAYERS_LOOK_MS);
    unwatchMove = watchMove(host, moved);
  } else {
    const watch = () => {
      lookAgain();
      watching = requestAnimationFrame(watch);
    };
    watching = requestAnimationFrame(watch);
  }

  // The frame's place is compared at the check as well: a move nothing announced still restarts the wait. The wait
  // is counted up to the click itself (`clickedAt`, brought onto this clock), so a check that comes late cannot ripen it.
  function unsettled(clickedAt: number): boolean {
    if (boxKey(host.getBoundingClientRect()) !== lastBox) moved();
    lookAgain();
    return Math.min(clickedAt, now()) - settledSince < SETTLE_MS;
  }

  function looksAsGiven(): boolean {
    const box = host.getBoundingClientRect();
    const inner = frame.getBoundingClientRect();
    const expected = size();
    const same = (a: number, b: number) => Math.abs(a - b) < 1;
    // A page that zooms or squeezes the frame's ancestors shows it at another size than the wallet gave it;
    // one that lays the host out in columns or another writing mode leaves the frame a sliver of it.
    return (
      same(box.width, expected.width) &&
      same(box.height, expected.height) &&
      same(inner.left, box.left) &&
      same(inner.top, box.top) &&
      same(inner.width, box.width) &&
      same(inner.height, box.height)
    );
  }

  return {
    /** The frame moved, was restyled by the page and put back, or shown again: clicks wait for it to settle. */
    moved,
    /** The page closed or removed the frame and it was put back; too many times and it stays off. */
    reshown(): boolean {
      const at = now();
      reshows = [...reshows.filter((time) => at - time < RESHOW_WINDOW_MS), at];
      settledSince = at;
      if (reshows.length > MAX_RESHOWS) disabled = true;
      return disabled;
    },
    /** Judges a click at `point` inside the frame. */
    check(point: FramePoint): ClickVerdict {
      if (disabled) return 'disabled';
      if (!host.isConnected) return 'gone';
      if (unsettled(now() - Math.max(0, Date.now() - point.at))) return 'unsettled';
      if (inViewTransition(host.ownerDocument)) return 'covered';
      const document = host.ownerDocument;
      const hostBox = host.getBoundingClientRect();
      const layers = topLayerElements(document, shadowRootOf).filter((element) => element !== host);
      const others = layers.filter((element) => !ownApart(element, hostBox));
      // The browser counts any later element of the top layer with a backdrop as over the frame, wherever it stands:
      // where all there is are the wallet's own frames, apart from this one (a page may yet give them a backdrop's
      // look), and nothing the page draws in the top layer without an element to show for it (a view transition, a
      // select's picker), it is not.
      if (occluded && !(layers.length > 0 && others.length === 0 && !unlistedTopLayer(document))) return 'covered';
      if (!paintedAsIs(host) || !paintedAsIs(frame) || !rootIsLegible(document.documentElement) || !looksAsGiven()) return 'transparent';
      const box = frame.getBoundingClientRect();
      const x = box.left + point.x;
      const y = box.top + point.y;
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) return 'covered';
      if (treeOf(host).elementFromPoint(x, y) !== host) return 'covered';
      // Another top-layer element over the frame may let clicks through (pointer-events: none) while hiding it.
      // Where the browser reports no occlusion, any other element of the top layer counts as over the frame: it can
      // paint far outside its box (its pseudo-elements, filters, shadows of its text, an outset border image, its
      // backdrop), which no measure of boxes can bound.
      if (others.length > 0 && !browserTracksVisibility) return 'covered';
      if (others.some((element) => paintsOver(element, hostBox))) return 'covered';
      return 'ok';
    },
    stop() {
      observer?.disconnect();
      cancelAnimationFrame(watching);
      clearInterval(watchingTimer);
      clearTimeout(raiseLater);
      unwatchMove();
    },
  };
}
