// Page reading shared by the detectors. Only attributes, inline styles and text are consulted, never
// layout: the detectors run before the page's CSS has settled and, in tests, under linkedom, which has none.
import { closestAcross, deepQuery, inTreeOf, parentOf, shadowRootOf } from './composed-tree';
import { perTask } from './per-task';

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * How many of a kind of element (form controls, radios, buttons) the detectors read in one document. A
 * checkout has a few dozen; a page built to make reading it slow (thousands of look-alike fields, each
 * asking for labels across the whole page) is read only this far, so every look stays short.
 */
export const MAX_READ = 300;

/** The first `MAX_READ` elements that match, in document order, shadow roots' included. */
export const firstOf = <E extends Element = Element>(root: ParentNode, selector: string): E[] =>
  deepQuery<E>(root, selector).slice(0, MAX_READ);

const hidesItself = (node: Element) => node.hasAttribute('hidden') || HIDING_STYLE.test(node.getAttribute('style') ?? '');

/** Whether the element or an ancestor (a shadow root's host too) is hidden by the `hidden` attribute or an inline style. */
export function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) if (hidesItself(node)) return true;
  return false;
}

/**
 * `isHidden` for many elements of one tree, each ancestor read once: asked of every text node of a big page,
 * the plain walk up from each reads the same ancestors over and over.
 */
export function hiddenTest(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    const unknown: Element[] = [];
    let node: Element | null = element;
    let hidden: boolean | undefined;
    for (; node && hidden === undefined; node = parentOf(node)) {
      hidden = known.get(node);
      if (hidden === undefined) {
        if (hidesItself(node)) hidden = true;
        unknown.push(node);
      }
    }
    // Everything between the element and the first ancestor known (or found) to be hidden, or the root, is hidden as that is.
    const answer = hidden ?? false;
    for (const seen of unknown) known.set(seen, answer);
    return answer;
  };
}

/**
 * Every text node under `root` in document order, shown or not. In a web component's shadow root, a slot's text is
 * what the page put in it (`<div slot="label">Card number</div>` for the component's `<label><slot name="label">`).
 */
export function allTextNodes(root: Node): Text[] {
  if ((root.getRootNode() as Partial<ShadowRoot>).host && (root as Partial<ParentNode>).querySelector?.('slot'))
    return slottedTextNodes(root);
  const nodes: Text[] = [];
  // 4 is NodeFilter.SHOW_TEXT; NodeFilter is not a global outside browsers.
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** `allTextNodes` through slots: each slot's assigned nodes, or its own content where the page assigned it none. */
function slottedTextNodes(node: Node): Text[] {
  return [...node.childNodes].flatMap((child) => {
    if (child.nodeType === 3) return [child as Text];
    if (child.nodeType !== 1) return [];
    const slot = child as HTMLSlotElement;
    const assigned = slot.localName === 'slot' ? (slot.assignedNodes?.({ flatten: true }) ?? []) : [];
    if (assigned.length === 0) return slottedTextNodes(child);
    return assigned.flatMap((inner) => (inner.nodeType === 3 ? [inner as Text] : allTextNodes(inner)));
  });
}

/** Whether a text node is text the page shows, not script or style source nor hidden (`hiddenTest`, for many nodes of one tree). */
export function shownTextTest(): (node: Text) => boolean {
  const hidden = hiddenTest();
  return (node) => {
    const parent = node.parentElement;
    return parent !== null && !/^(script|style|noscript|template)$/.test(parent.localName) && !hidden(parent);
  };
}

/** The visible text nodes under `root` in document order, without script and style source. */
export function textNodes(root: Node): Text[] {
  return allTextNodes(root).filter(shownTextTest());
}

/**
 * Visible text with whitespace collapsed. Text nodes are joined as they stand, the way a browser renders
 * inline elements: "<span>$</span>54.50" reads "$54.50", and the page's own whitespace separates cells.
 */
export function textOf(root: Node): string {
  return collapse(
    textNodes(root)
      .map((node) => node.data)
      .join(''),
  );
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lowercases and splits names like "cardNumber" or "cc_exp[month]" into words, keeping "/" for "MM/YY". */
export function normalise(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

/** The element of the control's own tree (the document, or the shadow root it stands in) with this id. */
const byId = (control: Element, id: string) => (control.getRootNode() as Document | ShadowRoot).getElementById?.(id) ?? null;

/**
 * The <form> a control submits with: the one its `form` attribute names, else the one around it, past the shadow
 * roots of the components it stands in (a form-associated text field submits its inner input's value with the page's form).
 */
export function ownForm(control: Element): Element | null {
  const named = control.getAttribute('form');
  return (named ? byId(control, named) : null) ?? closestAcross(control, 'form');
}

/** How many characters a field says it takes (its maxlength, else its size); NaN when it says nothing. */
export const declaredLength = (field: Element): number => Number(field.getAttribute('maxlength') ?? field.getAttribute('size') ?? NaN);

/** What the field's own attributes say about it. */
export function attributeHint(field: Element): string {
  return normalise(['name', 'id', 'placeholder', 'aria-label', 'title'].map((name) => field.getAttribute(name) ?? '').join(' '));
}

/** The <label for> elements of a document or shadow root by the id they name: a form asks for every field's. */
const labelIndex = perTask((root: Document | ShadowRoot) => {
  const index = new Map<string, Element[]>();
  for (const label of root.querySelectorAll('label[for]')) {
    const target = label.getAttribute('for') ?? '';
    index.set(target, [...(index.get(target) ?? []), label]);
  }
  return index;
});

/** The text of the field's <label>s (one around the component it stands in too) and aria-labelledby elements. */
export function captionOf(field: Element): string {
  const id = field.getAttribute('id');
  const wrapping = closestAcross(field, 'label');
  const named = id ? (labelIndex(field.getRootNode() as Document | ShadowRoot).get(id) ?? []) : [];
  const captions: Element[] = [...named, ...(wrapping && !wrapping.hasAttribute('for') ? [wrapping] : [])];
  if (wrapping?.hasAttribute('for') && !captions.includes(wrapping)) captions.push(wrapping);
  for (const ref of (field.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const caption = ref && byId(field, ref);
    if (caption) captions.push(caption);
  }
  return captions.map(captionText).join(' ');
}

/**
 * A caption's words, a space where one element's text meets another's word to word: "Expiration MM/YY"
 * followed by a visually hidden "for the second card" reads as two phrases, not "MM/YYfor".
 */
function captionText(caption: Element): string {
  let text = '';
  let parent: Element | null = null;
  for (const node of textNodes(caption)) {
    const joined = parent !== node.parentElement && /[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(node.data);
    text += (joined ? ' ' : '') + node.data;
    parent = node.parentElement;
  }
  return collapse(text);
}

/**
 * The caption people see for a field: its labels or, failing those, the text around it, after the caption of its
 * row where the form is laid out as a table ("カード番号" to the left, then "名" and "姓" beside each of two fields).
 */
export function labelOf(field: Element): string {
  const caption = captionOf(field);
  if (caption) return caption;
  const row = rowCaption(field);
  const near = nearbyText(field) || columnCaption(field);
  return row && near && near !== row ? `${row} ${near}` : row || near;
}

/** Cells out from a field, through tables that cells hold, where its row's caption cell may stand. */
const ROW_CAPTION_DEPTH = 3;

/**
 * The caption cell to the left, for a form laid out as a table ("<tr><th>Card number</th><td><input></td></tr>"),
 * the field's cell perhaps holding a table of its own, as older shops' layouts nest them: the text of the cell
 * before the field's, when it holds no control itself.
 */
function rowCaption(field: Element): string {
  let cell = field.closest('td, th');
  for (let depth = 0; cell && depth < ROW_CAPTION_DEPTH; depth++, cell = cell.parentElement?.closest('td, th') ?? null) {
    const before = cell.previousElementSibling;
    if (!before) continue;
    if (!/^t[dh]$/.test(before.localName) || before.querySelector('input, select, textarea')) return '';
    const text = textOf(before);
    return text.length <= 40 ? text : '';
  }
  return '';
}

function nearbyText(field: Element): string {
  // Many shops caption a field with a plain <span> beside it: take the text of the nearest wrapper around this field alone.
  for (let node = parentOf(field), depth = 0; node && depth < 3; node = parentOf(node), depth++) {
    const controls = controlsIn(node);
    if (controls === undefined) break;
    if (controls.length > 1) {
      // A radio's or checkbox's words follow it; only a text field or select takes the words before it.
      if (/^(radio|checkbox)$/i.test(field.getAttribute('type') ?? '')) break;
      const shared = sharedCaption(node, field);
      if (shared) return shared;
      continue;
    }
    const text = textOf(node);
    if (text) return text.length <= 80 ? text : '';
  }
  return '';
}

/** Levels above a field where a grid row of fields may stand; cells a row may have. */
const ROW_DEPTH = 5;
const MAX_CELLS = 6;

/**
 * The caption in the row above, for a field laid out in a grid of rows: a header row whose cells hold the
 * captions ("Expiry", "CVV") over a row whose cells hold the fields, as div-based forms do.
 */
function columnCaption(field: Element): string {
  let node: Element | null = field;
  for (let depth = 0; node?.parentElement && depth < ROW_DEPTH; node = node.parentElement, depth++) {
    const row = node.parentElement;
    const header = row.previousElementSibling;
    const index = [...row.children].indexOf(node);
    if (!header || row.children.length < 2 || row.children.length > MAX_CELLS || header.children.length !== row.children.length) continue;
    const cell = header.children[index];
    if (!cell || cell.querySelector('input, select, textarea')) return '';
    const text = textOf(cell);
    return text.length <= 40 ? text : '';
  }
  return '';
}

/** Elements a field's own wrapper may hold: more, and it is a section of the page, not a wrapper. */
const MAX_WRAPPER_ELEMENTS = 200;
/** Controls one caption may name together: a month and a year, or the blocks of a card number. */
const MAX_GROUP_CONTROLS = 4;
const CONTROL = /^(input|select|textarea)$/;
const CONTROLS = 'input:not([type=hidden]), select, textarea';

/** A form control, or a component whose shadow root holds one (a design system's text field). */
function isControl(element: Element): boolean {
  if (CONTROL.test(element.localName)) return element.getAttribute('type')?.toLowerCase() !== 'hidden';
  const root = shadowRootOf(element);
  return root !== null && deepQuery(root, CONTROLS).length > 0;
}
// Text between controls that only separates them, as in "MM / YY" or "4111 – 1111".
const SEPARATOR = /^[\s/.\-–—:|]*$/;

/** The form controls in a small wrapper, or undefined when it is too big to be a field's own. */
function controlsIn(node: Element): Element[] | undefined {
  // 1 is NodeFilter.SHOW_ELEMENT; NodeFilter is not a global outside browsers.
  const walker = node.ownerDocument.createTreeWalker(node, 1);
  const controls: Element[] = [];
  for (let seen = 0; walker.nextNode(); seen++) {
    if (seen > MAX_WRAPPER_ELEMENTS) return undefined;
    const element = walker.currentNode as Element;
    if (isControl(element)) {
      controls.push(element);
      if (controls.length > MAX_GROUP_CONTROLS) return undefined;
    }
  }
  return controls;
}

/**
 * The caption a few controls in one wrapper share, for `field`: the text just before it or, when only a
 * separator stands there ("MM / YY", number blocks), the text before the run of controls it belongs to,
 * as in "<label>Expiry date</label> <input placeholder=MM> / <input placeholder=YY>".
 */
function sharedCaption(wrapper: Element, field: Element): string {
  // runs[i] is the text after the i-th control before `field` (runs[0]: the text before them all);
  // captioned[i] says whether that control has a label of its own, which the text before it is then part of.
  const runs = [''];
  const captioned = [false];
  // 5 is SHOW_ELEMENT | SHOW_TEXT.
  const walker = wrapper.ownerDocument.createTreeWalker(wrapper, 5);
  const hidden = hiddenTest();
  // A field inside a component stands in the wrapper's tree as the component.
  const mark = inTreeOf(wrapper, field);
  while (walker.nextNode() && walker.currentNode !== mark) {
    const node = walker.currentNode;
    if (node.nodeType !== 3) {
      if (isControl(node as Element)) {
        runs.push('');
        captioned.push(Boolean(captionOf(node as Element)));
      }
      continue;
    }
    const parent = node.parentElement;
    if (parent && !/^(script|style|noscript|template|option)$/.test(parent.localName) && !hidden(parent)) {
      runs[runs.length - 1] += (node as Text).data;
    }
  }
  for (let index = runs.length - 1; index >= 0; index--) {
    const text = collapse(runs[index]!);
    if (!SEPARATOR.test(text)) return text.length <= 80 ? text : '';
    if (captioned[index]) return '';
  }
  return '';
}
