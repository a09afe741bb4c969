import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cardValidator from 'card-validator';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join(import.meta.dirname, '../../public/_locales');
type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((match) => match[0]).sort();

const english = read('en');
const others = readdirSync(LOCALES_DIR).filter((locale) => locale !== 'en');

describe('Locales', () => {
  it('ships en, ru and zh_CN', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(['en', 'ru', 'zh_CN']);
  });

  describe.each(others)('%s', (locale) => {
    const messages = read(locale);
    it('has every English key and no other', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });
    it.each(Object.keys(english))('%s has the same placeholders and is not empty', (key) => {
      const text = messages[key]?.message ?? '';
      expect(text.trim()).not.toBe('');
      expect(placeholders(text)).toEqual(placeholders(english[key]!.message));
    });
  });
});

describe('Card brand names', () => {
  it('has a printed name for every brand card-validator can detect', () => {
    const brands = Object.values(cardValidator.creditCardType.types);
    expect(brands.length).toBeGreaterThan(10);
    for (const brand of brands) expect(english, brand).toHaveProperty(`cardBrand_${brand.replaceAll('-', '_')}`);
  });
});
