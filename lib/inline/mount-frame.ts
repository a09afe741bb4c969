import type { ClickJudgement, ClickVerdict, FramePoint } from './click-check';
import type { ShadowRootOpener } from '../checkout/composed-tree';
import { createClickGuard } from './click-guard';
import { watchMove } from './watch-move';
import type { InlinePurpose } from './messages';

const HOST_ATTRIBUTE = 'data-wallet-frame';
/** The narrowest the frame is drawn when it keeps to its elements' span: its page still fits its text at that width. */
const MIN_WIDTH = 200;

/** The frames this content script mounted and still shows, by token, for the background's click checks. */
const shown = new Map<string, InlineFrame>();

/** The frame with this token, while it is on the page. */
export const shownFrame = (token: string): InlineFrame | undefined => shown.get(token);
/** What a shopper fills or presses on a page, and how many of them a frame that yields looks at. */
const PAGE_CONTROLS = 'input:not([type=hidden]), select, textarea, button';
const MAX_CONTROLS = 500;
/** How soon after a change of the page's DOM the frame looks at what the page shows at its place. */
const RELOOK_MS = 150;

/** Whether an element of the page is the host of one of the wallet's frames, this one or another. */
const isOwnHost = (element: Element) => [...shown.values()].some((other) => other.host === element);
/** Whether an element is the host of one of the wallet's frames that yields to the page now: hidden, it paints nothing. */
const yieldsNow = (element: Element) => [...shown.values()].some((other) => other.host === element && other.yielding());

/** What the content script lends: the background, the frame page's address and origin, and the page's shadow roots. */
export interface FrameHost {
  /** Tells the background what the frame with this token stands for. */
  present(token: string, purpose: InlinePurpose): Promise<unknown>;
  /** The address of the wallet's frame page. */
  frameUrl: string;
  /** The origin the frame's document has once loaded: its token is posted to that origin only. */
  frameOrigin: string;
  shadowRootOf: ShadowRootOpener;
}

export interface InlineFrameOptions {
  /** Where the frame's place in the page goes: inside `slot` at its end, or right after it. */
  slot: Element;
  placement: 'append' | 'after';
  /** A fixed height: the frame never grows or shrinks with what the wallet shows in it. */
  height: number;
  maxWidth: number;
  /** The frame's accessible name, in the UI language only. */
  title: string;
  purpose: InlinePurpose;
  /** Said in place of the frame once the page kept hiding and re-showing it: a fixed text in the UI language. */
  disabledText: string;
  /** Said over the frame for a moment when something of the page's took a click aimed at it: a fixed text. */
  coveredText: string;
  /**
   * The elements whose span across the page the frame keeps to, where that leaves it `MIN_WIDTH` (a card form's
   * own fields): the placeholder takes the whole width of the form's column, and what a page places beside the
   * form, out of its flow (a second card form, an order summary), would otherwise be drawn over.
   */
  keepWithin?: () => readonly Element[];
  /**
   * The frame is hidden while the page shows something else over its place (a sticky header, a fixed bar, the edge of
   * a scrolling box, a field placed there out of flow): for a frame the wallet placed on a page that never asked for
   * it, where drawing over everything would hide what the page shows there.
   */
  yieldsToPage?: boolean;
  /**
   * Told when a frame that yields hides or shows again: what the page shows there was under it until now (a field of
   * another card form placed right below this one's number), and is for the wallet to look at afresh.
   */
  onYield?: () => void;
  /**
   * What the frame stands for at the moment of a click, when that can change with the page (the card
   * fields the shopper sees then); nothing means there is nothing left to do.
   */
  current?: () => InlinePurpose | undefined;
}

/**
 * The host's own place and size, from inside its shadow root: `!important` there beats anything the
 * page writes, even its own `!important`. Its look is left to the cascade on purpose: a page that
 * fades, clips, blends or transforms the host shows it, and the click guard refuses the click. It has
 * no backdrop: Chromium's IntersectionObserver v2 counts a backdrop, invisible as it is, over all shown
 * before it, which had each of the wallet's frames covered by the next, and all of the page covered to
 * the page's own observers.
 */
const hostStyle = (box: { left: number; top: number; width: number; height: number }, seen = true, zoom = 1) =>
  `${seen ? '' : ':host,iframe,p{visibility:hidden!important}'}:host{zoom:${1 / zoom}!important;display:block!important;position:fixed!important;inset:auto!important;margin:0!important;padding:0!important;border:0!important;box-sizing:border-box!important;overflow:hidden!important;columns:auto!important;writing-mode:horizontal-tb!important;border-radius:0!important;left:${box.left}px!important;top:${box.top}px!important;width:${box.width}px!important;height:${box.height}px!important}:host::before,:host::after{content:none!important;display:none!important}:host::backdrop{display:none!important}iframe,p{all:initial;display:block;box-sizing:border-box;width:100%;height:100%;border:0}p{padding:6px 10px;font:13px/1.35 system-ui,sans-serif;color:#b42318;background:#fff;border:2px solid}.over{position:absolute;inset:0}`;

/**
 * Mounts one of the wallet's frames (an extension page) on a store's page: a placeholder keeps its
 * place in the page's layout, and the frame is drawn over it in the top layer, inside a closed shadow
 * root, so nothing the page draws sits on top of it and nothing of the shopper's enters the page's
 * document. The frame learns what it is for from the background through a random token, never from
 * the page. The page may restyle or move the host; every change is put back and restarts the click
 * guard's settle time.
 */
export function mountInlineFrame(document: Document, frameHost: FrameHost, options: InlineFrameOptions) {
  const token = crypto.randomUUID();
  const { slot, height } = options;
  const placeholder = document.createElement('div');
  /**
   * The placeholder's size, in the page's zoomed pixels: the frame is drawn unzoomed (its host undoes the zoom of the
   * boxes around it), so its place takes the frame's size on screen at any zoom the page gives its form or itself.
   */
  const sizePlaceholder = (zoom: number) =>
    (placeholder.style.cssText = `display:block;width:100%;max-width:${options.maxWidth / zoom}px;height:${height / zoom}px;margin:${6 / zoom}px 0;padding:0;border:0`);
  sizePlaceholder(1);
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  const frame = document.createElement('iframe');
  // The frame's own document decides what it may do; the page's permissions do not reach it.
  frame.setAttribute('allow', '');
  root.append(style, frame);
  // Placed after an element the page slots into its web component's named slot, the frame goes into that slot with it:
  // in none, it would not be drawn at all.
  const slotName = options.placement === 'after' ? slot.getAttribute('slot') : null;
  if (slotName !== null) placeholder.setAttribute('slot', slotName);
  // The kind is the only thing the host says, and the page knows it already: it offered a payment or shows a card form.
  const ownAttributes = (): [string, string][] => [
    [HOST_ATTRIBUTE, options.purpose.kind],
    ['popover', 'manual'],
    ...(slotName === null ? [] : [['slot', slotName] as [string, string]]),
  ];
  for (const [name, value] of ownAttributes()) host.setAttribute(name, value);
  frame.title = options.title;
  // The frame's document starts loading before anything else is set up: its load is most of the option's wait.
  const insert = () => (options.placement === 'append' ? slot.append(placeholder, host) : slot.after(placeholder, host));
  style.textContent = hostStyle({ left: 0, top: 0, width: 0, height });
  insert();
  frame.src = frameHost.frameUrl;
  // The token is all the frame is given, posted to the wallet's own origin: the page can neither read it nor reach the frame.
  const registered = frameHost.present(token, options.purpose).catch(() => undefined);
  const giveToken = () => void registered.then(() => frame.contentWindow?.postMessage({ token }, frameHost.frameOrigin));
  // A frame the page removed and the wallet put back has loaded afresh, and is given its token again.
  frame.addEventListener('load', giveToken);

  let box = { left: 0, top: 0, width: 0, height };
  const guard = createClickGuard(host, frame, {
    shadowRootOf: frameHost.shadowRootOf,
    size: () => ({ width: box.width, height: box.height }),
    isOwnHost,
    yieldsNow,
  });
  let stopped = false;

  /**
   * The placeholder's box cut to the span of `keepWithin`'s elements, widened to `MIN_WIDTH` at the end its text
   * runs towards, and never beyond the placeholder.
   */
  const spanned = (where: DOMRect) => {
    const boxes = (options.keepWithin?.() ?? [])
      .filter((element) => element.isConnected)
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
    if (boxes.length === 0) return where;
    const left = Math.min(...boxes.map((box) => box.left));
    const right = Math.max(...boxes.map((box) => box.right));
    const width = Math.min(where.width, Math.max(MIN_WIDTH, right - left));
    const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
    const rtl = getComputedStyle(placeholder).direction === 'rtl';
    const start = rtl ? clamp(right, where.left + width, where.right) - width : clamp(left, where.left, where.right - width);
    return { left: start, top: where.top, width };
  };

  /**
   * Whether the page shows the placeholder's place where the frame is drawn: at points across it in the window, the
   * first of the page's elements there is the placeholder or holds it. The points are a grid, and the middle of every
   * field of the page's that lies inside the frame's box: a field narrower than the grid's gaps is looked at where it is.
   */
  const pageShows = (at: typeof box) => {
    const tree = placeholder.getRootNode() as Document | ShadowRoot;
    const inBox = ([x, y]: readonly [number, number]) => x > at.left && x < at.left + at.width && y > at.top && y < at.top + at.height;
    const grid = [0.02, 0.25, 0.5, 0.75, 0.98].flatMap((across) =>
      [0.05, 0.5, 0.95].map((down) => [at.left + at.width * across, at.top + at.height * down] as const),
    );
    const fields = [...new Set([tree, document])]
      .flatMap((root) => [...root.querySelectorAll(PAGE_CONTROLS)].slice(0, MAX_CONTROLS))
      .map((control) => control.getBoundingClientRect())
      .map((field) => [field.left + field.width / 2, field.top + field.height / 2] as const)
      .filter(inBox);
    return [...grid, ...fields]
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
      .every(([x, y]) => {
        // Asked of the placeholder's own tree: in a web component's shadow root, the page's document answers with the component.
        const under = tree.elementsFromPoint(x, y).find((element) => !isOwnHost(element));
        return under !== undefined && under.contains(placeholder);
      });
  };

  let pending = 0;
  let zoomed = 1;
  let seenLast = true;
  const place = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const zoom = (placeholder as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const rezoomed = zoom !== zoomed;
      if (rezoomed) sizePlaceholder((zoomed = zoom));
      const where = spanned(placeholder.getBoundingClientRect());
      const next = { left: Math.round(where.left), top: Math.round(where.top), width: Math.round(where.width), height };
      // What the page shows at the frame's place can change with the frame still: a form the page placed there after it.
      const seen = !options.yieldsToPage || pageShows(next);
      if (next.left === box.left && next.top === box.top && next.width === box.width && !rezoomed && seen === seenLast) return;
      box = next;
      style.textContent = hostStyle(box, seen, zoom);
      if (seen !== seenLast) options.onYield?.();
      seenLast = seen;
      // Any change of the frame's place on screen, scrolling included, makes a click wait for it to settle.
      guard.moved();
    });
  };
  const show = () => {
    if (stopped) return;
    if (!host.isConnected || !placeholder.isConnected) insert();
    if (!host.matches(':popover-open')) host.showPopover();
    place();
  };
  const noteOf = (text: string) => {
    const note = document.createElement('p');
    note.setAttribute('role', 'alert');
    note.textContent = text;
    return note;
  };
  const putBack = () => {
    // The frame goes for good and a fixed note takes its place: there is nothing left to click.
    if (guard.reshown() && frame.isConnected) frame.replaceWith(noteOf(options.disabledText));
    show();
  };
  // A click inside the frame never reaches the page; one the page's document sees over the frame's place
  // went to something the page put there (a modal dialog, a layer that lets the frame look clickable).
  let covered: ReturnType<typeof setTimeout> | undefined;
  const onPageClick = (event: MouseEvent) => {
    const where = host.getBoundingClientRect();
    const inside =
      event.clientX >= where.left && event.clientX <= where.right && event.clientY >= where.top && event.clientY <= where.bottom;
    if (!event.isTrusted || !inside || !frame.isConnected || event.detail === 0) return;
    guard.moved();
    const note = noteOf(options.coveredText);
    note.className = 'over';
    root.querySelector('p.over')?.remove();
    root.append(note);
    clearTimeout(covered);
    covered = setTimeout(() => note.remove(), 5_000);
  };

  // The page closed or removed the frame: it comes back, unless the page keeps doing it. One open again by the time
  // the event comes was put back on top of the page's layers, by the guard or by the page, and never went away.
  const onToggle = (event: Event) => {
    if ((event as ToggleEvent).newState === 'closed' && !stopped && !host.matches(':popover-open')) queueMicrotask(putBack);
  };
  // The frame follows its place at once wherever it moves (`watchMove`). A change of the page's DOM may also put
  // something of the page's at that place, or take the frame out: one change is enough to look again, a little
  // later, and the observer rests until then, so a page that changes its DOM thousands of times a second (a ticker)
  // pays for a few looks a second, not one a frame; each reads the page's layout.
  // A page that moves the form elsewhere takes the frame out and in again: that closes it without a toggle event.
  let relook: ReturnType<typeof setTimeout> | undefined;
  const layout = new MutationObserver(() => {
    layout.disconnect();
    relook = setTimeout(() => {
      if (stopped) return;
      if (!host.isConnected || !placeholder.isConnected || !host.matches(':popover-open')) putBack();
      else place();
      watchLayout();
    }, RELOOK_MS);
  });
  const watchLayout = () => {
    if (stopped) return;
    if (!host.isConnected || !placeholder.isConnected) putBack();
    // The shadow roots the placeholder stands in change unheard by the document's observer (a web component's card form).
    const trees: Node[] = [document.documentElement];
    type Tree = Node & { host?: Element };
    for (let root = placeholder.getRootNode() as Tree; root.host; root = root.host.getRootNode() as Tree) trees.push(root);
    for (const tree of trees) {
      layout.observe(tree, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
      // Nor does a box scrolling inside a shadow root tell the window: its scroll event stays in the root.
      if (tree !== document.documentElement && !scrolled.has(tree)) {
        scrolled.add(tree);
        tree.addEventListener('scroll', place, { capture: true, passive: true });
      }
    }
  };
  const scrolled = new Set<Node>();
  // The page's own edits of the host (a style, an attribute) are undone, and the settle time starts again.
  const guardAttributes = new MutationObserver(() => {
    guardAttributes.takeRecords();
    const own = new Map(ownAttributes());
    for (const name of host.getAttributeNames()) if (!own.has(name)) host.removeAttribute(name);
    for (const [name, value] of own) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    guard.moved();
    show();
  });

  watchLayout();
  const unwatchMove = watchMove(placeholder, place);
  guardAttributes.observe(host, { attributes: true });
  host.addEventListener('toggle', onToggle);
  addEventListener('scroll', place, { capture: true, passive: true });
  addEventListener('click', onPageClick, { capture: true, passive: true });
  addEventListener('resize', place, { passive: true });
  show();

  const handle = {
    token,
    host,
    /** Judges a click at `point`; one that counts carries what the frame stands for at this moment. */
    check(point: FramePoint): ClickJudgement {
      let verdict: ClickVerdict;
      try {
        verdict = guard.check(point);
      } catch {
        // Something of the page's the guard could not read: the click is not shown to count.
        verdict = 'covered';
      }
      if (verdict !== 'ok' || !options.current) return { verdict };
      const purpose = options.current();
      return purpose ? { verdict, purpose } : { verdict: 'empty' };
    },
    /** Whether the frame's place in the page still follows `element`, as it was put there. */
    follows: (element: Element) => placeholder.previousElementSibling === element,
    /** Whether the frame is hidden now, yielding to what the page shows at its place. */
    yielding: () => !seenLast,
    /** The same frame now stands for something else (a fill offer whose fields changed). */
    update: (purpose: InlinePurpose) => frameHost.present(token, purpose).catch(() => undefined),
    /**
     * Tells the frame, with its token, what the last fill could not set, for the shopper to fill in themselves
     * (nothing: all was set). Posted to the wallet's origin only, as the token is: the page neither reads nor forges it.
     */
    tell: (left: string[]) => frame.contentWindow?.postMessage({ token, left }, frameHost.frameOrigin),
    /** The confirm window closed: the keyboard carries on from the frame that opened it. */
    refocus() {
      frame.focus({ preventScroll: true });
      // A key pressed the moment focus lands back here was meant for something else: it waits like a click.
      guard.moved();
    },
    remove() {
      stopped = true;
      layout.disconnect();
      clearTimeout(relook);
      unwatchMove();
      guardAttributes.disconnect();
      guard.stop();
      cancelAnimationFrame(pending);
      host.removeEventListener('toggle', onToggle);
      frame.removeEventListener('load', giveToken);
      removeEventListener('scroll', place, { capture: true });
      for (const tree of scrolled) tree.removeEventListener('scroll', place, { capture: true });
      removeEventListener('resize', place);
      removeEventListener('click', onPageClick, { capture: true });
      clearTimeout(covered);
      host.remove();
      placeholder.remove();
      shown.delete(token);
    },
  };
  shown.set(token, handle);
  return handle;
}

export type InlineFrame = ReturnType<typeof mountInlineFrame>;
