import { perTask } from './per-task';

// The page as the shopper sees it includes what its web components draw in their shadow roots: a whole card
// form inside one component, or each field its own component (a design system's text field, its <input> in
// the shadow root, its <form> in the page). The detectors read and climb that tree, across roots.

/** Opens an element's shadow root, a closed one too where the caller can. */
export type ShadowRootOpener = (element: Element) => ShadowRoot | null;

let open: ShadowRootOpener = (element) => element.shadowRoot;

/** Lets the detectors read closed shadow roots: only an extension's content script can open those. */
export function openShadowRootsWith(opener: ShadowRootOpener): void {
  open = opener;
}

/** The element's shadow root. Closed roots are asked for only of custom elements, where frameworks make them. */
export const shadowRootOf = (element: Element): ShadowRoot | null =>
  element.shadowRoot ?? (element.localName.includes('-') ? open(element) : null);

/** `element` itself, or the host of the shadow root it stands in that stands in `tree`'s own tree. */
export function inTreeOf(tree: Node, element: Element): Element {
  const root = tree.getRootNode();
  let node = element;
  for (let host: Element | undefined; node.getRootNode() !== root && (host = (node.getRootNode() as Partial<ShadowRoot>).host);)
    node = host;
  return node;
}

/**
 * The shadow roots of `tree`'s elements (of `tree` itself when it is an element), in document order, not those
 * nested inside them.
 */
const hostedRoots = perTask((tree: Document | ShadowRoot | Element): ShadowRoot[] => {
  const roots: ShadowRoot[] = [];
  const add = (element: Element) => {
    const root = shadowRootOf(element);
    if (root) roots.push(root);
  };
  if (tree.nodeType === 1) add(tree as Element);
  for (const element of tree.querySelectorAll('*')) add(element);
  return roots;
});

/**
 * Every shadow root in `tree`, nested ones too: what happens inside them is not heard by watching the document. The
 * detectors open closed roots of custom elements only; the click guard passes an opener that asks every element,
 * since a page may hide what covers the wallet's frame in a closed root of a plain `<div>`.
 */
export function allShadowRoots(tree: Document | ShadowRoot, rootOf: ShadowRootOpener = shadowRootOf): ShadowRoot[] {
  const trees: (Document | ShadowRoot)[] = [tree];
  for (let index = 0; index < trees.length; index++)
    for (const element of trees[index]!.querySelectorAll('*')) {
      const inner = rootOf(element);
      if (inner) trees.push(inner);
    }
  return trees.slice(1) as ShadowRoot[];
}

/** A document order mark: `other` follows the node and is not inside it. */
const AFTER = 4;
const INSIDE = 16;

/**
 * Every element under `tree` that matches, shadow roots' included, in the order the shopper reads them: a
 * root's elements where its host stands, after what the host holds in the page's own tree.
 */
export function deepQuery<E extends Element = Element>(tree: ParentNode, selector: string): E[] {
  const light = [...tree.querySelectorAll<E>(selector)];
  const roots = hostedRoots(tree as Document | ShadowRoot | Element);
  if (roots.length === 0) return light;
  const found: E[] = [];
  let next = 0;
  for (const root of roots) {
    while (next < light.length && (root.host.compareDocumentPosition(light[next]!) & (AFTER | INSIDE)) !== AFTER)
      found.push(light[next++]!);
    found.push(...deepQuery<E>(root, selector));
  }
  return [...found, ...light.slice(next)];
}

/** The element's parent, or the host of the shadow root it stands in; null above the document's root. */
export const parentOf = (node: Element): Element | null => node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;

/** Whether `outer` holds `inner`, across the shadow roots between them. */
export function holds(outer: Element, inner: Element): boolean {
  if (outer.contains(inner)) return true;
  if (inner.getRootNode() === outer.getRootNode()) return false;
  for (let node = parentOf(inner); node; node = parentOf(node)) if (node === outer) return true;
  return false;
}

/** The nearest of the element and its ancestors, across shadow roots, that matches `selector`. */
export function closestAcross(element: Element, selector: string): Element | null {
  for (let node: Element | null = element; node; node = (node.getRootNode() as Partial<ShadowRoot>).host ?? null) {
    const found = node.closest(selector);
    if (found) return found;
  }
  return null;
}
