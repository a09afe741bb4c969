/**
 * When a click on the wallet's frame counts, as the content script judges it, and how many of its frames a
 * page shows. Shared by the product and its tests, so a test waits exactly as long as a shopper must.
 */

/** The frame must stay put and in plain view this long before a click on it counts, as IntersectionObserver v2 suggests. */
export const SETTLE_MS = 500;
/** Below this opacity the frame is too faint for a shopper to read what they click. */
export const MIN_OPACITY = 0.9;
/** More forced re-shows than this within the window turn the frame off for the page. */
export const MAX_RESHOWS = 3;
export const RESHOW_WINDOW_MS = 10_000;

/**
 * Fill offers one page frame shows at most, one for each card form (a page that splits the price over two cards
 * shows two); past that, the first forms of the page have them. The background keeps as many for the page.
 */
export const MAX_FILL_OFFERS = 4;
