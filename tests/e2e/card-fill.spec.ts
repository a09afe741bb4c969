import { SIGN_UP_INPUT } from '../wallet-input/sign-up-input';
import type { DriverPage, WalletDriver, WalletFrame } from './support/driver';
import { expect, test } from './support/fixtures';
import { STOREFRONT_URL } from './support/paths';
import { twoCardForms } from './support/card-forms';
import { noConfirmWindow } from './support/shopping';

const FILL_HOST = '[data-wallet-card-fill]';

// A signed-up wallet with one saved card: filling reads it and changes nothing in the wallet.
test.use({ walletNeeds: { card: true } });

/** Clicks the offer, checks the fields the wallet window lists, and confirms with the security code 321; the confirm window stays open. */
async function confirmFill(wallet: WalletDriver, offer: WalletFrame, listed: string): Promise<DriverPage> {
  await offer.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toBe(listed);
  await confirm.fill('input[name="fillCvc"]', '321');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  return confirm;
}

/** What the confirm window lists for a form of card number, expiry and security code, and what the test card fills into it. */
const CARD_FIELDS = 'Fields to fill: card number, expiry, security code';
const CARD_FILLED = ['4242424242424242', '12/30', '321'];

/** Confirms the fill `offer` opens (its window listing `listed`) and waits until `read` finds what the page's fields hold is `filled`. */
async function fillsTo<T>(wallet: WalletDriver, offer: WalletFrame, listed: string, read: () => Promise<T>, filled: T): Promise<void> {
  const confirm = await confirmFill(wallet, offer, listed);
  await confirm.click('[data-testid="fill"]');
  await expect.poll(read).toEqual(filled);
}

/** The value of every input of the page's own tree, in order. */
const inputValues = (page: DriverPage) =>
  page.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value), undefined);

/**
 * A page of the shop's origin whose body the test writes (a script building it), the layouts a wallet's offer must
 * live with, once its first offer shows.
 */
async function pageOf(wallet: WalletDriver, buildBody: string): Promise<{ page: DriverPage; offer: WalletFrame }> {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/frameworks/app.html`);
  await page.evaluateScript(buildBody);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  return { page, offer };
}

/** The first fill offer's top, bottom and height, the tops and bottoms of the elements `selector` matches, and how many of them it is drawn over. */
function offerAmong(page: DriverPage, selector: string) {
  return page.evaluate((selector) => {
    const box = document.querySelector('[data-wallet-frame="fill"]')!.getBoundingClientRect();
    const rects = [...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect());
    const meets = (other: DOMRect) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
    return {
      offer: { top: box.top, bottom: box.bottom, height: Math.round(box.height) },
      elements: rects.map(({ top, bottom }) => ({ top, bottom })),
      over: rects.filter(meets).length,
    };
  }, selector);
}

test('a saved WooCommerce checkout gets its card fields filled after the shopper confirms in the wallet', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/woocommerce-checkout.html`);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await page.screenshot('card-fill-offer');
  await offer.click();

  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="confirm-origin"]')).toBe(STOREFRONT_URL);
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toContain('card number');
  await confirm.fill('input[name="fillCvc"]', '321');
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.screenshot('confirm-fill');
  await confirm.click('[data-testid="fill"]');

  await expect
    .poll(() => page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-number')?.value, undefined))
    .toBe('4242424242424242');
  expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-cvc')?.value, undefined)).toBe('321');
  expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#simplify_commerce-card-expiry')?.value, undefined)).toMatch(
    /^12 ?\/ ?(20)?30$/,
  );
  await page.screenshot('card-filled');
  await page.close();
});

test('a store whose card fields sit in a Stripe frame is told plainly that the wallet cannot fill them', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/stripe-elements.html`);
  const note = await page.closedShadow(FILL_HOST);
  await expect.poll(() => note.text()).toContain('cannot fill');
  await page.close();
});

test('a store whose card fields are Stripe’s frames, with Stripe’s stand-in inputs beside them, gets the note naming Stripe, and only its own name on card is filled', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/stripe-split-elements.html`);
  const note = await page.closedShadow(FILL_HOST);
  await expect.poll(() => note.text()).toContain('cannot fill');
  expect(await note.text()).toBe(
    'This store takes your card in Stripe’s frame, which the wallet cannot fill. Type the card there yourself.',
  );
  expect(await page.evaluate(() => document.querySelectorAll('[data-wallet-card-fill]').length, undefined)).toBe(1);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await page.screenshot('card-fill-stripe-note');
  await offer.click();

  // The number and the code go into Stripe's frame, typed by the shopper: the window asks no code for them.
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toBe('Fields to fill: name on card');
  expect(await confirm.evaluate(() => document.querySelector('input[name="fillCvc"]') === null, undefined)).toBe(true);
  await confirm.fill('input[name="confirm-payment-password"]', SIGN_UP_INPUT.paymentPassword);
  await confirm.click('[data-testid="fill"]');
  await expect
    .poll(() => page.evaluate(() => document.querySelector<HTMLInputElement>('#cardholder-name')?.value, undefined))
    .toBe('Ada Lovelace');
  // Stripe's stand-ins beside its frames are Stripe's, never the wallet's to write.
  expect(
    await page.evaluate(
      () => [...document.querySelectorAll<HTMLInputElement>('input[class*="__PrivateStripeElement"]')].map((input) => input.value),
      undefined,
    ),
  ).toEqual(['', '', '']);
  await page.close();
});

test('a card form a payment plugin renders in a frame of the shop’s own origin gets the offer after that frame, and the fill goes into the frame', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/same-origin-iframe.html`);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  // The wallet's frame stands in the page's own document, right after the plugin's frame (or the block that holds it).
  const after = () => {
    const slot = document.querySelector('[data-wallet-frame]')?.previousElementSibling?.previousElementSibling;
    return slot?.matches('#payment-frame') || !!slot?.querySelector('#payment-frame');
  };
  expect(await page.evaluate(after, undefined)).toBe(true);
  const confirm = await confirmFill(wallet, offer, 'Fields to fill: name on card, card number, expiry, security code');
  await confirm.click('[data-testid="fill"]');
  const inFrame = () =>
    page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#payment-frame')?.contentDocument;
      return ['#pp-name', '#pp-number', '#pp-exp', '#pp-cvc'].map((selector) => doc?.querySelector<HTMLInputElement>(selector)?.value);
    }, undefined);
  await expect.poll(inFrame).toEqual(['Ada Lovelace', '4242424242424242', '12/30', '321']);
  await page.screenshot('card-fill-same-origin-frame');
  await page.close();
});

test('a second card form the page places beside the first, out of its flow, keeps its own offer, and neither offer covers the other form', async ({
  wallet,
}) => {
  // Each form's column is narrower than an offer at its widest: the second stands where the first's offer would reach.
  const page = await wallet.newPage();
  await twoCardForms(page, 'position:absolute;left:230px;top:0');
  const overlaps = () =>
    page.evaluate(() => {
      const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const offers = [...document.querySelectorAll('[data-wallet-frame="fill"]')].map((host) => host.getBoundingClientRect());
      const inputs = (n: number) => [...document.querySelectorAll(`#card-${n} input`)].map((input) => input.getBoundingClientRect());
      return offers.map((offer) => [1, 2].filter((n) => inputs(n).some((input) => meets(offer, input))));
    }, undefined);
  // Each offer meets no field at all: it stands between its own form's number and expiry.
  await expect.poll(overlaps).toEqual([[], []]);
  const offer = await page.walletFrame('fill', 1);
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), ['', '', '', ...CARD_FILLED]);
  await page.screenshot('card-fill-second-form-beside');
  await page.close();
});

test('a second card form the page places where the first form’s offer stands gets its own offer, and the first’s offer gives way to it', async ({
  wallet,
}) => {
  // Placed once the first offer shows, right where it stands: the second form was drawn over, and judged covered by the offer.
  const form = (n: number) =>
    `<form id="card-${n}" style="display:flex;gap:8px"><input name="number-${n}" autocomplete="cc-number" aria-label="Card number ${n}">` +
    `<input name="expiry-${n}" autocomplete="cc-exp" aria-label="Expiry ${n}"><input name="cvc-${n}" autocomplete="cc-csc" aria-label="Security code ${n}"></form>`;
  const { page } = await pageOf(
    wallet,
    `document.body.innerHTML = '<h1>Pay with two cards</h1><p>Order total: $120.00</p><div id="forms" style="position:relative">${form(1)}</div>'`,
  );
  await page.evaluate((second) => {
    const offer = document.querySelector('[data-wallet-frame="fill"]')!.getBoundingClientRect();
    const forms = document.querySelector('#forms')!;
    const holder = document.createElement('div');
    holder.style.cssText = `position:absolute;left:0;top:${offer.top - forms.getBoundingClientRect().top + 8}px`;
    holder.innerHTML = second;
    forms.append(holder);
  }, form(2));
  const offer = await page.walletFrame('fill', 1);
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  const shown = () =>
    page.evaluate(() => {
      const fields = [...document.querySelectorAll('#card-2 input')].map((input) => input.getBoundingClientRect());
      return [...document.querySelectorAll('[data-wallet-frame="fill"]')].map((host) => {
        const box = host.getBoundingClientRect();
        const overSecond = fields.some(
          (field) => box.left < field.right && field.left < box.right && box.top < field.bottom && field.top < box.bottom,
        );
        // A hidden offer is not what the page shows at its place.
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return { overSecond, drawn: hit === host };
      });
    }, undefined);
  await expect.poll(shown).toEqual([
    { overSecond: true, drawn: false },
    { overSecond: false, drawn: true },
  ]);
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), ['', '', '', ...CARD_FILLED]);
  await page.screenshot('card-fill-form-where-offer-stood');
  await page.close();
});

test('a second card form partly scrolled out of its scrolling box gets its offer, shown once the shopper scrolls the box to it', async ({
  wallet,
}) => {
  // A drawer that scrolls: the first form in view, the second's card number half under the drawer's bottom edge.
  const form = (n: number) =>
    `<form id="card-${n}"><h2>Card ${n}</h2><label>Card number <input name="number-${n}" autocomplete="cc-number"></label>` +
    `<label>Expiry (MM/YY) <input name="expiry-${n}" autocomplete="cc-exp"></label>` +
    `<label>Security code <input name="cvc-${n}" autocomplete="cc-csc"></label></form>`;
  const { page } = await pageOf(
    wallet,
    `document.body.innerHTML = '<style>label{display:block;margin:6px 0}input{display:block;width:220px}</style>' +
      '<h1>Pay with two cards</h1><p>Order total: $120.00</p><div id="drawer" style="overflow:auto;border:1px solid #888;padding:8px">${form(1)}${form(2)}</div>'`,
  );
  // The drawer ends at the middle of the second card number, as the page was laid out before any offer.
  await page.evaluate(() => {
    const drawer = document.querySelector<HTMLElement>('#drawer')!;
    const number = document.querySelector('[name="number-2"]')!.getBoundingClientRect();
    drawer.style.height = `${number.top + number.height / 2 - drawer.getBoundingClientRect().top}px`;
  }, undefined);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-wallet-frame="fill"]').length, undefined)).toBe(2);
  const offer = await page.walletFrame('fill', 1);
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), ['', '', '', ...CARD_FILLED]);
  await page.screenshot('card-fill-form-in-scrolling-box');
  await page.close();
});

test('the offer stands after the card number’s own block: out of an input group’s row and a wrapper of fixed height, over no field', async ({
  wallet,
}) => {
  // An icon and the brand beside the number in one flex row; each field in a wrapper of fixed height, as design systems draw them.
  const { page } = await pageOf(
    wallet,
    `(() => {
    document.body.innerHTML = '<style>.field{height:64px}.group{display:flex}label{display:block}</style>' +
      '<h1>Payment</h1><p>Order total: $120.00</p><form>' +
      '<div class="field"><label for="n">Card number</label><div class="group"><span>💳</span><input id="n" autocomplete="cc-number"><span>VISA</span></div></div>' +
      '<div class="field"><label for="e">Expiry (MM/YY)</label><input id="e" autocomplete="cc-exp"></div>' +
      '<div class="field"><label for="c">Security code</label><input id="c" autocomplete="cc-csc"></div>' +
      '<button>Place order</button></form>';
  })()`,
  );
  const placed = () =>
    page.evaluate(() => {
      const host = document.querySelector('[data-wallet-frame="fill"]')!;
      const box = host.getBoundingClientRect();
      const meets = (other: DOMRect) =>
        box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
      return {
        afterNumberBlock: host.previousElementSibling?.previousElementSibling === document.querySelector('.field'),
        over: [...document.querySelectorAll('input, button, label')].filter((control) => meets(control.getBoundingClientRect())).length,
      };
    }, undefined);
  await expect.poll(placed).toEqual({ afterNumberBlock: true, over: 0 });
  await page.screenshot('card-fill-offer-after-number-block');
  await page.close();
});

test('an offer the page’s sticky header scrolls over is hidden there, and shows again when the page scrolls back', async ({ wallet }) => {
  const { page } = await pageOf(
    wallet,
    `(() => {
    document.body.innerHTML = '<header style="position:sticky;top:0;height:80px;background:#333;z-index:5"><input id="search" placeholder="Search"></header>' +
      '<main style="padding-top:300px;height:2000px"><h1>Payment</h1><form>' +
      '<label>Card number <input autocomplete="cc-number"></label><label>Expiry <input autocomplete="cc-exp"></label>' +
      '<label>Security code <input autocomplete="cc-csc"></label></form></main>';
  })()`,
  );
  const shown = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-wallet-frame="fill"]')!).visibility, undefined);
  await expect.poll(shown).toBe('visible');
  // The offer's place under the header: the wallet draws nothing over the page's search box.
  await page.evaluate(() => {
    const top = document.querySelector('[data-wallet-frame="fill"]')!.getBoundingClientRect().top;
    scrollBy(0, top - 40);
  }, undefined);
  await expect.poll(shown).toBe('hidden');
  await page.screenshot('card-fill-offer-under-sticky-header');
  await page.evaluate(() => scrollTo(0, 0), undefined);
  await expect.poll(shown).toBe('visible');
  await page.close();
});

test('a card form in a modal panel over a backdrop the page draws beside it gets the offer, and the form the backdrop covers gets none', async ({
  wallet,
}) => {
  // As Material UI draws its dialogs: the backdrop and the panel are siblings, both fixed, the panel later or higher.
  const { page } = await pageOf(
    wallet,
    `(() => {
    const form = (id) => '<form id="' + id + '"><label>Card number <input autocomplete="cc-number"></label>' +
      '<label>Expiry <input autocomplete="cc-exp"></label><label>Security code <input autocomplete="cc-csc"></label></form>';
    document.body.innerHTML = '<style>label{display:block;margin:6px 0}</style><h1>Checkout</h1>' + form('page-form') +
      '<div style="position:fixed;inset:0;background:rgba(0,0,0,.5)"></div>' +
      '<div role="dialog" style="position:fixed;left:120px;top:60px;z-index:1300;background:#fff;padding:16px"><h2>Add a card</h2>' + form('modal-form') + '</div>';
  })()`,
  );
  const offered = () =>
    page.evaluate(() => [...document.querySelectorAll('[data-wallet-frame="fill"]')].map((host) => host.closest('form')?.id), undefined);
  await expect.poll(offered).toEqual(['modal-form']);
  await page.screenshot('card-fill-offer-in-modal-over-backdrop');
  await page.close();
});

test('a card form of design-system fields, each input in its component’s closed shadow root, gets the offer after the number and is filled as typed', async ({
  wallet,
}) => {
  // As Shoelace, Ionic or Material Web draw a text field: the label and the <input> in the component's own shadow root, the
  // <form> in the page, the value submitted through the form-associated component. Closed here: only an extension can read it.
  const { page, offer } = await pageOf(
    wallet,
    `(() => {
    class Field extends HTMLElement {
      static formAssociated = true;
      constructor() {
        super();
        this.internals = this.attachInternals();
        const root = this.attachShadow({ mode: 'closed' });
        root.innerHTML = '<style>:host{display:block;margin:8px 0}label{display:block;font:14px sans-serif}input{width:240px;padding:6px}</style>' +
          '<label for="control"><slot name="label"></slot></label><input id="control">';
        this.input = root.querySelector('input');
        this.caption = root.querySelector('slot');
        this.input.addEventListener('input', () => this.internals.setFormValue(this.input.value));
      }
      connectedCallback() {
        this.caption.textContent = this.getAttribute('label');
        for (const name of ['name', 'autocomplete', 'placeholder', 'inputmode'])
          if (this.hasAttribute(name)) this.input.setAttribute(name, this.getAttribute(name));
      }
      get value() { return this.input.value; }
    }
    customElements.define('ds-text-field', Field);
    document.body.innerHTML = '<h1>Payment</h1><p>Order total: $42.00</p><form id="pay">' +
      '<ds-text-field label="Name on card" name="holder"></ds-text-field>' +
      '<ds-text-field label="Card number" name="cardnumber" inputmode="numeric"></ds-text-field>' +
      '<ds-text-field label="Expiry date" name="expiry" placeholder="MM / YY"></ds-text-field>' +
      '<ds-text-field label="CVC" name="cvc" inputmode="numeric"></ds-text-field>' +
      '<button>Pay now</button></form>';
  })()`,
  );
  // The offer stands in the page's form, right after the card number's component.
  expect(
    await page.evaluate(
      () => document.querySelector('[data-wallet-frame="fill"]')?.previousElementSibling?.previousElementSibling?.getAttribute('name'),
      undefined,
    ),
  ).toBe('cardnumber');
  // What the components hold, and what the page's form would submit: each heard its input being typed into.
  await fillsTo(
    wallet,
    offer,
    'Fields to fill: name on card, card number, expiry, security code',
    () =>
      page.evaluate(() => {
        const form = new FormData(document.querySelector<HTMLFormElement>('#pay')!);
        return [...document.querySelectorAll('ds-text-field')].map((field) => [
          (field as HTMLElement & { value: string }).value,
          form.get(field.getAttribute('name')!),
        ]);
      }, undefined),
    [
      ['Ada Lovelace', 'Ada Lovelace'],
      ['4242424242424242', '4242424242424242'],
      ['12 / 30', '12 / 30'],
      ['321', '321'],
    ],
  );
  await page.screenshot('card-fill-design-system-fields');
  await page.close();
});

test('a card form a web component draws in its shadow root, revealed when the shopper picks card, gets the offer then', async ({
  wallet,
}) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/frameworks/app.html`);
  await page.evaluateScript(`(() => {
    const host = document.createElement('checkout-payment');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>label{display:block;margin:6px 0;font:14px sans-serif}input:not([type]){display:block;width:240px;padding:6px}</style>' +
      '<h2>Payment method</h2><form>' +
      '<label><input type="radio" name="method" value="paypal" checked> PayPal</label>' +
      '<label><input type="radio" name="method" value="card" id="by-card"> Credit or debit card</label>' +
      '<div id="card" hidden><label for="n">Card number</label><input id="n" name="number">' +
      '<label for="e">Expiry (MM/YY)</label><input id="e" name="expiry"><label for="c">Security code</label><input id="c" name="cvc"></div>' +
      '<button type="button">Place order</button></form>';
    root.getElementById('by-card').addEventListener('change', () => { root.getElementById('card').hidden = false; });
    document.body.innerHTML = '<h1>Checkout</h1><p>Order total: $42.00</p>';
    document.body.append(host);
  })()`);
  await page.evaluate(
    () => document.querySelector('checkout-payment')!.shadowRoot!.querySelector<HTMLInputElement>('#by-card')!.click(),
    undefined,
  );
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await fillsTo(
    wallet,
    offer,
    CARD_FIELDS,
    () =>
      page.evaluate(
        () =>
          [...document.querySelector('checkout-payment')!.shadowRoot!.querySelectorAll<HTMLInputElement>('#card input')].map(
            (input) => input.value,
          ),
        undefined,
      ),
    CARD_FILLED,
  );
  await page.screenshot('card-fill-shadow-root-form');
  await page.close();
});

test('a component that lays the page’s own card fields out in its named slots shows the offer in the number’s slot, and fills', async ({
  wallet,
}) => {
  // The component's root has no default slot: an offer put beside the number's label without its slot name is never drawn.
  const { page, offer } = await pageOf(
    wallet,
    `(() => {
    customElements.define('card-grid', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<style>.grid{display:grid;grid-template-columns:1fr 1fr;gap:8px;max-width:520px}.wide{grid-column:1/3}</style>' +
          '<div class="grid"><div class="wide"><slot name="number"></slot></div><slot name="expiry"></slot><slot name="cvc"></slot></div>';
      }
    });
    document.body.innerHTML = '<h1>Payment</h1><p>Order total: $42.00</p><form><card-grid>' +
      '<label slot="number">Card number <input autocomplete="cc-number"></label>' +
      '<label slot="expiry">Expiry (MM/YY) <input autocomplete="cc-exp"></label>' +
      '<label slot="cvc">Security code <input autocomplete="cc-csc"></label></card-grid><button>Pay</button></form>';
  })()`,
  );
  const drawn = async () => {
    const { offer, elements, over } = await offerAmong(page, 'input');
    return { height: offer.height, over, belowNumber: offer.top >= elements[0]!.bottom && offer.bottom <= elements[1]!.top };
  };
  await expect.poll(drawn).toEqual({ height: 60, over: 0, belowNumber: true });
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), CARD_FILLED);
  await page.screenshot('card-fill-named-slots');
  await page.close();
});

test('fields whose captions the page puts into each component’s label slot are read by those captions', async ({ wallet }) => {
  // As Ionic's inputs take `<div slot="label">`: no name, id or autocomplete says what the inner input is for.
  const { page, offer } = await pageOf(
    wallet,
    `(() => {
    customElements.define('slot-field', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<style>label{display:block;margin:6px 0}input{display:block;width:220px}</style>' +
          '<label><div><slot name="label"></slot></div><input></label>';
      }
      get value() { return this.shadowRoot.querySelector('input').value; }
    });
    const field = (caption) => '<slot-field><div slot="label">' + caption + '</div></slot-field>';
    document.body.innerHTML = '<h1>Pago</h1><p>Total: 42,00 €</p><form>' + field('Número de tarjeta') + field('Fecha de caducidad (MM/AA)') +
      field('Código de seguridad') + '<button>Pagar</button></form>';
  })()`,
  );
  await fillsTo(
    wallet,
    offer,
    CARD_FIELDS,
    () =>
      page.evaluate(
        () => [...document.querySelectorAll('slot-field')].map((field) => (field as HTMLElement & { value: string }).value),
        undefined,
      ),
    CARD_FILLED,
  );
  await page.close();
});

test('an offer hides while a modal dialog the page opens is over it, shows again when it closes, and comes back with a form the page moves', async ({
  wallet,
}) => {
  const { page } = await pageOf(
    wallet,
    `(() => {
    document.body.innerHTML = '<style>label{display:block;margin:6px 0}input{display:block;width:220px}</style><h1>Checkout</h1>' +
      '<p>Order total: $42.00</p><div id="step-1"><form id="card"><label>Card number <input autocomplete="cc-number"></label>' +
      '<label>Expiry (MM/YY) <input autocomplete="cc-exp"></label><label>Security code <input autocomplete="cc-csc"></label></form></div>' +
      '<div id="step-2" style="margin-top:40px"><h2>Review</h2></div><dialog id="help">What is a security code? <button>OK</button></dialog>';
  })()`,
  );
  const offerShown = () =>
    page.evaluate(() => {
      const host = document.querySelector('[data-wallet-frame="fill"]');
      const number = document.querySelector('input')!.getBoundingClientRect();
      if (!host || !host.matches(':popover-open') || getComputedStyle(host).visibility !== 'visible') return 'hidden';
      const box = host.getBoundingClientRect();
      return box.top >= number.bottom && box.top - number.bottom < 20 ? 'below the number' : 'elsewhere';
    }, undefined);
  await expect.poll(offerShown).toBe('below the number');
  await page.evaluate(() => document.querySelector<HTMLDialogElement>('#help')!.showModal(), undefined);
  await expect.poll(offerShown).toBe('hidden');
  await page.evaluate(() => document.querySelector<HTMLDialogElement>('#help')!.close(), undefined);
  await expect.poll(offerShown).toBe('below the number');
  // Taken out of the page and put in again elsewhere, the form closes the offer with it; nothing says so but the move.
  await page.evaluate(() => document.querySelector('#step-2')!.append(document.querySelector('#card')!), undefined);
  await expect.poll(offerShown).toBe('below the number');
  await page.close();
});

test('an offer follows a card form a component scrolls in a panel of its shadow root, and hides once the form leaves the panel', async ({
  wallet,
}) => {
  const { page } = await pageOf(
    wallet,
    `(() => {
    customElements.define('scroll-checkout', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<style>label{display:block;margin:6px 0}input{display:block;width:220px}</style>' +
          '<div id="panel" style="height:300px;overflow:auto;border:1px solid #888"><p style="height:40px">Your basket</p><form>' +
          '<label>Card number <input autocomplete="cc-number"></label><label>Expiry (MM/YY) <input autocomplete="cc-exp"></label>' +
          '<label>Security code <input autocomplete="cc-csc"></label></form><p style="height:600px">Terms</p></div>';
      }
    });
    document.body.innerHTML = '<h1>Checkout</h1><p>Order total: $42.00</p><scroll-checkout></scroll-checkout>';
  })()`,
  );
  const place = () =>
    page.evaluate(() => {
      const root = document.querySelector('scroll-checkout')!.shadowRoot!;
      const host = root.querySelector('[data-wallet-frame="fill"]')!;
      const number = root.querySelector('input')!.getBoundingClientRect();
      return getComputedStyle(host).visibility === 'visible' ? Math.round(host.getBoundingClientRect().top - number.bottom) : 'hidden';
    }, undefined);
  const gap = await place();
  expect(typeof gap).toBe('number');
  await page.evaluate(() => (document.querySelector('scroll-checkout')!.shadowRoot!.querySelector('#panel')!.scrollTop = 40), undefined);
  await expect.poll(place).toBe(gap);
  // Scrolled past the panel's top edge, the form's place is over the page's heading, still in the window.
  await page.evaluate(() => (document.querySelector('scroll-checkout')!.shadowRoot!.querySelector('#panel')!.scrollTop = 150), undefined);
  await expect.poll(place).toBe('hidden');
  await page.close();
});

test('a card form whose fields the page places absolutely in a box of fixed height gets its offer after the box, over no field', async ({
  wallet,
}) => {
  const { page, offer } = await pageOf(
    wallet,
    `(() => {
    const at = (style) => 'style="position:absolute;' + style + '"';
    document.body.innerHTML = '<h1>Payment</h1><p>Order total: $42.00</p><form><div id="box" style="position:relative;height:120px;width:420px">' +
      '<input ' + at('left:0;top:0;width:400px') + ' autocomplete="cc-number" aria-label="Card number">' +
      '<input ' + at('left:0;top:44px;width:120px') + ' autocomplete="cc-exp" aria-label="Expiry (MM/YY)">' +
      '<input ' + at('left:140px;top:44px;width:80px') + ' autocomplete="cc-csc" aria-label="Security code">' +
      '<button ' + at('left:0;top:88px') + '>Pay</button></div><p>Payments are encrypted.</p></form>';
  })()`,
  );
  const placed = async () => {
    const { offer, elements, over } = await offerAmong(page, '#box, input, button');
    return { afterBox: offer.top >= elements[0]!.bottom, over };
  };
  await expect.poll(placed).toEqual({ afterBox: true, over: 0 });
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), CARD_FILLED);
  await page.screenshot('card-fill-absolute-fields');
  await page.close();
});

test('on a page that zooms its card form, the offer stands where the form leaves room for it, over no field, and its click fills', async ({
  wallet,
}) => {
  const { page, offer } = await pageOf(
    wallet,
    `(() => {
    document.body.innerHTML = '<style>html{zoom:1.25}label{display:block;margin:4px 0}input{display:block;width:200px}</style>' +
      '<h1>Payment</h1><p>Order total: $42.00</p><form style="zoom:1.6">' +
      '<label>Card number <input name="number" autocomplete="cc-number"></label>' +
      '<label>Expiry (MM/YY) <input name="expiry" autocomplete="cc-exp"></label>' +
      '<label>Security code <input name="cvc" autocomplete="cc-csc"></label><button>Place order</button></form>';
  })()`,
  );
  const placed = async () => {
    const { offer, over } = await offerAmong(page, 'input, label, button');
    const [number, expiry] = (await offerAmong(page, 'input')).elements;
    return { height: offer.height, belowNumber: offer.top >= number!.bottom, aboveExpiry: offer.bottom <= expiry!.top, over };
  };
  await expect.poll(placed).toEqual({ height: 60, belowNumber: true, aboveExpiry: true, over: 0 });
  await page.screenshot('card-fill-zoomed-form');
  await fillsTo(wallet, offer, CARD_FIELDS, () => inputValues(page), CARD_FILLED);
  await page.close();
});

test('a dropdown’s closed list, clipped to nothing over the security code, does not hide the field from the fill', async ({ wallet }) => {
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/woocommerce-checkout.html`);
  // As chosen.js keeps its closed list: placed, opaque, over what follows, and clipped away.
  // The form below the fold, where the wallet cannot hit-test the field and goes by what is placed over it.
  await page.evaluateScript(`(() => {
    document.body.style.paddingTop = '2000px';
    const cvc = document.querySelector('#simplify_commerce-card-cvc');
    const box = cvc.getBoundingClientRect();
    const list = document.createElement('div');
    list.style.cssText = 'position:absolute;z-index:1010;background:#fff;border:1px solid #aaa;clip:rect(0,0,0,0);clip-path:inset(100% 100%);' +
      'left:' + (box.left + scrollX - 5) + 'px;top:' + (box.top + scrollY - 5) + 'px;width:' + (box.width + 10) + 'px;height:' + (box.height + 10) + 'px';
    document.body.append(list);
  })()`);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  await offer.click();
  const confirm = await wallet.waitForPage('/confirm.html');
  await confirm.waitFor('[data-testid="fill"]');
  expect(await confirm.textOf('[data-testid="fill-fields"]')).toContain('security code');
  await confirm.click('[data-testid="confirm-cancel"]');
  await page.close();
});

const VISIBLE_FORM = { number: '#card-number', expiry: '#card-expiry', cvc: '#card-cvc', name: '#card-name' };
/** The look-alikes on the page: 33 ways of hiding a field, four fields each. */
const TWINS = 132;

/** The values of the card form the shopper sees, and the look-alikes the page hides that hold anything. */
function readHiddenTwins(page: DriverPage) {
  return page.evaluate((form) => {
    // The look-alikes of the page itself and of its own frames.
    const twinsIn = (doc: Document): HTMLInputElement[] => [
      ...doc.querySelectorAll<HTMLInputElement>('[data-twin]'),
      ...[...doc.querySelectorAll('iframe')].flatMap((frame) => (frame.contentDocument ? twinsIn(frame.contentDocument) : [])),
    ];
    return {
      visible: Object.fromEntries(
        Object.entries(form).map(([kind, selector]) => [kind, document.querySelector<HTMLInputElement>(selector)?.value]),
      ),
      filledTwins: twinsIn(document)
        .filter((twin) => twin.value !== '')
        .map((twin) => `${twin.dataset.twin} ${twin.autocomplete}`),
      twins: twinsIn(document).length,
    };
  }, VISIBLE_FORM);
}

/**
 * Waits for the fill, then checks that the form the shopper sees holds `visible` and that not one of the
 * look-alikes holds anything. The fill writes every field in one go: once the number is in, the rest is final.
 */
async function expectFilled(page: DriverPage, visible: Record<keyof typeof VISIBLE_FORM, string>): Promise<void> {
  await expect.poll(async () => (await readHiddenTwins(page)).visible.number).toBe(visible.number);
  expect(await readHiddenTwins(page)).toEqual({ visible, filledTwins: [], twins: TWINS });
}

/** Adds to the page's own stylesheet, as its scripts may at any moment. */
function restyle(page: DriverPage, css: string): Promise<void> {
  return page.evaluate((text) => {
    const style = document.createElement('style');
    style.textContent = text;
    document.head.append(style);
  }, css);
}

/** Opens the page of hidden look-alikes and waits for the offer, which must sit beside the card number the shopper sees. */
async function openHiddenTwins(wallet: WalletDriver): Promise<{ page: DriverPage; offer: WalletFrame }> {
  await noConfirmWindow(wallet);
  const page = await wallet.newPage();
  await page.goto(`${STOREFRONT_URL}/stores/hidden-twins.html`);
  const offer = await page.walletFrame('fill');
  await expect.poll(() => offer.text()).toContain('Fill from wallet');
  // The frame's placeholder goes right after the block of the card number it offers to fill, not a look-alike's.
  expect(
    await page.evaluate(() => {
      const slot = document.querySelector('[data-wallet-frame="fill"]')?.previousElementSibling?.previousElementSibling;
      return slot?.matches('#card-number') || !!slot?.querySelector('#card-number');
    }, undefined),
  ).toBe(true);
  return { page, offer };
}

/**
 * Opens the page of hidden look-alikes, lets the page change (`before`), clicks the offer and checks the
 * fields the wallet window lists; returns it with the security code and payment password typed.
 */
async function offerOnHiddenTwins(
  wallet: WalletDriver,
  listed: string,
  before?: (page: DriverPage) => Promise<void>,
): Promise<{ page: DriverPage; confirm: DriverPage }> {
  const { page, offer } = await openHiddenTwins(wallet);
  await before?.(page);
  return { page, confirm: await confirmFill(wallet, offer, listed) };
}

const ALL_LISTED = 'Fields to fill: card number, expiry, security code, name on card';

test('look-alike card fields a stylesheet hides stay empty: only the form the shopper sees is filled', async ({ wallet }) => {
  const { page, confirm } = await offerOnHiddenTwins(wallet, ALL_LISTED);
  await confirm.screenshot('confirm-fill-visible-fields');
  await confirm.click('[data-testid="fill"]');

  await expectFilled(page, { number: '4242424242424242', expiry: '12 / 30', cvc: '321', name: 'Ada Lovelace' });
  await page.screenshot('card-fill-hidden-twins');
  await page.close();
});

test('a field the page hides after the shopper asked is left empty, and the rest filled', async ({ wallet }) => {
  const { page, confirm } = await offerOnHiddenTwins(wallet, ALL_LISTED);
  // The security code the shopper saw turns transparent while the wallet window is open.
  await restyle(page, '#card-cvc { opacity: 0 }');
  await confirm.click('[data-testid="fill"]');

  await expectFilled(page, { number: '4242424242424242', expiry: '12 / 30', cvc: '', name: 'Ada Lovelace' });
  await page.close();
});

test('a field hidden when the shopper asked is not listed, and stays empty though the page shows it before the fill', async ({
  wallet,
}) => {
  const listed = 'Fields to fill: card number, expiry, security code';
  const { page, confirm } = await offerOnHiddenTwins(wallet, listed, (page) => restyle(page, '#card-name { visibility: hidden }'));
  await restyle(page, '#card-name { visibility: visible }');
  await confirm.click('[data-testid="fill"]');

  await expectFilled(page, { number: '4242424242424242', expiry: '12 / 30', cvc: '321', name: '' });
  await page.close();
});

test('an offer clicked when the page no longer shows a card field says so and opens no wallet window', async ({ wallet }) => {
  const { page, offer } = await openHiddenTwins(wallet);
  await restyle(page, '.card-form input { visibility: hidden }');
  await offer.click();

  // The offer answers at once, instead of asking the wallet: no window is opened.
  await expect.poll(() => offer.text()).toContain('The page no longer shows its card fields, so the wallet has nothing to fill.');
  expect((await wallet.pageUrls()).filter((url) => url.includes('/confirm.html'))).toEqual([]);
  await page.close();
});
