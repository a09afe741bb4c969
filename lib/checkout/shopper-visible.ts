import { holds, inTreeOf } from './composed-tree';
import { standInFor, whyUnfillable, withFrames } from './fillable';
import { perTask } from './per-task';

// Whether the shopper can see and use a field, as the browser lays the page out. The detectors judge by
// attributes alone; a page hides look-alike fields with its stylesheet, so before the wallet offers to
// fill, and again before it fills, each field is checked here. Every check leans towards "hidden": a
// field the wallet cannot be sure the shopper sees is left for the shopper to type.

/** Narrower or lower than this, a field is a speck no one reads or clicks (the 1×1 "sr-only" pattern, a field scaled down). */
const MIN_WIDTH_PX = 12;
const MIN_HEIGHT_PX = 10;
/** Text smaller than this, or with less contrast against what is behind it, cannot be read. */
const MIN_FONT_PX = 6;
const MIN_CONTRAST = 1.5;
/** A page with more elements than this is not searched for layers over its fields; the other checks still apply. */
const MAX_SCANNED_ELEMENTS = 20_000;
/** Fainter than this, counting every ancestor's opacity and opacity filter, a field is too faint to read. */
const MIN_OPACITY = 0.5;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
type Interval = [number, number];

const NOTHING: Box = { left: 0, top: 0, right: 0, bottom: 0 };
const EVERYWHERE: Interval = [-Infinity, Infinity];

const isBig = (box: Box) => box.right - box.left >= MIN_WIDTH_PX && box.bottom - box.top >= MIN_HEIGHT_PX;
const area = (box: Box) => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);

function within(box: Box, clip: Box): Box {
  return {
    left: Math.max(box.left, clip.left),
    right: Math.min(box.right, clip.right),
    top: Math.max(box.top, clip.top),
    bottom: Math.min(box.bottom, clip.bottom),
  };
}

/** The parent in the tree the browser lays out: a slotted element's slot, a shadow root's host; null above the root. */
function layoutParent(node: Element): Element | null {
  const parent = node.assignedSlot ?? node.parentNode;
  if (parent?.nodeType === Node.ELEMENT_NODE) return parent as Element;
  return parent?.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (parent as ShadowRoot).host : null;
}

function isRendered(element: Element, view: Window): boolean {
  if (typeof element.checkVisibility === 'function') {
    return element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true });
  }
  // Older browsers: no boxes means display:none here or above; visibility is inherited. Opacity is added up in `whyHiddenInDocument`.
  return element.getClientRects().length > 0 && view.getComputedStyle(element).visibility === 'visible';
}

/** The element's own opacity times that of its opacity() filters. */
function opacityOf(style: CSSStyleDeclaration): number {
  let opacity = Number(style.opacity || 1);
  for (const [, amount, percent] of style.filter.matchAll(/opacity\(\s*([\d.]+)(%)?\s*\)/g)) {
    opacity *= Number(amount) / (percent ? 100 : 1);
  }
  return opacity;
}

// Filters that leave what they draw legible: opacity() is added up with opacity, a drop shadow only adds a
// shadow, and a plain inversion (with its hue turned back) is what dark-mode tools put on whole pages. Any
// other (brightness, contrast, blur, an SVG filter) may wash a field out to nothing.
const LEGIBLE_FILTER = /^(opacity\([^)]*\)|drop-shadow\(.*\)|invert\((1|100%)\)|hue-rotate\((180deg|0\.5turn)\))$/;

function hidesByEffect(style: CSSStyleDeclaration): string | undefined {
  if (style.mixBlendMode !== 'normal') return 'blended';
  const filters = style.filter === 'none' ? [] : (style.filter.match(/[\w-]+\((?:[^()]|\([^()]*\))*\)|url\([^)]*\)/g) ?? [style.filter]);
  return filters.every((part) => LEGIBLE_FILTER.test(part)) ? undefined : 'filtered';
}

/** An sRGB colour's channels and alpha, from the `rgb()`/`rgba()` a computed style gives; undefined for any other form. */
function rgba(colour: string): [number, number, number, number] | undefined {
  const parts = /^rgba?\(([^)]*)\)$/
    .exec(colour.trim())?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) return undefined;
  const [red = 0, green = 0, blue = 0, alpha = 1] = parts;
  return [red, green, blue, alpha];
}

/** WCAG's relative luminance of an opaque colour. */
function luminance([red, green, blue]: [number, number, number, number]): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** The first opaque background behind the element, or undefined when an image (or nothing readable) is behind it. */
function backgroundBehind(element: Element, view: Window): [number, number, number, number] | undefined {
  for (let node: Element | null = element; node; node = layoutParent(node)) {
    const style = view.getComputedStyle(node);
    if (style.backgroundImage !== 'none') return undefined;
    const colour = rgba(style.backgroundColor);
    if (colour && colour[3] >= 0.9) return colour;
  }
  // Nothing painted: the canvas, white unless the page is in a dark colour scheme.
  return view.matchMedia('(prefers-color-scheme: dark)').matches ? undefined : [255, 255, 255, 1];
}

/** Whether the text typed into the field can be read: a visible colour, a size, and contrast with what is behind it. */
function isLegible(field: Element, view: Window): boolean {
  const style = view.getComputedStyle(field);
  if (parseFloat(style.fontSize) < MIN_FONT_PX) return false;
  const text = rgba(style.getPropertyValue('-webkit-text-fill-color') || style.color) ?? rgba(style.color);
  if (!text) return true;
  if (text[3] < 0.3) return false;
  const behind = backgroundBehind(field, view);
  if (!behind) return true;
  const [lighter, darker] = [luminance(text), luminance(behind)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05) >= MIN_CONTRAST;
}

/**
 * What an element's clip-path leaves of its box. An inset() is measured; any other shape, or one given in
 * terms this cannot read, counts as leaving nothing.
 */
function clipPathBox(value: string, rect: DOMRect): Box | undefined {
  if (value === 'none') return undefined;
  const inset = /^inset\(\s*([^)]*?)(?:\s+round\s[^)]*)?\)/.exec(value)?.[1]?.split(/\s+/);
  if (!inset || inset.length > 4) return NOTHING;
  const [top = '', right = top, bottom = top, left = right] = inset;
  const px = (part: string, size: number) => {
    const length = /^(-?[\d.]+)(px|%)$/.exec(part);
    return length ? Number(length[1]) * (length[2] === '%' ? size / 100 : 1) : NaN;
  };
  const box = {
    left: rect.left + px(left, rect.width),
    right: rect.right - px(right, rect.width),
    top: rect.top + px(top, rect.height),
    bottom: rect.bottom - px(bottom, rect.height),
  };
  return Object.values(box).some(Number.isNaN) ? NOTHING : box;
}

/** What the old `clip: rect(top, right, bottom, left)` leaves of an absolutely placed element's box. */
function clipRectBox(style: CSSStyleDeclaration, rect: DOMRect): Box | undefined {
  const sides = /^rect\((.*)\)$/.exec(style.getPropertyValue('clip'))?.[1]?.split(/\s*,\s*|\s+/);
  if (!sides || !/^(absolute|fixed)$/.test(style.position)) return undefined;
  const [top, right, bottom, left] = sides.map((side) => (side === 'auto' ? undefined : parseFloat(side)));
  return {
    left: rect.left + (left ?? 0),
    top: rect.top + (top ?? 0),
    right: right === undefined ? rect.right : rect.left + right,
    bottom: bottom === undefined ? rect.bottom : rect.top + bottom,
  };
}

/**
 * Where along one axis a box that clips its content shows it: all that scrolling reaches when the box
 * scrolls and is itself big enough to scroll through, otherwise only what is in its window now.
 */
function reach(
  overflow: string,
  start: number,
  size: number,
  scrolled: number,
  scrollSize: number,
  reversed: boolean,
  now = false,
): Interval {
  if (overflow === 'visible') return EVERYWHERE;
  if (now || (overflow !== 'auto' && overflow !== 'scroll') || size < MIN_HEIGHT_PX) return [start, start + size];
  // Right-to-left boxes start scrolled to their right end, and their content overflows to the left.
  const from = start - scrolled - (reversed ? scrollSize - size : 0);
  return [from, from + scrollSize];
}

/**
 * What an ancestor's overflow (or paint containment) lets show of its content: all it can be scrolled to (`reach`)
 * and what its window shows as it is scrolled now (`now`); undefined when it shows all.
 */
function overflowBoxes(node: Element, style: CSSStyleDeclaration, rect: DOMRect): { reach: Box; now: Box } | undefined {
  // Overflow does not apply to inline boxes, and the root's and the body's go to the viewport (`documentReach`).
  if (style.display === 'inline' || node === node.ownerDocument.documentElement || node === node.ownerDocument.body) return undefined;
  const contained = /\b(paint|strict|content)\b/.test(style.contain);
  const left = rect.left + node.clientLeft;
  const top = rect.top + node.clientTop;
  const rtl = style.direction === 'rtl';
  const box = (now: boolean): Box => {
    const [x0, x1] = reach(contained ? 'clip' : style.overflowX, left, node.clientWidth, node.scrollLeft, node.scrollWidth, rtl, now);
    const [y0, y1] = reach(contained ? 'clip' : style.overflowY, top, node.clientHeight, node.scrollTop, node.scrollHeight, false, now);
    return { left: x0, right: x1, top: y0, bottom: y1 };
  };
  return { reach: box(false), now: box(true) };
}

/**
 * Where the shopper can scroll the document to: content above or before its start (`left: -9999px`) is
 * never shown, nor past its end when it does not scroll that way. A fixed box is only ever where it is now.
 * Both are measured once a task: every field of a look asks.
 */
const documentReach = perTask((doc: Document): { fixed: Box; flow: Box } => {
  const view = doc.defaultView!;
  const root = doc.documentElement;
  const { clientWidth: width, clientHeight: height } = root;
  const rootStyle = view.getComputedStyle(root);
  // The viewport scrolls as the root says, or as the body says when the root leaves its overflow visible.
  const style =
    rootStyle.overflowX === 'visible' && rootStyle.overflowY === 'visible' && doc.body ? view.getComputedStyle(doc.body) : rootStyle;
  const scroller = doc.scrollingElement ?? root;
  const scrolls = (overflow: string) => (overflow === 'visible' ? 'auto' : overflow);
  const rtl = rootStyle.direction === 'rtl';
  const [left, right] = reach(scrolls(style.overflowX), 0, width, view.scrollX, scroller.scrollWidth, rtl);
  const [top, bottom] = reach(scrolls(style.overflowY), 0, height, view.scrollY, scroller.scrollHeight, false);
  return { fixed: { left: 0, top: 0, right: width, bottom: height }, flow: { left, top, right, bottom } };
});

/** Where across a field it is hit-tested, as fractions of its width and height: its middle and four around it. */
const HIT_SPOTS = [
  [0.5, 0.5],
  [0.3, 0.3],
  [0.7, 0.3],
  [0.3, 0.7],
  [0.7, 0.7],
] as const;

/**
 * Whether something else is drawn over the field, as over a look-alike slipped under the real one. Five
 * points across the part of it in view (in the window, and in the windows of the boxes that scroll around it) are
 * hit-tested: most of them must reach the field (an icon inside a field's edge, or its own floating label, covers one
 * at most). Hit-testing passes through layers that take no clicks, and cannot reach a field scrolled out of view, so
 * the page's layers are also measured over all the field the shopper can scroll to (`layerOver`).
 */
function isCovered(element: Element, box: Box, inView: Box, doc: Document, view: Window): boolean {
  const width = inView.right - inView.left;
  const height = inView.bottom - inView.top;
  const points = isBig(inView)
    ? HIT_SPOTS.map(([across, down]) => [inView.left + width * across, inView.top + height * down] as const)
    : [];
  const inWindow = points.filter(([x, y]) => x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight);
  const coveredAt = ([x, y]: readonly [number, number]) => {
    // Asked of the field's own tree, the hit is not the component the field stands in but what it holds.
    const hit = (element.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
    if (!hit || hit === element || holds(element, hit)) return false;
    return hit.closest('label')?.control !== element && !isFaintOver(hit, element, view);
  };
  // Each hit test is a lookup through the page's layout: the points are tried until the answer cannot change.
  const enough = Math.ceil(inWindow.length / 2);
  let covered = 0;
  let clear = 0;
  for (const point of inWindow) {
    if (coveredAt(point)) covered++;
    else clear++;
    if (covered >= enough) return true;
    if (clear > inWindow.length - enough) break;
  }
  return layerOver(element, box, doc, view);
}

/**
 * Whether what `hit` paints over `field` is too faint to hide it: the opacity of `hit` and of its ancestors
 * up to the one it shares with the field (text a page fades out, as of a collapsed notice, still takes the point).
 */
function isFaintOver(hit: Element, field: Element, view: Window): boolean {
  let opacity = 1;
  for (let node: Element | null = hit; node && !holds(node, field); node = layoutParent(node)) {
    opacity *= opacityOf(view.getComputedStyle(node));
  }
  return opacity < MIN_OPACITY;
}

/** The document's open popovers and modal dialogs, found at once rather than asked of every element. */
function topLayerOf(doc: Document): Set<Element> {
  try {
    return new Set(doc.querySelectorAll(':popover-open, :modal'));
  } catch {
    // A browser without these pseudo-classes has no such top layer.
    return new Set();
  }
}

/** How far an element's box-shadow spread and outline reach beyond its box: they paint, though they take no clicks. */
function paintReach(style: CSSStyleDeclaration): number {
  let reachPx = style.outlineStyle === 'none' ? 0 : Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset || '0'));
  if (style.boxShadow !== 'none') {
    // "rgb(…) x y blur spread [inset]": the largest of offset plus spread is how far a shadow can cover.
    for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
      if (/\binset\b/.test(shadow)) continue;
      const lengths = [...shadow.replace(/rgba?\([^)]*\)/g, '').matchAll(/(-?[\d.]+)px/g)].map((match) => Math.abs(Number(match[1])));
      const [x = 0, y = 0, , spread = 0] = lengths;
      reachPx = Math.max(reachPx, Math.max(x, y) + spread);
    }
  }
  return reachPx;
}

/** Whether the element paints something a field under it would not show through. */
function paintsOpaque(style: CSSStyleDeclaration): boolean {
  const background = rgba(style.backgroundColor);
  if ((background && background[3] >= 0.5) || style.backgroundImage !== 'none') return true;
  const shadow = style.boxShadow !== 'none' && !/rgba\([^)]*,\s*0(\.0+)?\)/.test(style.boxShadow);
  return shadow || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0);
}

/** The z-index an element is painted with among its neighbours: its own when placed, else its nearest placed ancestor's. */
function stackLevel(element: Element, view: Window): number {
  for (let node: Element | null = element; node; node = layoutParent(node)) {
    const style = view.getComputedStyle(node);
    if (style.position !== 'static' && style.zIndex !== 'auto') return Number(style.zIndex) || 0;
  }
  return 0;
}

interface Layer {
  element: Element;
  /** Its box, with the reach of its shadow and outline. */
  box: Box;
  level: number;
  topLayer: boolean;
}

/** The page's layers found in one look, kept for the rest of the task: one choice of fields asks about many. */
const layersSeen = new WeakMap<Document, Layer[] | undefined>();

/** The element after `element` in document order, past all it holds unless `inside`. */
function nextElement(element: Element, inside: boolean): Element | null {
  if (inside && element.firstElementChild) return element.firstElementChild;
  for (let node: Element | null = element; node; node = node.parentElement) if (node.nextElementSibling) return node.nextElementSibling;
  return null;
}

/** `element` as a layer that may be drawn over others, or undefined when it is none. */
function layerOf(element: Element, style: CSSStyleDeclaration, topLayer: boolean, view: Window): Layer | undefined {
  if (!topLayer && style.position === 'static') return undefined;
  if (Number(style.opacity) < 0.5 || !paintsOpaque(style) || !isRendered(element, view)) return undefined;
  const rect = element.getBoundingClientRect();
  const reachPx = paintReach(style);
  let box: Box = { left: rect.left - reachPx, top: rect.top - reachPx, right: rect.right + reachPx, bottom: rect.bottom + reachPx };
  // What its own clip cuts off covers nothing: a dropdown's closed list is clipped to nothing (chosen's `inset(100% 100%)`).
  for (const own of [clipPathBox(style.clipPath, rect), clipRectBox(style, rect)]) if (own) box = within(box, own);
  if (area(box) === 0) return undefined;
  // What its ancestors' overflow cuts off of it, its shadow included, covers nothing.
  if (!topLayer && style.position !== 'fixed')
    for (let node = layoutParent(element); node; node = layoutParent(node)) {
      const clip = overflowBoxes(node, view.getComputedStyle(node), node.getBoundingClientRect());
      if (clip) box = within(box, clip.reach);
    }
  return { element, box, level: stackLevel(element, view), topLayer };
}

/**
 * Every element of the document that may be drawn over others: placed (or in the top layer), rendered,
 * mostly opaque and painting something. Undefined when the page is too big to look through.
 */
function layersOf(doc: Document, view: Window): Layer[] | undefined {
  if (layersSeen.has(doc)) return layersSeen.get(doc);
  let layers: Layer[] | undefined = [];
  const inTopLayer = topLayerOf(doc);
  let scanned = 0;
  // In document order, past what is not displayed: nothing inside it is drawn (`isRendered` says so of each),
  // and asking the style of all it holds is what costs most on a big page.
  for (let element: Element | null = doc.documentElement; element;) {
    if (++scanned > MAX_SCANNED_ELEMENTS) {
      layers = undefined;
      break;
    }
    const style = view.getComputedStyle(element);
    const displayed = style.display !== 'none';
    const layer = displayed ? layerOf(element, style, inTopLayer.has(element), view) : undefined;
    if (layer) layers.push(layer);
    element = nextElement(element, displayed);
  }
  layersSeen.set(doc, layers);
  // Layout and scrolling change between tasks: the next one looks again.
  setTimeout(() => layersSeen.delete(doc), 0);
  return layers;
}

/**
 * Whether a layer of the page's is drawn over most of the field: an element placed over it (or in the top
 * layer), rendered, opaque, and above it in painting order. Its box counts with the reach of its shadow
 * and outline. Clicks pass through such a layer when it sets `pointer-events: none`, and it can sit over a
 * field out of view, where hit-testing cannot reach.
 */
function layerOver(field: Element, box: Box, doc: Document, view: Window): boolean {
  const layers = layersOf(doc, view);
  if (!layers) return false;
  // The field is drawn with the nearest placed box that holds it (a modal's panel), or in the page's flow, under every placed box.
  const painter = placedHolder(field, view);
  const fieldLevel = stackLevel(field, view);
  const fieldArea = area(box);
  return layers.some(({ element, box: layerBox, level, topLayer }) => {
    if (element === field || holds(element, field) || holds(field, element)) return false;
    if (area(within(box, layerBox)) * 2 < fieldArea) return false;
    if (topLayer || !painter) return true;
    if (level !== fieldLevel) return level > fieldLevel;
    // Among placed boxes at one level, the later in the document is drawn over the earlier, and a placed box inside the
    // field's own over what it holds in its flow.
    return (inTreeOf(doc, painter).compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
}

/** The nearest box holding `field`, or the field itself, that the page placed (`position` other than static). */
function placedHolder(field: Element, view: Window): Element | undefined {
  for (let node: Element | null = field; node; node = layoutParent(node))
    if (view.getComputedStyle(node).position !== 'static') return node;
  return undefined;
}

/** What a box and the boxes around it do to what they hold: the nearest reason it cannot show, its fading, its clipping. */
interface Effect {
  reason?: string;
  opacity: number;
  /** What shows of the box, scrolling the boxes around it as far as they go. */
  clip: Box;
  /** What shows of it in their windows as they are scrolled now: where the page can be hit-tested. */
  inView: Box;
  fixed: boolean;
}

const ALL: Box = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
const NO_EFFECT: Effect = { opacity: 1, clip: ALL, inView: ALL, fixed: false };

/** `node`'s own effect on what it holds (or on itself, as `self`), added to `outer`, the effect of the boxes around it. */
function withEffectOf(node: Element, view: Window, outer: Effect, self?: DOMRect): Effect {
  const style = view.getComputedStyle(node);
  // An element without a box of its own neither fades nor clips what is inside it.
  if (style.display === 'contents') return outer;
  const rect = self ?? node.getBoundingClientRect();
  // A mask's transparency cannot be measured from here.
  const reason = ((style.getPropertyValue('mask-image') || 'none') !== 'none' ? 'masked' : hidesByEffect(style)) ?? outer.reason;
  let { clip, inView } = outer;
  for (const own of [clipPathBox(style.clipPath, rect), clipRectBox(style, rect)]) {
    if (!own) continue;
    clip = within(clip, own);
    inView = within(inView, own);
  }
  // An element's overflow clips what it holds, not itself.
  const overflow = self ? undefined : overflowBoxes(node, style, rect);
  if (overflow) {
    clip = within(clip, overflow.reach);
    inView = within(inView, overflow.now);
  }
  return {
    ...(reason ? { reason } : {}),
    opacity: outer.opacity * opacityOf(style),
    clip,
    inView,
    fixed: outer.fixed || style.position === 'fixed',
  };
}

/** Effects of the boxes around elements, found in one look and kept for the rest of the task: fields share most of them. */
const effectsSeen = new WeakMap<Document, Map<Element, Effect>>();

/** The effect of `node` and every box around it on what `node` holds. */
function effectAround(node: Element | null, view: Window): Effect {
  const doc = view.document;
  let seen = effectsSeen.get(doc);
  if (!seen) {
    seen = new Map();
    effectsSeen.set(doc, seen);
    // Layout and scrolling change between tasks: the next one looks again.
    setTimeout(() => effectsSeen.delete(doc), 0);
  }
  const unknown: Element[] = [];
  let outer = NO_EFFECT;
  for (; node; node = layoutParent(node)) {
    const known = seen.get(node);
    if (known) {
      outer = known;
      break;
    }
    unknown.push(node);
  }
  for (const around of unknown.reverse()) {
    outer = withEffectOf(around, view, outer);
    seen.set(around, outer);
  }
  return outer;
}

/** Why the shopper cannot see `element` in its own document now, or undefined when they can. */
function whyHiddenInDocument(element: Element): string | undefined {
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view || !element.isConnected) return 'removed from the page';
  if (!isRendered(element, view)) return 'not rendered';
  const own = element.getBoundingClientRect();
  let box: Box = { left: own.left, top: own.top, right: own.right, bottom: own.bottom };
  if (!isBig(box)) return 'too small';
  const { reason, opacity, clip, inView, fixed } = withEffectOf(element, view, effectAround(layoutParent(element), view), own);
  if (reason) return reason;
  box = within(box, clip);
  if (opacity < MIN_OPACITY) return 'transparent';
  if (!isBig(box)) return 'clipped';
  // A select holds only a month, a year or a brand, and pages grey one out until it is chosen.
  if (element.localName === 'input' && !isLegible(element, view)) return 'unreadable';
  // A frame's own document shows only what is in its window now: the shopper scrolls the page, rarely a frame.
  box = within(box, documentReach(doc)[fixed || view.frameElement !== null ? 'fixed' : 'flow']);
  if (!isBig(box)) return 'off-screen';
  return isCovered(element, box, within(box, inView), doc, view) ? 'covered' : undefined;
}

/**
 * Why the shopper cannot see or use the form field `field` now, or undefined when they can: it must be
 * rendered and visible (display, visibility, content-visibility, opacity), at least a few pixels each way
 * once clip, clip-path and its ancestors' overflow are applied, where the document can be scrolled to, not
 * under another element, enabled, writable, and not inside `aria-hidden="true"` or `inert` (see
 * `whyUnfillable`). A field in a same-origin frame is only as visible as the frames around it.
 */
export function whyHiddenFromShopper(field: Element): string | undefined {
  const unfillable = whyUnfillable(field);
  if (unfillable) return unfillable;
  const [own, ...frames] = withFrames(field);
  for (const node of frames) {
    const hidden = whyHiddenInDocument(node);
    if (hidden) return hidden;
  }
  const hidden = whyHiddenInDocument(own!);
  if (!hidden) return undefined;
  // Pages draw radios and dropdowns of their own and hide the browser's: a shopper picks a radio by its
  // label, and a hidden select through the page's dropdown that stands in for it.
  const labels = own instanceof own!.ownerDocument.defaultView!.HTMLInputElement && own.type === 'radio' ? [...(own.labels ?? [])] : [];
  const standIns = [...labels, ...[standInFor(own!)].filter((widget) => widget !== undefined)];
  return standIns.some((widget) => !whyHiddenInDocument(widget)) ? undefined : hidden;
}
