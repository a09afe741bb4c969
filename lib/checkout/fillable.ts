import { isHidden } from './dom';

// A radio only ever as one of a card-brand choice: the detectors take no other.
const TEXTUAL_TYPE = /^(text|tel|number|password|month|radio)?$/;
// Stripe Elements keeps an input of its own in the page beside each card frame; the card is typed in the frame.
const PROVIDER_PROXY = '[class*="__PrivateStripeElement"]';
// What assistive technology is told is not there, or what no one can focus, click or type in.
const NOT_FOR_PEOPLE = '[aria-hidden="true"], [inert]';

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
  if (field.closest(PROVIDER_PROXY) || (field.getAttribute('aria-hidden') === 'true' && field.getAttribute('tabindex') === '-1')) {
    return 'provider proxy';
  }
  const chain = withFrames(field);
  if (chain.some(isHidden)) return 'hidden';
  if (chain.some((node) => node.closest(NOT_FOR_PEOPLE))) return 'hidden from assistive technology or inert';
  if (field.localName !== 'select') {
    const type = (field.getAttribute('type') ?? '').toLowerCase();
    if (type === 'hidden') return 'hidden';
    if (field.localName !== 'input' || !TEXTUAL_TYPE.test(type)) return 'not a text field';
  }
  if (field.hasAttribute('disabled') || field.closest('fieldset[disabled]')) return 'disabled';
  if (field.localName !== 'select' && field.hasAttribute('readonly')) return 'read-only';
  return undefined;
}
