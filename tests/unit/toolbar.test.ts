import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconFiles } from '@/lib/toolbar';

describe('The toolbar button', () => {
  it('names a file for every size, for each variant', () => {
    expect(Object.keys(iconFiles('wallet')).map(Number)).toEqual([...ICON_SIZES]);
    expect(iconFiles('locked')[16]).toBe('icons/locked-16.png');
  });
});
