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

export interface HostedProvider {
  /** The provider's name when the wallet knows it, otherwise the frame's host (or "unknown"), for reasons and logs. */
  provider: string;
  /** Whether `provider` is a name the wallet knows: a host is the page's to choose, so the shopper is never shown one. */
  known: boolean;
}

/**
 * The provider whose card field `frame` hosts, for a frame the page cannot read: a known provider by name, or
 * any host when the frame's title or name says it takes a card number. Undefined for other frames.
 */
export function hostedProvider(frame: Element): HostedProvider | undefined {
  const src = frame.getAttribute('src') ?? '';
  const named = ['title', 'name', 'id'].map((name) => frame.getAttribute(name) ?? '').join(' ');
  if (NOT_A_FIELD.test(`${src} ${named}`)) return undefined;
  let host = '';
  try {
    host = new URL(src).hostname;
  } catch {
    // A relative or empty src is the page's own origin; only the title can tell.
  }
  const name = PROVIDERS.get(host.split('.').slice(-2).join('.'));
  if (name) return { provider: name, known: true };
  return SAYS_CARD.test(named) ? { provider: host || 'unknown', known: false } : undefined;
}

/** What the shopper is told about a frame the wallet cannot fill: the provider's name when the wallet knows it. */
export function hostedNote(frame: HostedProvider, t: (key: string, substitutions?: string[]) => string): string {
  return frame.known ? t('fillHostedNote', [frame.provider]) : t('fillHostedNoteUnnamed');
}
