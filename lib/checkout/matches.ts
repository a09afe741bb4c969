/** Where the checkout content script runs: any https storefront, plus localhost for the bundled demo shop. */
export const CHECKOUT_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** The card-fill module's public path: built beside the extension, imported by the checkout content script where a card form may be. */
export const CARD_FILL_MODULE = 'card-fill.js';
