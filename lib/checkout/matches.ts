/** Where the checkout content script runs: any https storefront, plus localhost for the bundled demo shop. */
export const CHECKOUT_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
