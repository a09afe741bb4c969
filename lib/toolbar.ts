/**
 * What the toolbar button shows, whichever browser draws it: the wallet's mark (another while the
 * wallet is locked) and a badge counting what waits for the shopper.
 */

/** Every size Chrome and Firefox ask of an extension's icons: toolbar at 1× and 2×, menus, the add-ons page and stores. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export type IconVariant = 'wallet' | 'locked';

/** The drawing each variant is rendered from at build time. */
export const ICON_DRAWINGS: Record<IconVariant, string> = { wallet: 'assets/icon.svg', locked: 'assets/icon-locked.svg' };

/** Where the build puts a variant at each size, as the manifest and `setIcon` name them. */
export const iconFiles = (variant: IconVariant): Record<number, string> =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${variant}-${size}.png`]));

/**
 * The badge's colours. The background cannot follow the toolbar's colours (Chrome's service worker has
 * no `matchMedia`, and a theme may colour the toolbar any way), so one pair serves light and dark
 * toolbars alike: black text on a red light enough to stand off a dark toolbar and dark enough to stand
 * off a light one (`tests/unit/toolbar.test.ts` holds it to WCAG's ratios).
 */
export const BADGE_COLOURS = { background: '#F5483B', text: '#000000' } as const;

/** The badge's text for a count: empty when nothing waits, and at most three characters, which every badge fits. */
export const badgeText = (count: number): string => (count <= 0 ? '' : count > 99 ? '99+' : String(count));
