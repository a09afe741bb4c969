/** Payment providers that host card fields in iframes of their own origin, keyed by the last two labels of the host. */
const PROVIDERS = new Map(
  Object.entries({
    'stripe.com': 'Stripe',
    'braintreegateway.com': 'Braintree',
    'shopifycs.com': 'Shopify',
    'shopifyinc.com': 'Shopify',
    'adyen.com': 'Adyen',
    'squareup.com': 'Square',
    'squarecdn.com': 'Square',
    'checkout.com': 'Checkout.com',
    'paypal.com': 'PayPal',
    'authorize.net': 'Authorize.Net',
    'mollie.com': 'Mollie',
    'recurly.com': 'Recurly',
    'spreedly.com': 'Spreedly',
    'worldpay.com': 'Worldpay',
    'cloudpayments.ru': 'CloudPayments',
    'yoomoney.ru': 'YooMoney',
  }),
);

// The same hosts also serve frames without a card field: Stripe's controller and metrics, wallet buttons, captchas.
const NOT_A_FIELD = /controller|metrics|captcha|button|payment-request|express/i;
const SAYS_CARD = /card ?(number|details|field)|credit card|kartennummer|num[ée]ro de (la )?carte|номер карты|卡号/i;

/**
 * The provider whose card field `frame` hosts, for a frame the page cannot read: a known provider's host, or
 * any host when the frame's title or name says it takes a card number. Undefined for other frames.
 */
export function hostedProvider(frame: Element): string | undefined {
  const src = frame.getAttribute('src') ?? '';
  const named = ['title', 'name', 'id'].map((name) => frame.getAttribute(name) ?? '').join(' ');
  if (NOT_A_FIELD.test(`${src} ${named}`)) return undefined;
  let host = '';
  try {
    host = new URL(src).hostname;
  } catch {
    // A relative or empty src is the page's own origin; only the title can tell.
  }
  return PROVIDERS.get(host.split('.').slice(-2).join('.')) ?? (SAYS_CARD.test(named) ? host || 'unknown' : undefined);
}
