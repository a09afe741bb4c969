// Facts about card payment providers that both the content script's first look and the detectors go by.

/** Payment providers that host card fields in iframes of their own origin, keyed by the last two labels of the host. */
export const PROVIDER_HOSTS: Record<string, string> = {
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
  'verygoodvault.com': 'VGS',
};

/**
 * How integration guides name the element a provider's script mounts its card frames into: "card-element",
 * "payment-element", "card-container", "dropin-container", "drop-in", "component-container".
 */
export const MOUNT_WORDS = ['card', 'payment', 'dropin', 'drop-in', 'component'];
