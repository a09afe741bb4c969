// The content script's cheap first look on every store page: whether to load the detectors at all. It may say
// yes to pages without a card form (the detectors then find none); it must not say no to one that has one.

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
const FIELD_SELECTOR = ['input', 'select']
  .flatMap((tag) => ATTRIBUTES.flatMap((attribute) => WORDS.map((word) => `${tag}[${attribute}*="${word}" i]`)))
  .join(',');
const FRAME_SELECTOR =
  'iframe[src*="stripe"],iframe[name^="__privateStripe"],iframe[src*="braintree"],iframe[src*="shopify"],iframe[src*="adyen"],iframe[src*="checkout.com"],iframe[src*="mollie"],iframe[src*="square"],iframe[title*="card" i]';
// A provider's script whose card frames are not on the page yet, and a place named for them. Shops load
// Stripe's script on every page, so the script alone would load the detectors everywhere.
const PROVIDER_SCRIPT = ['stripe.com', 'braintreegateway.com', 'adyen.com', 'checkout.com', 'mollie.com', 'squarecdn.com', 'squareup.com']
  .map((host) => `script[src*="${host}"]`)
  .join(',');
const MOUNT_PLACE = ['card', 'payment', 'dropin', 'component'].map((word) => `div[id*="${word}" i],div[class*="${word}" i]`).join(',');
const CAPTION = /card|karte|carte|tarjeta|carta|cartão|kart|карт|卡|カード|카드|cvv|cvc/i;
/** Captions read at most: a form has a few dozen. */
const MAX_CAPTIONS = 200;

/** Whether the document may hold a card form: a field or frame whose attributes, or a caption whose words, say card. */
export function maybeCardForm(doc: Document): boolean {
  if (doc.querySelector(`${FIELD_SELECTOR},${FRAME_SELECTOR}`)) return true;
  if (doc.querySelector(PROVIDER_SCRIPT) && doc.querySelector(MOUNT_PLACE)) return true;
  return [...doc.querySelectorAll('label, legend')].slice(0, MAX_CAPTIONS).some((caption) => CAPTION.test(caption.textContent ?? ''));
}
