import { whyUnfillable, withFrames } from './fillable';

// Whether the shopper can see and use a field, as the browser lays the page out. The detectors judge by
// attributes alone; a page hides look-alike fields with its stylesheet, so before the wallet offers to
// fill, and again before it fills, each field is checked here. Every check leans towards "hidden": a
// field the wallet cannot be sure the shopper sees is left for the shopper to type.

/** Narrower or lower than this, a field is a speck no one reads or clicks (the 1×1 "sr-only" pattern). */
const MIN_SIZE_PX = 4;
/** Fainter than this, counting every ancestor's opacity and opacity filter, a field is not there to the eye. */
const MIN_OPACITY = 0.2;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
type Interval = [number, number];

const NOTHING: Box = { left: 0, top: 0, right: 0, bottom: 0 };
const EVERYWHERE: Interval = [-Infinity, Infinity];

const isBig = (box: Box) => box.right - box.left >= MIN_SIZE_PX && box.bottom - box.top >= MIN_SIZE_PX;

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
function reach(overflow: string, start: number, size: number, scrolled: number, scrollSize: number, reversed: boolean): Interval {
  if (overflow === 'visible') return EVERYWHERE;
  if ((overflow !== 'auto' && overflow !== 'scroll') || size < MIN_SIZE_PX) return [start, start + size];
  // Right-to-left boxes start scrolled to their right end, and their content overflows to the left.
  const from = start - scrolled - (reversed ? scrollSize - size : 0);
  return [from, from + scrollSize];
}

/** What an ancestor's overflow (or paint containment) lets show of its content; undefined when it shows all. */
function overflowBox(node: Element, style: CSSStyleDeclaration, rect: DOMRect): Box | undefined {
  // Overflow does not apply to inline boxes, and the root's and the body's go to the viewport (`documentReach`).
  if (style.display === 'inline' || node === node.ownerDocument.documentElement || node === node.ownerDocument.body) return undefined;
  const contained = /\b(paint|strict|content)\b/.test(style.contain);
  const left = rect.left + node.clientLeft;
  const top = rect.top + node.clientTop;
  const rtl = style.direction === 'rtl';
  const [x0, x1] = reach(contained ? 'clip' : style.overflowX, left, node.clientWidth, node.scrollLeft, node.scrollWidth, rtl);
  const [y0, y1] = reach(contained ? 'clip' : style.overflowY, top, node.clientHeight, node.scrollTop, node.scrollHeight, false);
  return { left: x0, right: x1, top: y0, bottom: y1 };
}

/**
 * Where the shopper can scroll the document to: content above or before its start (`left: -9999px`) is
 * never shown, nor past its end when it does not scroll that way. A fixed box is only ever where it is now.
 */
function documentReach(doc: Document, view: Window, fixed: boolean): Box {
  const root = doc.documentElement;
  const { clientWidth: width, clientHeight: height } = root;
  if (fixed) return { left: 0, top: 0, right: width, bottom: height };
  const rootStyle = view.getComputedStyle(root);
  // The viewport scrolls as the root says, or as the body says when the root leaves its overflow visible.
  const style =
    rootStyle.overflowX === 'visible' && rootStyle.overflowY === 'visible' && doc.body ? view.getComputedStyle(doc.body) : rootStyle;
  const scroller = doc.scrollingElement ?? root;
  const scrolls = (overflow: string) => (overflow === 'visible' ? 'auto' : overflow);
  const rtl = rootStyle.direction === 'rtl';
  const [left, right] = reach(scrolls(style.overflowX), 0, width, view.scrollX, scroller.scrollWidth, rtl);
  const [top, bottom] = reach(scrolls(style.overflowY), 0, height, view.scrollY, scroller.scrollHeight, false);
  return { left, top, right, bottom };
}

/**
 * Whether something else is drawn over the middle of the field, as over a look-alike slipped under the real
 * one. Only a point in the window can be tested, so a field scrolled out of view counts as uncovered.
 */
function isCovered(element: Element, box: Box, doc: Document, view: Window): boolean {
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
  const hit = doc.elementFromPoint(x, y);
  if (!hit || hit === element || element.contains(hit)) return false;
  // A floating label drawn over its own field is part of it.
  return hit.closest('label')?.control !== element;
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
  let opacity = 1;
  let fixed = false;
  for (let node: Element | null = element; node; node = layoutParent(node)) {
    const style = view.getComputedStyle(node);
    // An element without a box of its own neither fades nor clips what is inside it.
    if (style.display === 'contents') continue;
    const rect = node === element ? own : node.getBoundingClientRect();
    opacity *= opacityOf(style);
    // A mask's transparency cannot be measured from here.
    if ((style.getPropertyValue('mask-image') || 'none') !== 'none') return 'masked';
    const clips = [
      clipPathBox(style.clipPath, rect),
      clipRectBox(style, rect),
      node === element ? undefined : overflowBox(node, style, rect),
    ];
    for (const clip of clips) if (clip) box = within(box, clip);
    fixed ||= style.position === 'fixed';
  }
  if (opacity < MIN_OPACITY) return 'transparent';
  if (!isBig(box)) return 'clipped';
  box = within(box, documentReach(doc, view, fixed));
  if (!isBig(box)) return 'off-screen';
  return isCovered(element, box, doc, view) ? 'covered' : undefined;
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
  for (const node of withFrames(field)) {
    const hidden = whyHiddenInDocument(node);
    if (hidden) return hidden;
  }
  return undefined;
}
