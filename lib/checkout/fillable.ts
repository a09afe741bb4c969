import { closestAcross, parentOf } from './composed-tree';
import { isHidden } from './dom';

// A radio only ever as one of a card-brand choice: the detectors take no other.
const TEXTUAL_TYPE = /^(text|tel|number|password|month|radio)?$/;
// Stripe Elements keeps an input of its own in the page beside each card frame; the card is typed in the frame.
const PROVIDER_PROXY = '[class*="__PrivateStripeElement"]';
// What assistive technology is told is not there, or what no one can focus, click or type in.
const NOT_FOR_PEOPLE = '[aria-hidden="true"], [inert]';

// Dropdown libraries that draw a select of their own beside a hidden one (chosen, select2, selectize,
// Tom Select, Choices), older versions of them without ARIA roles.
const DROPDOWN_WIDGET = '.chosen-container, .select2-container, .selectize-control, .ts-wrapper, .choices';
const STAND_IN = `[role=combobox], [role=listbox], [aria-haspopup=listbox], ${DROPDOWN_WIDGET}`;
// The utility classes sites hide screen-reader text and autofill helpers with, whether or not their stylesheet has loaded.
const HIDING_CLASS = /(^|\s)(sr-only|visually-?hidden|screen-?reader-(only|text)|a11y-hidden)(\s|$)/i;
/** An input taken from the tab order whose class says it is hidden: a card-field provider's autofill helper (VGS's `hidden-field`). */
const hiddenHelper = (field: Element) => field.getAttribute('tabindex') === '-1' && /hidden/i.test(field.getAttribute('class') ?? '');

/** The element and the frame elements around it, inside out: a same-origin frame's field is hidden with its frame. */
export function withFrames(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = node.ownerDocument.defaultView?.frameElement ?? null) chain.push(node);
  return chain;
}

/**
 * Why `field` is no field for the shopper's card as its attributes say, or undefined when it may be one. A
 * payment provider's stand-in input (Stripe's, or any taken both from assistive technology and from the tab
 * order) is never one: its card form lives in the provider's frame. Attributes and inline styles only, so the
 * detectors can ask it before the page's styles have settled; shopper-visible.ts adds what needs layout.
 */
export function whyUnfillable(field: Element): string | undefined {
  const refused = whyRefused(field);
  // A select the page hides behind a dropdown of its own is still what the form submits: its own attributes
  // may hide it, never its surroundings, and it must not be disabled.
  const parent = parentOf(field);
  const surroundingsShown = parent !== null && !isHidden(parent) && !closestAcross(parent, NOT_FOR_PEOPLE);
  return refused && refused !== 'disabled' && surroundingsShown && standInFor(field) ? undefined : refused;
}

/**
 * The page's own dropdown that stands in for a `select` it hides from people (select2, Choices, a design
 * system's combobox): a widget with a list popup beside the select in its wrapper. Its change event is what
 * such widgets listen to.
 */
export function standInFor(field: Element): Element | undefined {
  const parent = parentOf(field);
  if (field.localName !== 'select' || !parent) return undefined;
  // Choices.js and the like wrap the select in their combobox; select2 and others put theirs beside it.
  for (let node: Element | null = parent, depth = 0; node && depth < 3; node = parentOf(node), depth++) {
    if (node.matches(STAND_IN)) return node;
  }
  return [...parent.querySelectorAll(STAND_IN)].slice(0, 10).find((widget) => !widget.querySelector('select'));
}

function whyRefused(field: Element): string | undefined {
  // A dropdown widget's own search box filters its list: the select it stands for is the field.
  if (field.localName === 'input' && field.closest(DROPDOWN_WIDGET)) return 'a dropdown’s search box';
  if (field.closest(PROVIDER_PROXY) || (field.getAttribute('aria-hidden') === 'true' && field.getAttribute('tabindex') === '-1')) {
    return 'provider proxy';
  }
  const chain = withFrames(field);
  if (chain.some(isHidden) || HIDING_CLASS.test(field.getAttribute('class') ?? '') || hiddenHelper(field)) return 'hidden';
  if (chain.some((node) => closestAcross(node, NOT_FOR_PEOPLE))) return 'hidden from assistive technology or inert';
  if (field.localName !== 'select') {
    const type = (field.getAttribute('type') ?? '').toLowerCase();
    if (type === 'hidden') return 'hidden';
    if (field.localName !== 'input' || !TEXTUAL_TYPE.test(type)) return 'not a text field';
  }
  if (field.hasAttribute('disabled') || closestAcross(field, 'fieldset[disabled]')) return 'disabled';
  // A select with nothing but its prompt has no choice to make yet.
  if (field.localName === 'select' && (field as HTMLSelectElement).options.length < 2) return 'no options';
  if (field.localName !== 'select' && field.hasAttribute('readonly')) return 'read-only';
  return undefined;
}
