import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectCheckout } from '@/lib/checkout/detect';
import { parsePage } from '../fixtures/checkout/parse-page';

interface Expected {
  url: string;
  isCheckout: boolean;
  total: { amountMinor: number; currency: string } | null;
  cardFields: string[];
  hosted: string[];
  /** A selector the payment-method container matches, or null when the page has none. */
  paymentGroup: string | null;
}

const FIXTURES = new URL('../fixtures/checkout/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<string, Expected>;

function detectFixture(file: string, url: string) {
  return detectCheckout(parsePage(readFileSync(new URL(file, FIXTURES), 'utf8')), url);
}

describe('Checkout detection: saved pages', () => {
  it('has an expected result for every saved page', () => {
    const pages = readdirSync(FIXTURES).filter((file) => file.endsWith('.html'));
    expect(Object.keys(expected).sort()).toEqual(pages.sort());
  });

  it.each(Object.entries(expected))('%s', (file, { url, ...want }) => {
    const result = detectFixture(file, url);
    expect({
      isCheckout: result.isCheckout,
      total: result.total ? { amountMinor: result.total.amountMinor, currency: result.total.currency } : null,
      cardFields: Object.keys(result.cardFields ?? {}).sort(),
      hosted: [...new Set(result.hostedFrames.map(({ provider }) => provider))],
      // The found container's opening markup when it is not the expected one, so a failure shows what was found.
      paymentGroup:
        result.paymentGroup && want.paymentGroup && result.paymentGroup.matches(want.paymentGroup)
          ? want.paymentGroup
          : (result.paymentGroup?.outerHTML.slice(0, 80) ?? null),
    }).toEqual({ ...want, cardFields: [...want.cardFields].sort() });
  });

  it('finds the card form inside a same-origin frame and hands back that frame’s elements', () => {
    const url = expected['same-origin-iframe.html']?.url ?? '';
    const { cardFields } = detectFixture('same-origin-iframe.html', url);
    expect(cardFields?.number?.map((field) => field.getAttribute('id'))).toEqual(['pp-number']);
    expect(cardFields?.number?.[0]?.ownerDocument.querySelector('iframe')).toBeNull();
  });

  it('keeps every field of each kind in document order, the look-alikes a stylesheet hides before the real ones', () => {
    // Layout alone tells these apart; linkedom has none, so only the aria-hidden look-alikes are left out here.
    const tricks = [
      ...['display', 'visibility', 'opacity', 'speck', 'offscreen', 'sr-only', 'clip-path', 'faint'],
      ...['filter', 'scaled', 'collapsed', 'clip-rect', 'masked', 'content', 'covered'],
      ...['blend', 'bright', 'blur', 'svg-filter', 'squashed', 'zoomed', 'small', 'transparent-text', 'white-on-white', 'font'],
      ...['layer', 'shadow', 'outline', 'label', 'holes'],
    ];
    const { cardFields } = detectFixture('hidden-twins.html', expected['hidden-twins.html']?.url ?? '');
    const found = Object.entries(cardFields ?? {}).map(([kind, fields]) => [kind, fields.map((field) => field.dataset.twin ?? field.id)]);
    // A same-origin frame's fields come after the page's own.
    expect(found).toEqual(
      ['number', 'expiry', 'cvc', 'name'].map((kind) => [kind, [...tricks, `card-${kind}`, 'frame-tiny', 'frame-scrolled']]),
    );
  });

  it('reports each hosted field frame, so the option can say they cannot be filled', () => {
    const { hostedFrames, reasons } = detectFixture('braintree-hosted-fields.html', expected['braintree-hosted-fields.html']?.url ?? '');
    expect(hostedFrames.map(({ element }) => element.getAttribute('name'))).toEqual([
      'braintree-hosted-field-number',
      'braintree-hosted-field-expirationDate',
      'braintree-hosted-field-cvv',
    ]);
    expect(reasons).toContain('hosted card fields (Braintree)');
  });

  it('tells an account page from a checkout by its reasons', () => {
    const { reasons } = detectFixture('saved-cards.html', expected['saved-cards.html']?.url ?? '');
    expect(reasons).toEqual(['card fields', 'checkout URL', 'address fields', 'account page', 'card form']);
  });
});
