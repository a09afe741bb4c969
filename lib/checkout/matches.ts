/** Where the checkout content script runs: any https storefront, plus localhost for the bundled demo shop. */
export const CHECKOUT_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** The card-fill module's public path: built beside the extension, imported by the checkout content script where a card form may be. */
export const CARD_FILL_MODULE = 'card-fill.js';

/** The code that mounts the wallet's frames on a store page and guards clicks on them: imported by the content script on the first offer or card form. */
export const INLINE_FRAMES_MODULE = 'inline-frames.js';

/** The extension page the wallet draws on store pages in a frame (the Pay with wallet option, the Fill from wallet offer). */
export const INLINE_FRAME_PAGE = 'inline.html';
