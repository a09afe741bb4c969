import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseFields, findCardFields } from '@/lib/checkout/card-fields';
import { cardBrandRadios } from '@/lib/checkout/card-type';
import { cardFieldKind } from '@/lib/checkout/field-kind';
import { detectCheckout } from '@/lib/checkout/detect';
import { maybeCardForm } from '@/lib/checkout/maybe-card-form';
import { whyUnfillable } from '@/lib/checkout/fillable';
import { hostedNote } from '@/lib/checkout/hosted-frames';
import { findPaymentGroup } from '@/lib/checkout/payment-methods';
import { findTotal } from '@/lib/checkout/total';
import { parsePage } from '../fixtures/checkout/parse-page';

const page = (body: string, lang = 'en', head = '') =>
  parsePage(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);

/** The kind of each input and select on a page made of `body`, in document order. */
const kindsIn = (body: string) => [...page(body).querySelectorAll('input, select')].map(cardFieldKind);

describe('Checkout detection: card fields by autocomplete token', () => {
  it.each([
    ['cc-number', 'number'],
    ['section-checkout billing cc-number', 'number'],
    ['shipping CC-EXP', 'expiry'],
    ['section-pay cc-exp-month', 'expiryMonth'],
    ['billing cc-exp-year', 'expiryYear'],
    ['section-pay billing cc-csc webauthn', 'cvc'],
    ['cc-name', 'name'],
    ['cc-given-name', 'givenName'],
    ['cc-family-name', 'familyName'],
    ['cc-type', 'cardType'],
  ])('reads "%s" as %s', (autocomplete, kind) => {
    expect(kindsIn(`<input autocomplete="${autocomplete}">`)).toEqual([kind]);
  });

  it('takes a card token it has no use for as the answer, over the words around the field', () => {
    expect(kindsIn('<label>Card number <input autocomplete="cc-additional-name"></label>')).toEqual([undefined]);
  });

  it('reads the holder’s name tokens as the card’s in a section named for the payment, and only there', () => {
    expect(
      kindsIn(`<input autocomplete="section-payment given-name" maxlength="25"><input autocomplete="section-payment family-name">
        <input autocomplete="section-cc name"><input autocomplete="billing given-name"><input autocomplete="section-shipping family-name">`),
    ).toEqual(['givenName', 'familyName', 'name', undefined, undefined]);
  });

  it('falls back to the words when the token is not a card one', () => {
    expect(kindsIn('<label for="n">Card code</label><input id="n" autocomplete="off">')).toEqual(['cvc']);
  });
});

describe('Checkout detection: card fields by their words', () => {
  it.each([
    ['<label for="f">Card number</label><input id="f">', 'number'],
    ['<input name="cardNumber">', 'number'],
    ['<input aria-label="Credit card number">', 'number'],
    ['<label for="f">Номер карты</label><input id="f">', 'number'],
    ['<label for="f">Kartennummer</label><input id="f">', 'number'],
    ['<label for="f">Numéro de carte</label><input id="f">', 'number'],
    ['<label for="f">卡号</label><input id="f">', 'number'],
    ['<div><span>Номер карты</span><input></div>', 'number'],
    ['<span id="c">Kartennummer</span><input aria-labelledby="c">', 'number'],
    ['<input placeholder="MM / YY">', 'expiry'],
    ['<label for="f">Срок действия</label><input id="f" placeholder="ММ/ГГ">', 'expiry'],
    ['<label for="f">Ablaufdatum</label><input id="f">', 'expiry'],
    ['<label for="f">Date d’expiration</label><input id="f">', 'expiry'],
    ['<label for="f">有效期</label><input id="f">', 'expiry'],
    ['<label for="f">Security code</label><input id="f">', 'cvc'],
    ['<input name="cvv2">', 'cvc'],
    ['<label for="f">Код безопасности</label><input id="f">', 'cvc'],
    ['<label for="f">Prüfnummer</label><input id="f">', 'cvc'],
    ['<label for="f">Cryptogramme visuel</label><input id="f">', 'cvc'],
    ['<label for="f">安全码</label><input id="f">', 'cvc'],
    ['<label for="f">Cardholder name</label><input id="f">', 'name'],
    ['<label for="f">Имя владельца карты</label><input id="f">', 'name'],
    ['<label for="f">Karteninhaber</label><input id="f">', 'name'],
    ['<label for="f">Titulaire de la carte</label><input id="f">', 'name'],
    ['<label for="f">持卡人姓名</label><input id="f">', 'name'],
  ])('%s is %s', (body, kind) => {
    expect(kindsIn(body)).toEqual([kind]);
  });

  it.each([
    ['a gift card number', '<label for="f">Gift card number</label><input id="f">'],
    ['a discount code', '<label for="f">Code de réduction ou carte cadeau</label><input id="f">'],
    ['a promo code', '<label for="f">Промокод</label><input id="f">'],
    ['a one-time code', '<label for="f">短信验证码</label><input id="f">'],
    ['a phone number', '<label for="f">Phone number</label><input id="f" type="tel">'],
    ['a card-type select', '<label for="f">Card number type</label><select id="f"><option>Visa</option></select>'],
  ])('does not take %s for a card field', (_, body) => {
    expect(kindsIn(body)).toEqual([undefined]);
  });
});

describe('Checkout detection: split expiry', () => {
  it('tells month from year by name when one label covers both', () => {
    const body = `<label for="m">Expiration date</label>
      <select id="m" name="exp_month"><option>01</option></select> <select name="exp_year"><option>2027</option></select>`;
    expect(kindsIn(body)).toEqual(['expiryMonth', 'expiryYear']);
  });

  it('tells month from year by placeholder or aria-label, in Russian too', () => {
    expect(kindsIn('<label>Expiry <input placeholder="MM"></label><label>Expiry <input placeholder="YYYY"></label>')).toEqual([
      'expiryMonth',
      'expiryYear',
    ]);
    expect(
      kindsIn('<input aria-label="Срок действия, месяц" placeholder="ММ"><input aria-label="Срок действия, год" placeholder="ГГ">'),
    ).toEqual(['expiryMonth', 'expiryYear']);
  });

  it('keeps one "MM/YY" field whole', () => {
    expect(kindsIn('<label for="e">Expiry month / year</label><input id="e" placeholder="MM/YY">')).toEqual(['expiry']);
  });
});

describe('Checkout detection: fields the wallet cannot fill', () => {
  it('skips hidden, disabled, read-only and type=hidden fields', () => {
    const doc = page(`
      <input type="hidden" autocomplete="cc-number">
      <input hidden autocomplete="cc-number">
      <div style="display:none"><div><input autocomplete="cc-number"></div></div>
      <div style="visibility: hidden"><input autocomplete="cc-number"></div>
      <input disabled autocomplete="cc-number">
      <input readonly autocomplete="cc-number">
      <input type="checkbox" autocomplete="cc-number">
      <input id="shown" autocomplete="cc-number">`);
    expect(Object.keys(findCardFields(doc).candidates)).toEqual(['number']);
    expect(findCardFields(doc).candidates.number?.map((field) => field.getAttribute('id'))).toEqual(['shown']);
  });

  it('reports a frame it may not read as hosted, whether reading yields null or throws', () => {
    const doc =
      page(`<iframe id="a" src="https://js.stripe.com/v3/elements-inner-card-1.html" title="Secure card payment input frame"></iframe>
      <iframe id="b" src="https://checkoutshopper-test.adyen.com/checkoutshopper/securedfields/test_X/5.2.0/securedFields.html"></iframe>`);
    Object.defineProperty(doc.getElementById('a'), 'contentDocument', { get: () => null });
    Object.defineProperty(doc.getElementById('b'), 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    expect(findCardFields(doc).hostedFrames.map(({ provider, element }) => [provider, element.id])).toEqual([
      ['Stripe', 'a'],
      ['Adyen', 'b'],
    ]);
  });

  it('names an unknown provider by its host when the frame says it takes a card number', () => {
    const doc = page(
      '<iframe src="https://fields.pay-example.net/pan" title="Card number"></iframe><iframe src="https://www.youtube.com/embed/x" title="How to pay"></iframe>',
    );
    expect(findCardFields(doc).hostedFrames.map(({ provider }) => provider)).toEqual(['fields.pay-example.net']);
  });

  it('never takes a payment provider’s stand-in input for a card field, though its label says "Card number"', () => {
    const doc = page(`
      <div class="form-row"><label for="c">Card number</label><div id="c"><div class="__PrivateStripeElement">
        <iframe src="https://js.stripe.com/v3/elements-inner-cardNumber-1.html" title="Secure card number input frame"></iframe>
        <input id="stripe" class="__PrivateStripeElement-input" autocomplete="false" maxlength="1">
      </div></div></div>
      <div class="form-row"><label>Card number <input id="proxy" aria-hidden="true" tabindex="-1"></label></div>`);
    const proxies = ['stripe', 'proxy'].map((id) => doc.getElementById(id)!);
    expect(proxies.map(cardFieldKind)).toEqual(['number', 'number']);
    expect(proxies.map(whyUnfillable)).toEqual(['provider proxy', 'provider proxy']);
    expect(findCardFields(doc).candidates).toEqual({});
    expect(detectCheckout(doc, 'https://shop.example/checkout')).toMatchObject({
      cardFields: undefined,
      reasons: ['checkout URL', 'hosted card fields (Stripe)'],
    });
  });

  it('skips fields inside aria-hidden or inert, which no one is meant to use', () => {
    const doc = page(`<div aria-hidden="true"><input autocomplete="cc-number"></div><div inert><input autocomplete="cc-csc"></div>
      <input aria-hidden="true" autocomplete="cc-name"><input id="number" aria-hidden="false" autocomplete="cc-number">`);
    expect(findCardFields(doc).candidates.number?.map((field) => field.id)).toEqual(['number']);
    expect(Object.keys(findCardFields(doc).candidates)).toEqual(['number']);
  });

  it('leaves out provider frames that hold no card field, and hidden ones', () => {
    const doc = page(`
      <iframe name="__privateStripeController1" src="https://js.stripe.com/v3/controller-with-preconnect-1.html"></iframe>
      <iframe src="https://js.stripe.com/v3/elements-inner-payment-request-1.html" title="Secure payment request button frame"></iframe>
      <iframe src="https://www.paypal.com/smart/buttons?style.layout=vertical" title="PayPal"></iframe>
      <div style="display: none"><iframe src="https://js.stripe.com/v3/elements-inner-card-1.html"></iframe></div>`);
    expect(findCardFields(doc).hostedFrames).toEqual([]);
  });
});

describe('Checkout detection: the note beside a card frame the wallet cannot fill', () => {
  const translate = (locale: string) => {
    const url = new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url);
    const messages = JSON.parse(readFileSync(url, 'utf8')) as Record<string, { message: string }>;
    return (key: string, substitutions: string[] = []) =>
      messages[key]!.message.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  };
  // A known provider's frame, an unknown host's that says it takes a card number, and one with no host at all.
  const frames = page(`<iframe src="https://js.stripe.com/v3/elements-inner-card-1.html" title="Secure card payment input frame"></iframe>
    <iframe src="https://fields.pay-example.net/pan" title="Card number"></iframe><iframe title="Card number"></iframe>`);

  it.each([
    [
      'en',
      'This store takes your card in Stripe’s frame, which the wallet cannot fill. Type the card there yourself.',
      'This store takes your card in a payment provider’s frame, which the wallet cannot fill. Type the card there yourself.',
    ],
    [
      'ru',
      'Этот магазин принимает карту во фрейме Stripe, который кошелёк заполнить не может. Введите карту там сами.',
      'Этот магазин принимает карту во фрейме платёжного провайдера, который кошелёк заполнить не может. Введите карту там сами.',
    ],
    [
      'zh_CN',
      '此店铺在 Stripe 的框架中收集银行卡信息，钱包无法填写，请自行输入。',
      '此店铺在支付服务商的框架中收集银行卡信息，钱包无法填写，请自行输入。',
    ],
  ])('in %s names a provider the wallet knows, and any other only as a payment provider', (locale, named, unnamed) => {
    const notes = findCardFields(frames).hostedFrames.map((frame) => hostedNote(frame, translate(locale)));
    expect(notes).toEqual([named, unnamed, unnamed]);
  });
});

describe('Checkout detection: order total', () => {
  const totalOf = (body: string, lang = 'en', head = '') => {
    const total = findTotal(page(body, lang, head));
    return total && { amountMinor: total.amountMinor, currency: total.currency };
  };

  it('prefers the total to the subtotal, shipping and tax lines', () => {
    const body = `<table><tr><th>Subtotal</th><td>$45.00</td></tr><tr><th>Shipping</th><td>$5.00</td></tr>
      <tr><th>Total</th><td>$54.50</td></tr><tr><th>Total tax</th><td>$4.50</td></tr></table>`;
    expect(totalOf(body)).toEqual({ amountMinor: 5450, currency: 'USD' });
  });

  it('prefers a grand total to a plain one, wherever it stands', () => {
    expect(totalOf('<p>Grand total <b>€12.00</b></p><p>Total items <b>€10.00</b></p>')).toEqual({ amountMinor: 1200, currency: 'EUR' });
  });

  it('skips sums before tax and a heading whose amount belongs to the line below', () => {
    const body = `<h2>Cart totals</h2><dl><dt>Subtotal</dt><dd>€40.00</dd><dt>Total (excl. tax)</dt><dd>€40.00</dd>
      <dt>Total HT</dt><dd>€40.00</dd><dt>Total (tax incl.)</dt><dd>€48.00</dd></dl>`;
    expect(totalOf(body)).toEqual({ amountMinor: 4800, currency: 'EUR' });
  });

  it.each([
    ['<p>Итого: 4\u00a0990\u00a0₽</p>', 499000],
    ['<p>Итого: 4\u202f990 ₽</p>', 499000],
    ['<p>Итого к оплате: 12 345,50 руб.</p>', 1234550],
    ['<div><span>Итого</span> <span>1 299 р.</span></div>', 129900],
  ])('reads Russian amounts with spaces: %s', (body, amountMinor) => {
    expect(totalOf(body, 'ru')).toEqual({ amountMinor, currency: 'RUB' });
  });

  it.each([
    ['<p>合計 ¥1,299</p>', 'ja', 1299, 'JPY'],
    ['<p>Total ¥1,299</p>', 'en', 1299, 'JPY'],
    ['<p>Total ¥1,299.00</p>', 'en', 129900, 'CNY'],
    ['<p>合计 ¥1,299</p>', 'zh-CN', 129900, 'CNY'],
    ['<p>实付款：1,299.00元</p>', 'zh-CN', 129900, 'CNY'],
    ['<p>Total: RMB 88.00</p>', 'en', 8800, 'CNY'],
    ["<p>Total CHF 1'234.50</p>", 'de-CH', 123450, 'CHF'],
    ['<p>Total R$ 1.234,56</p>', 'pt-BR', 123456, 'BRL'],
    ['<p>Total US$12.00</p>', 'en', 1200, 'USD'],
    ['<p>Total 12.00 GBP</p>', 'en', 1200, 'GBP'],
    ['<p>Gesamtsumme 1.234 €</p>', 'de-DE', 123400, 'EUR'],
    ['<p>Total TTC 1 089,90 €</p>', 'fr', 108990, 'EUR'],
  ])('reads %s (%s) as %d %s', (body, lang, amountMinor, currency) => {
    expect(totalOf(body, lang)).toEqual({ amountMinor, currency });
  });

  it('takes the currency the page declares for a "$" or a bare amount', () => {
    expect(totalOf('<p>Total $45.00</p>', 'en', '<meta itemprop="priceCurrency" content="CAD">')).toEqual({
      amountMinor: 4500,
      currency: 'CAD',
    });
    expect(totalOf('<p data-currency="EUR">Total: 45.00</p>')).toEqual({ amountMinor: 4500, currency: 'EUR' });
  });

  it('takes no count, and no amount without a currency, for a total', () => {
    expect(totalOf('<p>Всего товаров: 3</p>', 'ru')).toBeUndefined();
    expect(totalOf('<p>Total: 45.00</p>')).toBeUndefined();
  });

  it('reads amounts on a page whose lang is not a valid locale', () => {
    expect(totalOf('<p>Total $5.00</p>', 'en_US')).toEqual({ amountMinor: 500, currency: 'USD' });
    expect(totalOf('<p>Total $5.00</p>', '??')).toEqual({ amountMinor: 500, currency: 'USD' });
  });
});

describe('Checkout detection: payment-method group', () => {
  it('returns the radiogroup of role=radio options', () => {
    const doc = page(
      `<div role="radiogroup" id="g"><div role="radio" aria-checked="true">Оплата картой</div><div role="radio">Наличными при получении</div></div>`,
    );
    expect(findPaymentGroup(doc)?.getAttribute('id')).toBe('g');
  });

  it('returns the list around a lone radio the shop hides', () => {
    const doc =
      page(`<ul class="wc_payment_methods"><li><input type="radio" name="payment_method" value="stripe" style="display:none" checked>
      <label>Kreditkarte</label></li></ul>`);
    expect(findPaymentGroup(doc)?.getAttribute('class')).toBe('wc_payment_methods');
  });

  it('leaves shipping and size choices out', () => {
    const doc = page(`<fieldset><input type="radio" name="shipping" id="a"><label for="a">Standard delivery</label>
      <input type="radio" name="shipping" id="b"><label for="b">Express</label></fieldset>
      <fieldset><input type="radio" name="Size" value="S"><input type="radio" name="Size" value="M"></fieldset>`);
    expect(findPaymentGroup(doc)).toBeUndefined();
  });

  it('prefers the choice of payment to another that mentions one', () => {
    const doc = page(`<div id="ship"><input type="radio" name="d" id="a"><label for="a">Courier, cash on delivery</label>
      <input type="radio" name="d" id="b"><label for="b">Pickup</label></div>
      <div id="pay"><input type="radio" name="payment_method" id="c"><label for="c">PayPal</label>
      <input type="radio" name="payment_method" id="e"><label for="e">Bank transfer</label></div>`);
    expect(findPaymentGroup(doc)?.getAttribute('id')).toBe('pay');
  });
});

describe('Checkout detection: checkout or look-alike', () => {
  const cardForm = `<label for="n">Номер карты</label><input id="n"><label for="c">CVC</label><input id="c">
    <label for="z">Индекс</label><input id="z" name="billing_postcode">`;

  it('does not take a saved-cards page for a checkout', () => {
    const result = detectCheckout(
      page(`<h1>Мои карты</h1><form>${cardForm}<button>Сохранить карту</button></form>`, 'ru'),
      'https://shop.example/lk/cards',
    );
    expect(result).toMatchObject({ isCheckout: false, reasons: ['card fields', 'address fields', 'account page', 'card form'] });
  });

  it('takes card fields and an address, outside any account page, for a checkout', () => {
    const result = detectCheckout(page(`<h1>Доставка и оплата</h1><form>${cardForm}</form>`, 'ru'), 'https://shop.example/order');
    expect(result).toMatchObject({ isCheckout: true, reasons: ['card fields', 'checkout URL', 'address fields', 'card form'] });
  });

  it('does not take a total and a buy button without any payment field for a checkout', () => {
    const result = detectCheckout(page('<p>Total $54.50</p><button>Buy now</button>'), 'https://shop.example/checkout');
    expect(result).toMatchObject({ isCheckout: false, reasons: ['order total', 'place-order button', 'checkout URL'] });
  });

  it('takes a hosted card frame with a pay button for a checkout, with no card fields to fill', () => {
    const doc = page(
      '<iframe src="https://checkout.shopifycs.com/number?identifier=1" title="Field container for: Card number"></iframe><button>Оплатить</button>',
      'ru',
    );
    const result = detectCheckout(doc, '');
    expect(result).toMatchObject({
      isCheckout: true,
      cardFields: undefined,
      reasons: ['place-order button', 'hosted card fields (Shopify)'],
    });
  });

  it('reads the page’s own address when not given one', () => {
    expect(detectCheckout(page('')).reasons).toEqual([]);
  });
});

describe('Checkout detection: the offer follows the card form, not the address', () => {
  const form = (extra = '') => `<form><label for="n">Card number</label><input id="n" autocomplete="off">
    <label for="e">Expiry date</label><input id="e" placeholder="MM/YY"><label for="c">CVV</label><input id="c">${extra}</form>`;

  it.each([
    [
      'a "Review Your Order" button',
      `${form()}<button type="button"><span>Review Your Order</span></button>`,
      'https://shop.example/step/3',
    ],
    ['a French heading and no button', `<h1>Finalisation de l'achat</h1>${form()}`, 'https://boutique.example/etape-3'],
    ['nothing but the form', form(), 'https://shop.example/'],
    ['a payment step at /payment', form(), 'https://shop.example/payment'],
  ])('takes a card form with %s for a payment step', (_, body, url) => {
    expect(detectCheckout(page(body), url).isCheckout).toBe(true);
  });

  it('needs an expiry or a code beside the number, and none of them hidden', () => {
    expect(detectCheckout(page('<label for="n">Card number</label><input id="n">'), 'https://shop.example/').isCheckout).toBe(false);
    const hidden = '<div hidden><label for="n">Card number</label><input id="n"><label for="c">CVV</label><input id="c"></div>';
    expect(detectCheckout(page(hidden), 'https://shop.example/').isCheckout).toBe(false);
  });

  it('keeps an account page that saves cards negative, unless an order is being placed there', () => {
    const saved = page(`<h1>Your payment methods</h1>${form()}<button>Save card</button>`);
    expect(detectCheckout(saved, 'https://shop.example/account/cards').isCheckout).toBe(false);
    const paying = page(`<h1>My account</h1>${form()}<p>Total $54.50</p><button>Place order</button>`);
    expect(detectCheckout(paying, 'https://shop.example/account/checkout').isCheckout).toBe(true);
  });

  it('takes no security code, month or year on a page without a card number: a sign-in’s code is not a CVC', () => {
    const signIn = page(`<h1>Sign in</h1><form><label for="u">Email</label><input id="u" type="email">
      <label for="s">Security code</label><input id="s"><label for="m">Birth month</label><input id="m" placeholder="MM"></form>`);
    expect(findCardFields(signIn).candidates).toEqual({});
    expect(detectCheckout(signIn, 'https://shop.example/signin').isCheckout).toBe(false);
  });
});

describe('Checkout detection: every control of the card form', () => {
  const kindsById = (body: string) => {
    const { candidates } = findCardFields(page(`<form><label for="pan">Card number</label><input id="pan">${body}</form>`));
    return Object.fromEntries(Object.entries(candidates).map(([kind, fields]) => [kind, fields?.map((field) => field.id)]));
  };

  it.each([
    [
      'one label beside both',
      '<div><label>Expiry date</label><input id="m" name="month" placeholder="MM"><input id="y" name="year" placeholder="YY"></div>',
    ],
    ['one label around both', '<label>Expiry date <input id="m" name="month"> / <input id="y" name="year"></label>'],
    ['placeholders alone', '<div><input id="m" placeholder="MM"> / <input id="y" placeholder="AAAA"></div>'],
    ['Russian placeholders', '<div><input id="m" placeholder="ММ"><input id="y" placeholder="ГГ"></div>'],
    ['class words', '<div class="row"><input id="m" class="exp-month"><input id="y" class="exp-year"></div>'],
    [
      'selects known by their options',
      `<div><select id="m">${[...Array(12)].map((_, i) => `<option>${i + 1}</option>`).join('')}</select>
       <select id="y"><option>2026</option><option>2027</option><option>2028</option></select></div>`,
    ],
  ])('finds a split expiry by %s', (_, body) => {
    expect(kindsById(body)).toMatchObject({ expiryMonth: ['m'], expiryYear: ['y'] });
  });

  it('leaves a birth date’s month and year alone, beside a card form too', () => {
    const body = `<fieldset><legend>Date of birth</legend><input id="bm" name="dob_month" placeholder="MM"><input id="by" name="dob_year" placeholder="YYYY">
      <select id="bys"><option>1950</option><option>1990</option><option>2005</option></select></fieldset>`;
    expect(kindsById(body)).toEqual({ number: ['pan'] });
  });

  it('reads "First name on card" and "Last name on card" as the holder’s given and family name', () => {
    const body = `<label for="g">First name on card</label><input id="g" maxlength="25"><label for="f">Last name on card</label><input id="f">`;
    expect(kindsById(body)).toMatchObject({ givenName: ['g'], familyName: ['f'] });
  });

  it('finds a card-type select by its words or by its brands, and a radio group of brands', () => {
    expect(
      kindsById(
        '<label for="t">Select your card type</label><select id="t"><option value="">Select</option><option>VISA</option></select>',
      ),
    ).toMatchObject({
      cardType: ['t'],
    });
    expect(kindsById('<select id="t"><option value="001">Visa</option><option value="002">Mastercard</option></select>')).toMatchObject({
      cardType: ['t'],
    });
    const radios = `<input type="radio" name="brand" id="v" value="VI"><label for="v">Visa</label>
      <input type="radio" name="brand" id="mc" value="MC"><label for="mc">Mastercard</label>`;
    expect(kindsById(radios)).toMatchObject({ cardType: ['v'] });
  });
});

describe('Checkout detection: provider frames', () => {
  it('recognises Stripe’s card frame whose address names its controller, as React and Next.js storefronts mount it', () => {
    const doc = page(`<div class="StripeElement"><div class="__PrivateStripeElement"><iframe name="__privateStripeFrame4157"
      src="https://js.stripe.com/v3/elements-inner-card-8a434729e4eb82355db4882974049278.html#wait=false&amp;mids[guid]=x&amp;controllerId=__privateStripeController4151&amp;origin=https%3A%2F%2Fshop.example"
      title="Secure card payment input frame"></iframe></div></div>`);
    expect(findCardFields(doc).hostedFrames.map(({ provider }) => provider)).toEqual(['Stripe']);
  });
});

describe('Checkout detection: provider frames by the page’s scripts and the frames’ marks', () => {
  it('names the provider whose script the page loads for a card frame with no address yet, and by the names its script gives', () => {
    const scripted = page(
      '<iframe title="Card number"></iframe>',
      'en',
      '<script src="https://js.braintreegateway.com/web/3.97.2/js/client.min.js"></script>',
    );
    expect(findCardFields(scripted).hostedFrames.map(({ provider, known }) => [provider, known])).toEqual([['Braintree', true]]);
    const marked = page(`<div class="sq-card-wrapper"><iframe class="sq-card-component" title="Secure Credit Card Frame"></iframe></div>
      <div id="mollie-component-cardNumber"><iframe name="cardNumber-input"></iframe></div>`);
    expect(findCardFields(marked).hostedFrames.map(({ provider }) => provider)).toEqual(['Square', 'Mollie']);
  });
});

describe('Checkout detection: a provider’s script before its frames are on the page', () => {
  const STRIPE = '<script src="https://js.stripe.com/v3/"></script>';
  const hostedOf = (body: string, head = STRIPE) =>
    detectCheckout(page(body, 'en', head), 'https://shop.example/subscribe').hostedFrames.map(({ provider, element }) => [
      provider,
      element.id,
    ]);

  it('takes the empty element named for the card, past those for the provider’s messages and the shop’s logos', () => {
    const body = `<div id="card-payment-logo"></div><form><label for="card-element">Card</label><div id="card-element"><!-- mounted here --></div>
      <div id="card-errors" role="alert"></div><button>Pay</button></form>`;
    expect(hostedOf(body)).toEqual([['Stripe', 'card-element']]);
    expect(detectCheckout(page(body, 'en', STRIPE), 'https://shop.example/subscribe').isCheckout).toBe(true);
  });

  it('needs the order as well: a page that loads Stripe with a place for a payment button only, or no place at all, is none', () => {
    expect(hostedOf('<div id="payment-request-button"></div><p>Sign in</p>')).toEqual([]);
    expect(hostedOf('<h1>Welcome back</h1><form><input name="log"><input type="password"></form>')).toEqual([]);
    const withoutOrder = page('<div id="payment-element"></div>', 'en', STRIPE);
    expect(detectCheckout(withoutOrder, 'https://shop.example/').isCheckout).toBe(false);
  });

  it('takes a form that posts to a checkout’s address as about an order, wherever the page is served', () => {
    const BRAINTREE = '<script src="https://js.braintreegateway.com/web/dropin/1.41.0/js/dropin.min.js"></script>';
    const form = (action: string) =>
      page(
        `<form id="payment-form" action="${action}" method="post"><label for="amount">Amount</label><input id="amount" value="10">
        <div id="bt-dropin"></div><button type="submit">Test Transaction</button></form>`,
        'en',
        BRAINTREE,
      );
    expect(detectCheckout(form('/checkouts'), 'https://demo.example/').isCheckout).toBe(true);
    expect(detectCheckout(form('/charge'), 'https://demo.example/').isCheckout).toBe(true);
    expect(detectCheckout(form('/newsletter'), 'https://demo.example/').isCheckout).toBe(false);
  });

  it('takes no mount on a page that loads no provider’s script, or two', () => {
    expect(hostedOf('<div id="card-element"></div><button>Pay</button>', '')).toEqual([]);
    expect(
      hostedOf(
        '<div id="card-element"></div>',
        `${STRIPE}<script src="https://js.braintreegateway.com/web/dropin/1.41.0/js/dropin.min.js"></script>`,
      ),
    ).toEqual([]);
  });

  it('takes a field captioned only “Name” in the provider’s own form for the holder’s, unless the form asks an address', () => {
    const form = (extra: string) =>
      findCardFields(
        page(
          `<form id="payment-form"><label for="name">Name</label><input id="name">${extra}<div id="card-element"></div><button>Pay</button></form>`,
          'en',
          STRIPE,
        ),
      ).candidates;
    expect(form('')).toEqual({ name: [expect.objectContaining({ id: 'name' })] });
    expect(form('<label for="a">Address</label><input id="a" name="address_line1">')).toEqual({});
  });

  it('reads a control as of the form its form attribute names, for the holder’s name beside a provider’s frame', () => {
    const fields = (outside: string) =>
      findCardFields(page(`<form id="payment-form"><div id="card-element"></div><button>Pay</button></form>${outside}`, 'en', STRIPE))
        .candidates;
    const name = '<label for="name">Name</label><input id="name" form="payment-form">';
    expect(fields(name)).toEqual({ name: [expect.objectContaining({ id: 'name' })] });
    expect(fields(`${name}<label for="a">Address</label><input id="a" name="address_line1" form="payment-form">`)).toEqual({});
    expect(fields('<form id="newsletter"><label for="n">Name</label><input id="n"></form>')).toEqual({});
  });

  it('has the content script load the detectors for a provider’s script only where a place for its card is named too', () => {
    expect(maybeCardForm(page('<form><div id="card-element"></div><button>Pay</button></form>', 'en', STRIPE))).toBe(true);
    expect(maybeCardForm(page('<h1>New arrivals</h1><a href="/p/1">Lamp</a>', 'en', STRIPE))).toBe(false);
    // Every provider and every mount the detectors know, so the first look never turns away a page they would take.
    const recurly = page(
      '<form><div id="drop-in"></div><button>Pay</button></form>',
      'en',
      '<script src="https://js.recurly.com/v4/recurly.js"></script>',
    );
    expect(maybeCardForm(recurly)).toBe(true);
    expect(findCardFields(recurly).hostedFrames.map(({ provider, element }) => [provider, element.id])).toEqual([['Recurly', 'drop-in']]);
  });

  it('counts a provider’s card frame as a card form, wherever the page is served and whatever its button says', () => {
    const doc = page(
      '<div class="StripeElement"><iframe name="__privateStripeFrame1" src="https://js.stripe.com/v3/elements-inner-card-1.html" title="Secure card payment input frame"></iframe></div><button>Start membership</button>',
    );
    expect(detectCheckout(doc, 'https://shop.example/join').isCheckout).toBe(true);
  });
});

describe('Checkout detection: what an outside tester found', () => {
  it('makes no payment step of a bank’s sign-in that takes the card’s number for the user name, whatever else the page asks', () => {
    const doc = page(`<form><label for="n">Card number</label><input id="n"><label for="p">Password</label><input id="p" type="password">
      <button>Sign on</button></form><form><input name="q" placeholder="Enter address or postal code"><button>Find a branch</button></form>`);
    expect(detectCheckout(doc, 'https://bank.example/').isCheckout).toBe(false);
  });

  it('takes every control of one fill from the <form> of the number, where a page holds several card forms', () => {
    const doc = page(`<form id="a"><label for="n1">Card number</label><input id="n1"><label for="c1">CVC</label><input id="c1"></form>
      <form id="b"><label for="n2">Card number</label><input id="n2"><label for="e2">Expiry date</label><input id="e2" autocomplete="cc-exp"></form>`);
    const { candidates } = findCardFields(doc);
    const { fields, unavailable } = chooseFields(candidates, ['number', 'cvc', 'expiry'], () => undefined);
    expect(Object.fromEntries(Object.entries(fields).map(([kind, field]) => [kind, field?.id]))).toEqual({ number: 'n1', cvc: 'c1' });
    expect(unavailable).toEqual([{ kind: 'expiry', reason: 'in another form' }]);
    // A page that puts each field of its one card form in a <form> of its own fills them all.
    const perField = page(
      `<form><label for="n">Card number</label><input id="n"></form><form><label for="c">CVC</label><input id="c"></form>`,
    );
    const single = chooseFields(findCardFields(perField).candidates, ['number', 'cvc'], () => undefined);
    expect(Object.values(single.fields).map((field) => field?.id)).toEqual(['n', 'c']);
  });

  it('reads a month select captioned for the whole expiry by its options, the year beside it by its own caption', () => {
    const months = Array.from({ length: 12 }, (_, index) => `<option>${String(index + 1).padStart(2, '0')}</option>`).join('');
    const years = Array.from({ length: 10 }, (_, index) => `<option>${2026 + index}</option>`).join('');
    const doc = page(`<form><label for="n">Kartennummer</label><input id="n"><label for="m">Ablaufdatum</label>
      <select id="m"><option value="">Monat</option>${months}</select><select id="y" aria-label="Jahr"><option value="">Jahr</option>${years}</select></form>`);
    const { candidates } = findCardFields(doc);
    expect([candidates.expiryMonth?.map(({ id }) => id), candidates.expiryYear?.map(({ id }) => id), candidates.expiry]).toEqual([
      ['m'],
      ['y'],
      undefined,
    ]);
  });

  it('looks for a card form where the text before each field is its only caption, and in the page’s own frames', () => {
    expect(maybeCardForm(page('<div><span>Credit Card Number</span><input></div><div><span>MM-YYYY</span><input></div>'))).toBe(true);
    expect(maybeCardForm(page('<div><span>Search</span><input></div>'))).toBe(false);
    const outer = page('<iframe src="/pay"></iframe>');
    Object.defineProperty(outer.querySelector('iframe'), 'contentDocument', { value: page('<label>Card number</label><input>') });
    expect(maybeCardForm(outer)).toBe(true);
    expect(cardFieldKind(page('<div><span>MM-YYYY</span><input id="e"></div>').querySelector('#e')!)).toBe('expiry');
  });

  it('makes no payment step of a bank’s sign-in that asks the card’s number and expiry with the password', () => {
    const doc = page(`<title>Log in</title><form><label for="u">Card number</label><input id="u" name="username">
      <label for="e">Expiry date</label><input id="e" placeholder="MM/YY"><label for="p">Password</label><input id="p" type="password">
      <button>Log in</button></form>`);
    expect(detectCheckout(doc, 'https://bank.example/login').isCheckout).toBe(false);
    // A checkout that also creates an account asks the card's code: a payment step all the same.
    const signUpAndPay =
      page(`<form><label for="n">Card number</label><input id="n"><label for="e">Expiry date</label><input id="e" placeholder="MM/YY">
      <label for="c">CVC</label><input id="c"><label for="p">Choose a password</label><input id="p" type="password"><button>Join</button></form>`);
    expect(detectCheckout(signUpAndPay, 'https://bikes.example/join').isCheckout).toBe(true);
  });

  it('takes the selects a dropdown library hides behind its own, never the search boxes it draws', () => {
    const chosen = (id: string, prompt: string, options: string) =>
      `<select id="${id}" style="display: none;"><option value="" disabled selected>${prompt}</option>${options}</select><div class="chosen-container chosen-container-single" id="${id}_chosen"><a class="chosen-single" tabindex="-1"><span>${prompt}</span></a><div class="chosen-drop"><div class="chosen-search"><input type="text"></div><ul class="chosen-results"></ul></div></div>`;
    const months = Array.from({ length: 12 }, (_, index) => `<option value="${index + 1}">${index + 1}</option>`).join('');
    const years = Array.from({ length: 10 }, (_, index) => `<option>${2026 + index}</option>`).join('');
    const doc = page(`<form><label for="n">Card number</label><input id="n"><label>Expiration date</label>
      ${chosen('ExpiryMonth', 'Month', months)}${chosen('ExpiryYear', 'Year', years)}
      <label for="c">Security Code</label><input id="c"></form>`);
    const { candidates } = findCardFields(doc);
    expect(Object.fromEntries(Object.entries(candidates).map(([kind, fields]) => [kind, fields?.map((field) => field.id)]))).toEqual({
      number: ['n'],
      expiryMonth: ['ExpiryMonth'],
      expiryYear: ['ExpiryYear'],
      cvc: ['c'],
    });
  });

  it('reads Polish and Portuguese captions of the expiry and the holder’s name', () => {
    const kind = (body: string) => cardFieldKind(page(body).querySelector('#f')!);
    expect(kind('<label for="f">Data ważności</label><input id="f" placeholder="MM/RR">')).toBe('expiry');
    expect(kind('<input id="f" placeholder="MM/RR">')).toBe('expiry');
    expect(kind('<label for="f">Imię i nazwisko na karcie</label><input id="f">')).toBe('name');
    expect(kind('<label for="f">Właściciel karty</label><input id="f">')).toBe('name');
    expect(kind('<label for="f">Nome impresso no cartão</label><input id="f">')).toBe('name');
  });

  it('makes no payment step of a gift card’s balance check, though it asks a card number and a security code', () => {
    const body = `<h1>Check your Gift Card balance</h1><form><label for="n">Card number</label><input id="n" maxlength="16">
      <label for="s">Security code</label><input id="s" maxlength="8"><button>Check balance</button></form>`;
    expect(detectCheckout(page(body), 'https://shop.example/giftcards').isCheckout).toBe(false);
    const checkout = `<h2>Gift card</h2><form><label for="n">Card number</label><input id="n"><label for="s">Security code</label><input id="s">
      <p>Total: $20.00</p><button>Place order</button></form>`;
    expect(detectCheckout(page(checkout), 'https://shop.example/pay').isCheckout).toBe(true);
  });
});

describe('Checkout detection: shapes of real card forms', () => {
  const kindsOf = (body: string) => {
    const { candidates } = findCardFields(page(body));
    return Object.fromEntries(Object.entries(candidates).map(([kind, fields]) => [kind, fields?.map((field) => field.id)]));
  };

  it('reads captions from the header row of a grid of fields', () => {
    const body = `<div class="row"><div class="col">No. Kartu Kredit</div></div><div class="row"><div class="col"><input id="n"></div></div>
      <div class="row"><div class="col">Kadaluarsa pada</div><div class="col">CVV</div></div>
      <div class="row"><div class="col"><div><input id="e" placeholder="MM/YY"></div></div><div class="col"><div><input id="c" placeholder="000"></div></div></div>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiry: ['e'], cvc: ['c'] });
  });

  it('reads the caption cell to the left of a form laid out as a table, through the tables its cells hold', () => {
    // As EC-CUBE's payment modules lay it out: a caption cell, then a cell holding a table of the fields and a hint.
    const body = `<form><table><tr><td>カード番号</td><td><table><tr><td><span class="red"></span>
        <input id="n1" name="card_no01" maxlength="4"> - <input id="n2" name="card_no02" maxlength="4"> -
        <input id="n3" name="card_no03" maxlength="4"> - <input id="n4" name="card_no04" maxlength="4"></td></tr>
        <tr><td>半角入力（例：1234-5678-9012-3456）</td></tr></table></td></tr>
      <tr><th>有効期限</th><td><select id="m" name="card_month"><option value="">--</option><option>01</option><option>12</option></select>月/
        <select id="y" name="card_year"><option value="">--</option><option>30</option><option>31</option></select>年</td></tr>
      <tr><td>カード名義（ローマ字氏名）</td><td>名 <input id="g" name="card_name02"> 姓 <input id="f" name="card_name01"></td></tr>
      <tr><td><input type="checkbox" id="keep"></td><td><input id="other" name="card_memo"></td></tr></table></form>`;
    expect(kindsOf(body)).toEqual({
      number: ['n1', 'n2', 'n3', 'n4'],
      expiryMonth: ['m'],
      expiryYear: ['y'],
      givenName: ['g'],
      familyName: ['f'],
    });
  });

  it('reads an autocomplete list naming two fields by its first', () => {
    const body = `<input id="g" autocomplete="billing given-name cc-given-name"><input id="n" autocomplete="billing cc-number"><input id="c" autocomplete="cc-csc">`;
    expect(kindsOf(body)).toEqual({ number: ['n'], cvc: ['c'] });
  });

  it('takes a field the page names for the payment and captions "Name" for the holder’s name', () => {
    const body = `<form><label for="n">Card number</label><input id="n"><label for="h">Name</label><input id="h" name="payment[name]">
      <label for="s">Name</label><input id="s" name="shipping[name]"></form>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], name: ['h'] });
  });

  it('sets only the brand radios of a group that also offers PayPal', () => {
    const body = `<form><label for="n">Card number</label><input id="n">
      <input type="radio" name="cardType" id="visa" value="VI"><label for="visa">Visa</label>
      <input type="radio" name="cardType" id="mc" value="MC"><label for="mc">Mastercard</label>
      <input type="radio" name="cardType" id="paypal" value="PP"><label for="paypal">PayPal</label></form>`;
    const doc = page(body);
    const radio = findCardFields(doc).candidates.cardType?.[0] as HTMLInputElement;
    expect(cardBrandRadios(radio).map((option) => option.id)).toEqual(['visa', 'mc']);
  });

  it('takes an empty frame named by a provider’s script for that provider’s, though it has no address yet', () => {
    const doc = page('<div class="card-frame"><iframe id="cardNumber" name="checkout-frames-cardNumber"></iframe></div>');
    Object.defineProperty(doc.querySelector('iframe'), 'contentDocument', { value: page('') });
    expect(findCardFields(doc).hostedFrames.map(({ provider }) => provider)).toEqual(['Checkout.com']);
  });
});

describe('Checkout detection: more shapes of real card forms', () => {
  const kindsOf = (body: string) => {
    const { candidates } = findCardFields(page(`<form>${body}</form>`));
    return Object.fromEntries(Object.entries(candidates).map(([kind, fields]) => [kind, fields?.map((field) => field.id)]));
  };
  const NUMBER = '<label for="n">Card number</label><input id="n">';

  it('takes a month select the page hides behind a dropdown of its own, and no hidden select without one', () => {
    const month = (id: string) =>
      `<select id="${id}" aria-hidden="true" class="sr-only" tabindex="-1">${[...Array(12)].map((_, i) => `<option>${i + 1}</option>`).join('')}</select>`;
    const body = `${NUMBER}<div class="expiry"><label>Expiration date</label>
      <div class="month"><div role="combobox" aria-haspopup="listbox" tabindex="0">MM</div>${month('m')}</div>
      <div class="year"><div>YYYY</div>${month('bare')}</div></div>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiryMonth: ['m'] });
  });

  it('leaves out inputs a utility class hides, and a provider’s autofill helper taken from the tab order', () => {
    const body = `<input id="sr" class="sr-only" autocomplete="cc-number"><input id="vgs" class="hidden-field" tabindex="-1" autocomplete="cc-number">${NUMBER}`;
    expect(kindsOf(body)).toEqual({ number: ['n'] });
  });

  it('reads a debit card the form also calls a gift card as a card, and an amount never as one', () => {
    const body = `<label for="d">Debit or Prepaid gift card number</label><input id="d">
      <input id="a" name="creditCard.amountInput.amount"><input id="c" name="creditCard"><label for="x">Credit card:</label><input id="x">`;
    expect(kindsOf(body)).toEqual({ number: ['d', 'c', 'x'] });
  });

  it('keeps the words of captions made of several elements apart', () => {
    const body = `${NUMBER}<input id="e" aria-labelledby="l"><span id="l">Expiration MM/YY<span class="visuallyhidden">for the second card</span></span>`;
    expect(kindsOf(body)).toMatchObject({ expiry: ['e'] });
  });

  it('takes first and last name in a section the page names for the card as the holder’s, but never a billing address’s', () => {
    const body = `<div class="CheckoutCreditCardForm"><div><label for="f">First name</label><input id="f"></div>
      <div><label for="l">Last name</label><input id="l"></div>${NUMBER}</div>
      <div class="card-details"><input id="bf" name="creditCard.billingAddress.firstName"><label for="bf">First name</label></div>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], givenName: ['f'], familyName: ['l'] });
  });

  it('takes no numbered list of companies for the expiry year, and no list of days or months for the card’s type', () => {
    const companies = ['Select a company...', 'Akridge', 'Alta Bicycle Share', 'Bloomberg - 1101', 'Catalist', 'County of Arlington, VA']
      .map((name, index) => `<option value="${index === 0 ? '' : index + 14}">${name}</option>`)
      .join('');
    const days = Array.from({ length: 31 }, (_, day) => `<option value="${String(day + 1).padStart(2, '0')}">${day + 1}</option>`).join('');
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]
      .map((month, index) => `<option value="${String(index + 1).padStart(2, '0')}">${month}</option>`)
      .join('');
    const body = `${NUMBER}<label for="co">Company</label><select id="co">${companies}</select>
      <label for="d">Day</label><select id="d">${days}</select><select id="m">${months}</select>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiryMonth: ['m'] });
  });

  it('reads a month and a year select by their names where a script wrote their options badly', () => {
    const broken = Array.from(
      { length: 12 },
      (_, index) => `<option value="${String(index + 1).padStart(2, '0')}">[object Object]</option>`,
    ).join('');
    const body = `${NUMBER}<select id="m" name="month-selector">${broken}</select><select id="y" name="year-selector">${broken}</select>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiryMonth: ['m'], expiryYear: ['y'] });
  });

  it('takes a short code beside the number for its security code, but no phone’s area code or postcode', () => {
    const body = `<label for="a">Area code</label><input id="a" name="areaCode" maxlength="3">${NUMBER}
      <label for="v">Validation Code</label><input id="v" type="password" maxlength="3">
      <label for="p">Postcode</label><input id="p" maxlength="4">`;
    expect(kindsOf(body)).toEqual({ number: ['n'], cvc: ['v'] });
  });
});

describe('Checkout detection: what an outside tester found on real forms', () => {
  const kindsOf = (body: string) => {
    const { candidates } = findCardFields(page(`<form>${body}</form>`));
    return Object.fromEntries(Object.entries(candidates).map(([kind, fields]) => [kind, fields?.map((field) => field.id)]));
  };
  const NUMBER = '<label for="n">Card number</label><input id="n">';

  it('lets a caption that names something else outweigh an id that looks like a year', () => {
    const body = `${NUMBER}<label for="aa">Landmark</label><input id="aa"><label for="y">gültig bis Jahr:</label><input id="y">`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiryYear: ['y'] });
  });

  it('reads two short expiry fields with one caption each as the month and the year', () => {
    const body = `${NUMBER}<div><label for="m">有効期限:</label><input id="m" maxlength="2"> / <label for="y">有効期限:</label><input id="y" maxlength="2"></div>`;
    expect(kindsOf(body)).toEqual({ number: ['n'], expiryMonth: ['m'], expiryYear: ['y'] });
  });

  it('takes a placeholder showing a sample card number for the number, and Japanese and Italian words', () => {
    expect(
      kindsOf(`<input id="s" class="checkout-card" placeholder="4111 1111 1111 1111"><label for="c">セキュリティーコード</label><input id="c" type="password">
        <label for="h">Titolare della carta</label><input id="h">`),
    ).toEqual({ number: ['s'], cvc: ['c'], name: ['h'] });
  });

  it('takes no select without options, and no choice of bank for the card’s type', () => {
    const body = `${NUMBER}<label for="e">Expiration month</label><select id="e"><option value="">Month</option></select>
      <label for="b">Choose bank</label><select id="b"><option>American Express</option><option>Citi</option><option>Discover Bank</option></select>`;
    expect(kindsOf(body)).toEqual({ number: ['n'] });
  });
});
