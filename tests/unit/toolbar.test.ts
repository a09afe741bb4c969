import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, ICON_SIZES, badgeText, iconFiles } from '@/lib/toolbar';

/** WCAG 2.2's relative luminance of an sRGB colour written `#RRGGBB`. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const contrast = (a: string, b: string) => {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

/** Toolbar and frame colours of Chrome's and Firefox's default light and dark themes. */
const LIGHT_TOOLBARS = ['#FFFFFF', '#F9F9FB', '#F0F0F4'];
const DARK_TOOLBARS = ['#35363A', '#3C3C3C', '#2B2A33', '#202124'];

describe('The toolbar button', () => {
  it("writes the badge's text so every badge fits it", () => {
    expect([0, 1, 42, 99, 100, 12_345].map(badgeText)).toEqual(['', '1', '42', '99', '99+', '99+']);
  });

  it('writes its text with the contrast WCAG asks of text (4.5:1)', () => {
    expect(contrast(BADGE_COLOURS.text, BADGE_COLOURS.background)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([...LIGHT_TOOLBARS, ...DARK_TOOLBARS])('stands the badge off a %s toolbar as WCAG asks of a control (3:1)', (toolbar) => {
    expect(contrast(BADGE_COLOURS.background, toolbar)).toBeGreaterThanOrEqual(3);
  });

  it('names a file for every size, for each variant', () => {
    expect(Object.keys(iconFiles('wallet')).map(Number)).toEqual([...ICON_SIZES]);
    expect(iconFiles('locked')[16]).toBe('icons/locked-16.png');
  });
});
