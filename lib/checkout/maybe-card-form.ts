// The content script's cheap first look on every store page: whether to load the detectors at all. It may say
// yes to pages without a card form (the detectors then find none); it must not say no to one that has one.
import { deepQuery } from './composed-tree';
import { MOUNT_WORDS, PROVIDER_HOSTS } from './providers';

const ATTRIBUTES = ['name', 'id', 'placeholder', 'aria-label', 'autocomplete', 'class', 'title'];
const WORDS = [
  'card',
  'cc-',
  'ccn',
  'cc_',
  'ccnum',
  'cvv',
  'cvc',
  'csc',
  'karte',
  'carte',
  'tarjeta',
  'carta',
  'cartão',
  'kart',
  'карт',
  '卡',
  'カード',
  '카드',
  'expir',
  'stripe',
  'braintree',
  'adyen',
];
// One pattern over each field's attributes: a selector of every attribute and word, matched against every
// element of the page, cost milliseconds on each look at a large page.
const FIELD_WORDS = new RegExp(WORDS.join('|'), 'i');
const saysCard = (field: Element) => ATTRIBUTES.some((attribute) => FIELD_WORDS.test(field.getAttribute(attribute) ?? ''));
const FRAME_SELECTOR =
  'iframe[src*="stripe"],iframe[name^="__privateStripe"],iframe[src*="braintree"],iframe[src*="shopify"],iframe[src*="adyen"],iframe[src*="checkout.com"],iframe[src*="mollie"],iframe[src*="square"],iframe[title*="card" i]';
// A provider's script whose card frames are not on the page yet, and a place named for them. Shops load
// Stripe's script on every page, so the script alone would load the detectors everywhere.
const PROVIDER_SCRIPT = Object.keys(PROVIDER_HOSTS)
  .map((host) => `script[src*="${host}"]`)
  .join(',');
const MOUNT_PLACE = MOUNT_WORDS.map((word) => `div[id*="${word}" i],div[class*="${word}" i]`).join(',');
const CAPTION = /card|karte|carte|tarjeta|carta|cartão|kart|карт|卡|カード|카드|cvv|cvc/i;
/** Captions read at most: a form has a few dozen. */
const MAX_CAPTIONS = 200;

/** Frames inside frames looked into at most. */
const MAX_FRAME_DEPTH = 2;

/** The documents of the frames the content script can read: the page's own origin's. */
function readableFrames(doc: Document): Document[] {
  return deepQuery<HTMLIFrameElement>(doc, 'iframe').flatMap((frame) => {
    try {
      return frame.contentDocument ? [frame.contentDocument] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Whether the document, or a frame of it the wallet can read, may hold a card form: a field or frame whose
 * attributes say card, a caption whose words do (a label, a legend, or the text just before a field that
 * has no label), or a provider's script beside a place for its card. Web components' shadow roots count.
 */
export function maybeCardForm(doc: Document, depth = 0): boolean {
  if (deepQuery(doc, 'input, select').some(saysCard) || deepQuery(doc, FRAME_SELECTOR).length > 0) return true;
  if (doc.querySelector(PROVIDER_SCRIPT) && doc.querySelector(MOUNT_PLACE)) return true;
  // A component's label may be the page's element slotted into it: `<div slot="label">Card number</div>`.
  const captions = [
    ...deepQuery(doc, 'label, legend, [slot]'),
    ...deepQuery(doc, 'input').map((input) => input.previousElementSibling),
  ].slice(0, MAX_CAPTIONS);
  // The text before a field counts when it is a caption's: an element of text alone, not a section of the page.
  const caption = (element: Element | null) =>
    element && (element.localName === 'label' || element.localName === 'legend' || element.childElementCount === 0);
  if (captions.some((element) => caption(element) && CAPTION.test(element!.textContent ?? ''))) return true;
  return depth < MAX_FRAME_DEPTH && readableFrames(doc).some((inner) => maybeCardForm(inner, depth + 1));
}
