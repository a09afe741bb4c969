/**
 * When a click on the wallet's frame counts, as the content script judges it. Shared by the product
 * and its tests, so a test waits exactly as long as a shopper must.
 */

/** The frame must stay put and in plain view this long before a click on it counts, as IntersectionObserver v2 suggests. */
export const SETTLE_MS = 500;
/** Below this opacity the frame is too faint for a shopper to read what they click. */
export const MIN_OPACITY = 0.9;
/** More forced re-shows than this within the window turn the frame off for the page. */
export const MAX_RESHOWS = 3;
export const RESHOW_WINDOW_MS = 10_000;
