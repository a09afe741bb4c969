/** What the toolbar button shows, whichever browser draws it: the wallet's mark, another while the wallet is locked. */

/** Every size Chrome and Firefox ask of an extension's icons: toolbar at 1× and 2×, menus, the add-ons page and stores. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

export type IconVariant = 'wallet' | 'locked';

/** The drawing each variant is rendered from at build time. */
export const ICON_DRAWINGS: Record<IconVariant, string> = { wallet: 'assets/icon.svg', locked: 'assets/icon-locked.svg' };

/** Where the build puts a variant at each size, as the manifest and `setIcon` name them. */
export const iconFiles = (variant: IconVariant): Record<number, string> =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${variant}-${size}.png`]));
