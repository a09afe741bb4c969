import { afterEach, describe, expect, it } from 'vitest';
import { closestAcross, deepQuery, holds, openShadowRootsWith, parentOf } from '@/lib/checkout/composed-tree';
import { detectCheckout } from '@/lib/checkout/detect';
import { parsePage } from '../fixtures/checkout/parse-page';

/** A page whose `[data-root]` elements get shadow roots holding their `data-root` HTML. */
function pageWithRoots(html: string, mode: 'open' | 'closed' = 'open') {
  const doc = parsePage(html);
  const closed = new Map<Element, ShadowRoot>();
  const attach = (tree: ParentNode) => {
    for (const host of tree.querySelectorAll('[data-root]')) {
      const root = host.attachShadow({ mode });
      root.innerHTML = host.getAttribute('data-root')!;
      host.removeAttribute('data-root');
      if (mode === 'closed') closed.set(host, root);
      attach(root);
    }
  };
  attach(doc);
  return { doc, closed };
}

afterEach(() => openShadowRootsWith((element) => element.shadowRoot));

describe("The page's tree across shadow roots", () => {
  it('finds elements inside shadow roots, nested ones too, where their hosts stand in the page', () => {
    const { doc } = pageWithRoots(
      `<input id="a"><x-form data-root='<input id="b"><x-field data-root="&lt;input id=c&gt;"></x-field><input id="d">'><input id="slotted"></x-form><input id="e">`,
    );
    expect(deepQuery(doc, 'input').map((input) => input.id)).toEqual(['a', 'slotted', 'b', 'c', 'd', 'e']);
  });

  it('climbs from a field in a shadow root to the page: its parent, what holds it, the nearest match', () => {
    const { doc } = pageWithRoots(`<form id="f" aria-hidden="true"><x-field data-root='<div><input id="inner"></div>'></x-field></form>`);
    const inner = deepQuery(doc, '#inner')[0]!;
    const host = doc.querySelector('x-field')!;
    expect(parentOf(parentOf(inner)!)).toBe(host);
    expect(holds(doc.querySelector('#f')!, inner)).toBe(true);
    expect(holds(inner, host)).toBe(false);
    expect(closestAcross(inner, '[aria-hidden="true"]')?.id).toBe('f');
  });

  it('reads a closed root only through the opener it is given', async () => {
    const { doc, closed } = pageWithRoots(`<x-field data-root='<input id="inner">'></x-field>`, 'closed');
    expect(deepQuery(doc, 'input')).toEqual([]);
    // What one look found is kept to the end of its task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    openShadowRootsWith((element) => closed.get(element) ?? null);
    expect(deepQuery(doc, 'input').map((input) => input.id)).toEqual(['inner']);
  });
});

describe('Card forms web components draw', () => {
  it('a form of design-system fields, each input in its component, is a card form of every kind its labels name', () => {
    const field = (label: string, name: string) =>
      `<ds-field name="${name}" data-root='<label for="i">${label}</label><input id="i" name="${name}">'></ds-field>`;
    const { doc } = pageWithRoots(
      `<h1>Payment</h1><form>${field('Card number', 'cardnumber')}${field('Expiry date', 'expiry')}${field('CVC', 'cvc')}</form>`,
    );
    const detection = detectCheckout(doc, 'https://shop.example/pay');
    expect(detection.isCheckout).toBe(true);
    expect(Object.keys(detection.cardFields ?? {}).sort()).toEqual(['cvc', 'expiry', 'number']);
  });

  it('a sign-in component with a card number for its user name is no payment step', () => {
    const { doc } = pageWithRoots(
      `<x-sign-in data-root='<form><label for="n">Card number</label><input id="n" name="cardnumber"><label for="p">Password</label><input id="p" type="password"><button>Sign in</button></form>'></x-sign-in>`,
    );
    expect(detectCheckout(doc, 'https://bank.example/login').isCheckout).toBe(false);
  });
});
