import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  chooseFields,
  findCardFields,
  formNumbers,
  type CardFieldKind,
  type CardFields,
  type FieldCheck,
} from '@/lib/checkout/card-fields';
import { fillCard, fillChosen, type CardToFill } from '@/lib/checkout/fill';
import { whyUnfillable } from '@/lib/checkout/fillable';
import { parsePage } from '../fixtures/checkout/parse-page';

const FIXTURES = new URL('../fixtures/checkout/', import.meta.url);
const CARD: CardToFill = {
  number: '4111111111111111',
  expiryMonth: 1,
  expiryYear: 2030,
  holderName: 'Anna Maria Schmidt',
  brand: 'visa',
  cvc: '737',
};

const fixture = (file: string) => parsePage(readFileSync(new URL(file, FIXTURES), 'utf8'));
const page = (body: string) => parsePage(`<!doctype html><html><body>${body}</body></html>`);
const NUMBER = '4111111111111111';
/** A card form: a card number, then `body`. The detectors take no month, year or code on a page without a card number. */
const cardForm = (body: string) => page(`<form><input autocomplete="cc-number" />${body}</form>`);

/** Each found field's value as the page would read it: a select's chosen option text. */
function values(fields: CardFields): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([kind, field]) => [
      kind,
      field?.localName === 'select'
        ? ((field as HTMLSelectElement).options[(field as HTMLSelectElement).selectedIndex]?.textContent ?? '')
        : (field as HTMLInputElement).value,
    ]),
  );
}

/** The first field of each kind the detectors find: linkedom has no layout to choose by, only attributes. */
function fieldsOf(doc: Document): CardFields {
  const { candidates } = findCardFields(doc);
  return chooseFields(candidates, Object.keys(candidates) as CardFieldKind[], whyUnfillable).fields;
}

function fillPage(doc: Document, card: CardToFill = CARD) {
  const fields = fieldsOf(doc);
  return { fields, result: fillCard(fields, card) };
}

describe('Card fill: saved pages', () => {
  it('fills a WooCommerce card form, the expiry spaced as its placeholder shows', () => {
    const { fields, result } = fillPage(fixture('woocommerce-checkout.html'));
    expect(result).toEqual({ filled: ['number', 'expiry', 'cvc'], skipped: [] });
    expect(values(fields)).toEqual({ number: '4111111111111111', expiry: '01 / 30', cvc: '737' });
  });

  it('fills a Russian form whose expiry placeholder is ММ/ГГ', () => {
    const { fields, result } = fillPage(fixture('ru-checkout.html'));
    expect(result.skipped).toEqual([]);
    expect(values(fields)).toEqual({ number: '4111111111111111', expiry: '01/30', cvc: '737', name: 'Anna Maria Schmidt' });
  });

  it('picks the month and year options of a German form’s selects', () => {
    const { fields, result } = fillPage(fixture('de-checkout.html'));
    expect(result.skipped).toEqual([]);
    expect(values(fields)).toEqual({
      number: '4111111111111111',
      expiryMonth: '01',
      expiryYear: '2030',
      cvc: '737',
      name: 'Anna Maria Schmidt',
    });
  });

  it('fills a Chinese form with the number as digits within its maxlength of 19', () => {
    const doc = fixture('zh-checkout.html');
    const { fields, result } = fillPage(doc);
    expect(result.skipped).toEqual([]);
    expect(values(fields)).toEqual({ number: '4111111111111111', expiry: '01/30', cvc: '737', name: 'Anna Maria Schmidt' });
    expect(doc.querySelector<HTMLInputElement>('#smsCode')?.value).toBe('');
  });

  it('fills a form in a same-origin frame, announcing the change in the frame’s own document', () => {
    const doc = fixture('same-origin-iframe.html');
    const fields = fieldsOf(doc);
    const frameDoc = fields.number!.ownerDocument;
    expect(frameDoc).not.toBe(doc);
    const seen: string[] = [];
    frameDoc.addEventListener('change', (event) => seen.push((event.target as Element).id));
    expect(fillCard(fields, CARD).filled).toEqual(['name', 'number', 'expiry', 'cvc']);
    expect(values(fields)).toEqual({ name: 'Anna Maria Schmidt', number: '4111111111111111', expiry: '01/30', cvc: '737' });
    expect(seen).toEqual(['pp-name', 'pp-number', 'pp-exp', 'pp-cvc']);
  });

  it('splits the holder’s name at the last space and picks options of a custom form', () => {
    const { fields, result } = fillPage(fixture('custom-autocomplete.html'), { ...CARD, expiryMonth: 2, expiryYear: 2027 });
    expect(result.skipped).toEqual([]);
    expect(values(fields)).toMatchObject({ givenName: 'Anna Maria', familyName: 'Schmidt', expiryMonth: '02', expiryYear: '2027' });
  });
});

describe('Card fill: formats', () => {
  const split = (month: string, year: string) =>
    cardForm(`<label for="m">Ablaufdatum Monat</label><input id="m" name="kk[monat]" ${month} />
      <label for="y">Ablaufdatum Jahr</label><input id="y" name="kk[jahr]" ${year} />`);

  it.each([
    ['maxlength="2" placeholder="MM"', 'maxlength="2" placeholder="JJ"', '01', '30'],
    ['', 'placeholder="JJJJ"', '01', '2030'],
    ['', '', '01', '2030'],
    ['', 'maxlength="2"', '01', '30'],
    ['', 'placeholder="Jaar"', '01', '2030'],
    ['pattern="[1-9]|1[0-2]"', 'placeholder="YY"', '1', '30'],
  ])('fills split German inputs %s / %s', (month, year, wantMonth, wantYear) => {
    const { fields } = fillPage(split(month, year));
    expect(values(fields)).toEqual({ number: NUMBER, expiryMonth: wantMonth, expiryYear: wantYear });
  });

  it.each([
    ['', '01/30'],
    ['placeholder="MM / YY"', '01 / 30'],
    ['placeholder="MM/YYYY"', '01/2030'],
    ['placeholder="MMJJ"', '0130'],
    ['placeholder="12/28"', '01/30'],
    ['placeholder="Gültig bis MM/JJJJ"', '01/2030'],
    ['placeholder="MM/RRRR"', '01/2030'],
    ['maxlength="4"', '0130'],
    ['pattern="\\d{2}/\\d{4}"', '01/2030'],
    ['placeholder="MM/YY" maxlength="4"', '0130'],
    ['type="month"', '2030-01'],
  ])('writes a single expiry field with %s as %s', (attributes, want) => {
    const { fields } = fillPage(cardForm(`<input autocomplete="cc-exp" ${attributes} />`));
    expect(values(fields)).toEqual({ number: NUMBER, expiry: want });
  });

  it.each([
    ['<option value="">Month</option><option value="1">January</option><option value="10">October</option>', 'January'],
    ['<option>Jan</option><option>Feb</option>', 'Jan'],
    ['<option value="12">12 - December</option><option value="01">01 - January</option>', '01 - January'],
  ])('picks the month option from %s', (options, want) => {
    const { fields } = fillPage(cardForm(`<select autocomplete="cc-exp-month">${options}</select>`));
    expect(values(fields)).toEqual({ number: NUMBER, expiryMonth: want });
  });

  it('picks a two-digit year option and reports a year the select lacks', () => {
    const doc = cardForm(`<select autocomplete="cc-exp-year"><option>29</option><option>30</option></select>`);
    expect(fillPage(doc).result.filled).toEqual(['number', 'expiryYear']);
    expect(values(fieldsOf(doc))).toEqual({ number: NUMBER, expiryYear: '30' });
    expect(fillPage(doc, { ...CARD, expiryYear: 2031 }).result.skipped).toEqual([{ kind: 'expiryYear', reason: 'no matching option' }]);
  });
});

describe('Card fill: how the page is told', () => {
  it('sets the value through the prototype, past a framework’s own setter, then fires bubbling input and change', () => {
    const doc = page('<form><input id="pan" autocomplete="cc-number" /></form>');
    const view = doc.defaultView!;
    const input = doc.querySelector<HTMLInputElement>('#pan')!;
    const native = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')!;
    // As React's value tracker does: an own `value` property that records what is set through it.
    const tracked: string[] = [];
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native.get!.call(input),
      set: (value: string) => {
        tracked.push(value);
        native.set!.call(input, value);
      },
    });
    const events: { type: string; bubbles: boolean; isInputEvent: boolean }[] = [];
    for (const type of ['input', 'change']) {
      doc
        .querySelector('form')!
        .addEventListener(type, (event) =>
          events.push({ type: event.type, bubbles: event.bubbles, isInputEvent: event instanceof view.InputEvent }),
        );
    }

    expect(fillCard({ number: input }, CARD)).toEqual({ filled: ['number'], skipped: [] });
    expect(tracked).toEqual([]);
    expect(native.get!.call(input)).toBe('4111111111111111');
    expect(events).toEqual([
      { type: 'input', bubbles: true, isInputEvent: true },
      { type: 'change', bubbles: true, isInputEvent: false },
    ]);
  });
});

describe('Card fill: what is left alone', () => {
  it('skips hidden, disabled and read-only fields and says why', () => {
    const doc = page(`<input id="a" readonly /><div style="display: none"><input id="b" /></div><input id="c" type="hidden" />
      <fieldset disabled><input id="d" /></fieldset><input id="e" disabled />`);
    const field = (id: string) => doc.getElementById(id) as HTMLInputElement;
    const result = fillCard({ number: field('a'), cvc: field('b'), name: field('c'), expiry: field('d'), givenName: field('e') }, CARD);
    expect(result).toEqual({
      filled: [],
      skipped: [
        { kind: 'number', reason: 'read-only' },
        { kind: 'cvc', reason: 'hidden' },
        { kind: 'name', reason: 'hidden' },
        { kind: 'expiry', reason: 'disabled' },
        { kind: 'givenName', reason: 'disabled' },
      ],
    });
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => field(id).value)).toEqual(['', '', '', '', '']);
  });

  it('skips a field whose frame was hidden after it was found', () => {
    const doc = fixture('same-origin-iframe.html');
    const fields = fieldsOf(doc);
    const frame = doc.querySelector('iframe')!;
    // linkedom gives frames no window of their own, and its windows share their properties: give this document its own.
    const frameDoc = fields.number!.ownerDocument;
    Object.defineProperty(frameDoc, 'defaultView', { value: Object.create(frameDoc.defaultView!, { frameElement: { value: frame } }) });
    frame.setAttribute('style', 'display: none');
    expect(fillCard({ number: fields.number }, CARD).skipped).toEqual([{ kind: 'number', reason: 'hidden' }]);
    expect((fields.number as HTMLInputElement).value).toBe('');
  });

  it('fills only the kinds it is given, and none the card has nothing for', () => {
    const doc = fixture('custom-autocomplete.html');
    const fields = fieldsOf(doc);
    expect(fillCard({ number: fields.number, familyName: fields.familyName }, { ...CARD, holderName: 'Cher' })).toEqual({
      filled: ['number'],
      skipped: [{ kind: 'familyName', reason: 'no value' }],
    });
    expect(values(fields)).toMatchObject({ number: '4111111111111111', givenName: '', familyName: '', cvc: '' });
  });

  it('skips a field no longer on the page', () => {
    const doc = cardForm('<input autocomplete="cc-csc" />');
    const { cvc } = fieldsOf(doc);
    const fields = { cvc };
    cvc!.remove();
    expect(fillCard(fields, CARD).skipped).toEqual([{ kind: 'cvc', reason: 'removed from the page' }]);
  });

  it('refuses a payment provider’s stand-in input handed to it', () => {
    const doc = page('<label>Card number <input class="__PrivateStripeElement-input"></label>');
    const proxy = doc.querySelector('input')!;
    expect(fillCard({ number: proxy }, CARD).skipped).toEqual([{ kind: 'number', reason: 'provider proxy' }]);
    expect(proxy.value).toBe('');
  });
});

describe('Card fill: the field of each kind the shopper sees', () => {
  // linkedom has no layout: in the browser shopper-visible.ts tells the look-alikes; here a check that knows them stands in.
  const seenByShopper: FieldCheck = (field) => (field.hasAttribute('data-twin') ? 'hidden by the page' : whyUnfillable(field));
  const KINDS: CardFieldKind[] = ['number', 'expiry', 'cvc', 'name'];
  const value = (doc: Document, selector: string) => doc.querySelector<HTMLInputElement>(selector)?.value;

  it('fills the form the shopper sees and leaves every look-alike before it empty', () => {
    const doc = fixture('hidden-twins.html');
    expect(fillChosen(findCardFields(doc).candidates, KINDS, CARD, seenByShopper)).toEqual({ filled: KINDS, skipped: [] });
    expect(['#card-number', '#card-expiry', '#card-cvc', '#card-name'].map((selector) => value(doc, selector))).toEqual([
      '4111111111111111',
      '01 / 30',
      '737',
      'Anna Maria Schmidt',
    ]);
    const twins = [...doc.querySelectorAll<HTMLInputElement>('[data-twin]')];
    // The look-alikes in the page's own frames are not loaded here: linkedom does not load frames.
    expect(twins).toHaveLength(124);
    expect(twins.filter((twin) => twin.value !== '').map((twin) => twin.dataset.twin)).toEqual([]);
  });

  it('fills only the kinds the shopper confirmed', () => {
    const doc = fixture('hidden-twins.html');
    expect(fillChosen(findCardFields(doc).candidates, ['number', 'cvc'], CARD, seenByShopper).filled).toEqual(['number', 'cvc']);
    expect([value(doc, '#card-expiry'), value(doc, '#card-name')]).toEqual(['', '']);
  });

  it('skips and reports a kind whose field the page has hidden since, and one no longer on the page', () => {
    const doc = page(
      '<input id="pan" autocomplete="cc-number"><input data-twin autocomplete="cc-csc"><input id="cvc" autocomplete="cc-csc"><input id="name" autocomplete="cc-name">',
    );
    const { candidates } = findCardFields(doc);
    doc.getElementById('cvc')!.setAttribute('style', 'display: none');
    doc.getElementById('pan')!.remove();
    expect(fillChosen(candidates, ['cvc', 'name', 'number'], CARD, seenByShopper)).toEqual({
      filled: ['name'],
      skipped: [
        { kind: 'cvc', reason: 'hidden by the page; hidden' },
        { kind: 'number', reason: 'removed from the page' },
      ],
    });
    expect(value(doc, '#cvc')).toBe('');
  });
});

describe('Card fill: a page with several card forms', () => {
  // Apple's "pay with two cards": both in one <form>, each in a section of its own, none named for which card it is.
  const TWO_CARDS = `<form>
    <div class="card"><div><label for="n0">Card number</label><input id="n0"></div>
      <div><label for="e0">Expiration MM/YY</label><input id="e0"></div><div><label for="c0">CVV</label><input id="c0"></div></div>
    <div class="card"><div><label for="n1">Card number for the second card</label><input id="n1"></div>
      <div><label for="e1">Expiration MM/YY</label><input id="e1"></div><div><label for="c1">CVV</label><input id="c1"></div></div>
    <button>Place order</button></form>`;
  const KINDS: CardFieldKind[] = ['number', 'expiry', 'cvc'];
  const ids = (fields: CardFields) => Object.values(fields).map((field) => field.id);

  it('fills one card into one form: the one whose number is given, else the first, never a control of the other', () => {
    const doc = page(TWO_CARDS);
    const { candidates } = findCardFields(doc);
    const second = doc.getElementById('n1') as HTMLInputElement;
    expect(formNumbers(candidates, whyUnfillable).map(({ id }) => id)).toEqual(['n0', 'n1']);
    expect(ids(chooseFields(candidates, KINDS, whyUnfillable).fields)).toEqual(['n0', 'e0', 'c0']);
    expect(ids(chooseFields(candidates, KINDS, whyUnfillable, second).fields)).toEqual(['n1', 'e1', 'c1']);
    expect(fillChosen(candidates, KINDS, CARD, whyUnfillable, second)).toEqual({ filled: KINDS, skipped: [] });
    expect(['n0', 'e0', 'c0', 'n1', 'e1', 'c1'].map((id) => (doc.getElementById(id) as HTMLInputElement).value)).toEqual([
      '',
      '',
      '',
      NUMBER,
      '01/30',
      '737',
    ]);
  });

  it('takes a control’s form from its form attribute, wherever the page puts it', () => {
    const doc = page(`<form id="one"></form><form id="two"></form>
      <label for="n1">Card number</label><input id="n1" form="one"><label for="n2">Card number</label><input id="n2" form="two">
      <label for="e1">Expiry</label><input id="e1" form="one"><label for="e2">Expiry</label><input id="e2" form="two">
      <label for="c1">CVV</label><input id="c1" form="one"><label for="c2">CVV</label><input id="c2" form="two">`);
    const { candidates } = findCardFields(doc);
    expect(ids(chooseFields(candidates, KINDS, whyUnfillable, doc.getElementById('n2') as HTMLInputElement).fields)).toEqual([
      'n2',
      'e2',
      'c2',
    ]);
    expect(ids(chooseFields(candidates, KINDS, whyUnfillable).fields)).toEqual(['n1', 'e1', 'c1']);
  });

  it('leaves a kind empty where the chosen form lacks it, rather than take the other form’s', () => {
    const doc = page(TWO_CARDS.replace('<div><label for="c1">CVV</label><input id="c1"></div>', ''));
    const { candidates } = findCardFields(doc);
    const { fields, unavailable } = chooseFields(candidates, KINDS, whyUnfillable, doc.getElementById('n1') as HTMLInputElement);
    expect(ids(fields)).toEqual(['n1', 'e1']);
    expect(unavailable).toEqual([{ kind: 'cvc', reason: 'in another form' }]);
  });

  it('counts a number split into blocks as one form, each block captioned as the number', () => {
    const blocks = [1, 2, 3, 4].map((n) => `<input id="b${n}" aria-label="Card number, digits ${n * 4 - 3} to ${n * 4}" maxlength="4">`);
    const doc = page(`<form><div>${blocks.join('')}</div><label for="c">CVV</label><input id="c"></form>`);
    const { candidates } = findCardFields(doc);
    expect(candidates.number?.map(({ id }) => id)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(formNumbers(candidates, whyUnfillable).map(({ id }) => id)).toEqual(['b1']);
    expect(fillChosen(candidates, ['number', 'cvc'], CARD, whyUnfillable)).toEqual({ filled: ['number', 'cvc'], skipped: [] });
    expect(['b1', 'b2', 'b3', 'b4', 'c'].map((id) => (doc.getElementById(id) as HTMLInputElement).value)).toEqual([
      '4111',
      '1111',
      '1111',
      '1111',
      '737',
    ]);
  });
});

describe('Card fill: forms that split what a card has in one piece', () => {
  it('types a number split into four blocks, each its share in order', () => {
    const doc = page(`<form><label for="b1">Card number</label><div><input id="b1" maxlength="4"> - <input id="b2" maxlength="4"> -
      <input id="b3" maxlength="4"> - <input id="b4" maxlength="4"></div><label for="c">CVV</label><input id="c"></form>`);
    const changed: string[] = [];
    doc.addEventListener('change', (event) => changed.push((event.target as Element).id));
    const { result } = fillPage(doc);
    expect(result).toEqual({ filled: ['number', 'cvc'], skipped: [] });
    expect(['b1', 'b2', 'b3', 'b4'].map((id) => doc.querySelector<HTMLInputElement>(`#${id}`)!.value)).toEqual([
      '4111',
      '1111',
      '1111',
      '1111',
    ]);
    expect(changed).toEqual(['b1', 'b2', 'b3', 'b4', 'c']);
  });

  it('gives an Amex its 4-6-5 blocks', () => {
    const doc = page(
      `<label for="a">Card number</label><span><input id="a" maxlength="4"><input id="b" maxlength="6"><input id="c" maxlength="5"></span>`,
    );
    fillPage(doc, { ...CARD, number: '378282246310005', brand: 'american-express' });
    expect(['a', 'b', 'c'].map((id) => doc.querySelector<HTMLInputElement>(`#${id}`)!.value)).toEqual(['3782', '822463', '10005']);
  });

  it('sets a card-type select to the card’s brand by the options’ words, whatever their values', () => {
    const doc = cardForm(`<label for="t">Select your card type</label><select id="t"><option value="">Select</option>
      <option value="001">Visa</option><option value="002">MasterCard</option><option value="003">American Express</option></select>`);
    const { fields, result } = fillPage(doc, { ...CARD, number: '5555555555554444', brand: 'mastercard' });
    expect(result.skipped).toEqual([]);
    expect(values(fields)).toMatchObject({ cardType: 'MasterCard' });
  });

  it('sets the plain brand where the shop also lists its co-branded card', () => {
    const doc = cardForm(`<label for="t">Card type</label><select id="t"><option value="">Select</option>
      <option value="VI">MileagePlus Visa</option><option value="VI">Visa</option><option value="MC">MasterCard</option></select>`);
    const { fields } = fillPage(doc);
    expect(values(fields)).toMatchObject({ cardType: 'Visa' });
  });

  it('clicks the radio of the card’s brand, and reports a brand the page does not take', () => {
    const doc = cardForm(`<input type="radio" name="cardType" id="v" value="VI"><label for="v">Visa</label>
      <input type="radio" name="cardType" id="m" value="MC"><label for="m">Mastercard</label>`);
    const clicks: string[] = [];
    doc.addEventListener('click', (event) => clicks.push((event.target as Element).id));
    // linkedom does not check a clicked radio; the browser does, as the e2e card-fill test shows.
    expect(fillPage(doc).result).toEqual({ filled: ['number', 'cardType'], skipped: [] });
    expect(clicks).toEqual(['v']);
    expect(fillPage(doc, { ...CARD, brand: 'jcb' }).result.skipped).toEqual([{ kind: 'cardType', reason: 'no matching option' }]);
  });

  it('splits the holder’s name into the given and family name boxes of a payment section', () => {
    const doc = cardForm(
      '<input id="g" autocomplete="section-payment given-name" maxlength="25"><input id="f" autocomplete="section-payment family-name">',
    );
    expect(values(fillPage(doc).fields)).toEqual({ number: NUMBER, givenName: 'Anna Maria', familyName: 'Schmidt' });
  });

  it('fills a month and year that share one label', () => {
    const doc = cardForm('<div><label>Expiry date</label><input name="month" placeholder="MM"><input name="year" placeholder="YY"></div>');
    expect(values(fillPage(doc).fields)).toEqual({ number: NUMBER, expiryMonth: '01', expiryYear: '30' });
  });
});
