import { describe, expect, it } from 'vitest';
import { withoutBidiControls } from '@/lib/bidi-controls';

const CONTROLS = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

describe('Text a page supplied, without bidi controls', () => {
  it.each(CONTROLS.map((code) => [code.toString(16).toUpperCase().padStart(4, '0')]))('drops U+%s', (hex) => {
    expect(withoutBidiControls(`Night ${String.fromCodePoint(Number.parseInt(hex, 16))}Market`)).toBe('Night Market');
  });

  it('drops every one of them, however many and wherever they are', () => {
    const name = '\u202EKcots\u202C \u2066Shop\u2069\u200F \u2067\u05E9\u05DC\u05D5\u05DD\u2069\u061C';
    expect(withoutBidiControls(name)).toBe('Kcots Shop \u05E9\u05DC\u05D5\u05DD');
  });

  it('keeps every other character of Unicode, in order', () => {
    const others: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++)
      if ((code < 0xd800 || code > 0xdfff) && !CONTROLS.includes(code)) others.push(String.fromCodePoint(code));
    const text = others.join('');
    expect(withoutBidiControls(text) === text).toBe(true);
  });
});
