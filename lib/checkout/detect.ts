import { findCardFields, type CardCandidates, type CardFieldKind, type HostedFrame } from './card-fields';
import { cardFieldKind, namesAddress } from './field-kind';
import { holds, parentOf } from './composed-tree';
import { firstOf, isHidden, textOf } from './dom';
import { findPaymentGroup } from './payment-methods';
import { findTotal, type OrderTotal } from './total';

export interface CheckoutDetection {
  isCheckout: boolean;
  /** The signals seen, for logs and tests: "card fields", "hosted card fields (Stripe)", "order total"… */
  reasons: string[];
  /** Every card field the attributes allow, by kind; which of them the shopper sees is for layout to say. */
  cardFields?: CardCandidates;
  /** Card fields the wallet cannot fill because another origin's iframe holds them. */
  hostedFrames: HostedFrame[];
  total?: OrderTotal;
  /** The payment-method choice, beside which the wallet's option can be shown. */
  paymentGroup?: Element;
}

const PLACE_ORDER =
  /^(place (my |your )?order|complete (my |your )?(order|purchase)|confirm (and pay|order|purchase|payment)|submit (order|payment)|review (my |your )?order|continue to review|pay\b|purchase|buy now|order now|order with an obligation|оформить заказ|оплатить|подтвердить (заказ|оплату)|bestellung (abschicken|prüfen)|(jetzt |zahlungspflichtig )?(kaufen|bestellen)|commander|payer|valider (la |ma )?commande|finaliser|confirmar (pedido|compra|pago)|realizar pedido|pagar|finalizar (compra|pedido)|conferma (ordine|acquisto)|acquista|paga\b|siparişi (tamamla|onayla)|ödeme yap|提交订单|立即支付|确认支付|去支付|立即付款|注文を確定|購入する)/;
// An account's "Saved cards" page has card fields and an address, but neither a total nor a button that orders.
const ACCOUNT_HEADING =
  /saved (cards|payment)|(my|your|manage( my| your)?) (saved )?(cards|payment (methods|options)|wallet|account)|account settings|payment methods? on file|мои карты|сохран[её]нные карты|привязанные карты|личный кабинет|gespeicherte (karten|zahlungs)|mein konto|meine karten|mes cartes|cartes enregistrées|mon compte|mi cuenta|mis tarjetas|il mio account|我的银行卡|已保存|我的账户/i;
const ACCOUNT_URL = /account|profile|settings|wallet|konto|compte|lk\//i;
// A gift card's balance is checked with a card number and a "security code" too.
const GIFT_CARD_PAGE =
  /gift ?card|check (your |the |card )?balance|card balance|guthaben|gutschein|carte cadeau|solde|tarjeta regalo|saldo|подарочн|баланс карты|礼品卡|余额/i;
const CHECKOUT_URL = /checkout|kasse|commande|payment|billing|pay\b|order|bestell|pedido|ordine|заказ|оплат/i;
// Providers' guides have the card form post to "/charge" too.
const CHECKOUT_ACTION = new RegExp(`${CHECKOUT_URL.source}|charge`, 'i');

/**
 * Whether the <form> the card fields, a provider's frame or its mount, or the payment choice stand in
 * posts to a checkout's address ("/checkouts", "/charge", "/payment"): a page served anywhere says so in its form.
 */
function postsToCheckout(elements: Element[]): boolean {
  return elements.some((element) => {
    const action = element.closest('form')?.getAttribute('action') ?? '';
    return CHECKOUT_ACTION.test(action);
  });
}

function visible(doc: Document, selector: string): Element[] {
  return firstOf(doc, selector).filter((element) => !isHidden(element));
}

/** A card form: a card number with an expiry or a security code, none hidden by the page's attributes. */
function hasCardForm(candidates: CardCandidates): boolean {
  const shown = (kinds: CardFieldKind[]) => kinds.some((kind) => candidates[kind]?.some((field) => !isHidden(field)));
  return shown(['number']) && shown(['expiry', 'expiryMonth', 'expiryYear', 'cvc']);
}

/** Ancestors of a card number within which a sign-in's password stands: the form itself, or its close part of a page-wide form. */
const SIGN_IN_DEPTH = 4;

/** The part of the page around a card number that a password beside it would share. */
function signInScope(number: Element): Element {
  let scope = number;
  for (let depth = 0; depth < SIGN_IN_DEPTH && scope.localName !== 'form'; depth++) scope = parentOf(scope) ?? scope;
  return scope;
}

/**
 * A card number without a security code, with a password beside it (one the shopper sees, that is no
 * hidden security code), signs in: banks take the card's number (and its expiry) for the user name.
 * "Beside" is its own small form, or close by in a page-wide one (ASP.NET pages put the whole page, a
 * sign-in box and a payment form alike, in one <form>).
 */
function signsIn(candidates: CardCandidates): boolean {
  const scopes = (candidates.number ?? []).map(signInScope);
  return (
    scopes.length > 0 &&
    scopes.every((scope) =>
      firstOf(scope, 'input[type=password]').some((password) => !isHidden(password) && cardFieldKind(password) !== 'cvc'),
    ) &&
    !(candidates.cvc ?? []).some((cvc) => scopes.some((scope) => holds(scope, cvc)))
  );
}

/** What the page's visible buttons say, in lower case. */
function buttonTexts(doc: Document): string[] {
  return visible(doc, 'button, input[type=submit], input[type=button], [role=button], a.button, a.btn').map((button) =>
    (textOf(button) || button.getAttribute('value') || '').toLowerCase(),
  );
}

/**
 * Whether the page is a payment step. A card form (a number with an expiry or a code, or a provider's card
 * frame) is one, wherever the page is served and whatever its buttons say, except on an account page that
 * keeps saved cards. Otherwise it takes a payment (a provider's script about to mount its frames, or a
 * payment-method choice) and is about an order (a total, a button that places or reviews it, an address to
 * send it to, or a checkout URL). `url` is the page's own unless given, as it must be for a saved page.
 */
export function detectCheckout(doc: Document, url: string = doc.location?.href ?? ''): CheckoutDetection {
  const { candidates, hostedFrames } = findCardFields(doc);
  const cardFields = Object.keys(candidates).length > 0 ? candidates : undefined;
  const paymentGroup = findPaymentGroup(doc);
  const total = findTotal(doc);
  const headings = visible(doc, 'title, h1, h2, h3, legend').map(textOf).join(' | ');
  const buttons = buttonTexts(doc);
  const seen = {
    'card fields': Boolean(candidates.number),
    'payment-method group': Boolean(paymentGroup),
    'order total': Boolean(total),
    'place-order button': buttons.some((text) => PLACE_ORDER.test(text)),
    'checkout URL':
      CHECKOUT_URL.test(url) ||
      postsToCheckout([
        ...hostedFrames.map(({ element }) => element),
        ...Object.values(candidates).flatMap((fields) => fields ?? []),
        ...(paymentGroup ? [paymentGroup] : []),
      ]),
    'address fields': visible(doc, 'input:not([type=hidden]), select').some(namesAddress),
    'account page': ACCOUNT_HEADING.test(headings) || ACCOUNT_URL.test(url),
    'card form': hasCardForm(candidates),
  };
  const reasons = [
    ...Object.entries(seen).flatMap(([reason, isSeen]) => (isSeen ? [reason] : [])),
    ...new Set(hostedFrames.map(({ provider }) => `hosted card fields (${provider})`)),
  ];
  const placesOrder = seen['order total'] || seen['place-order button'];
  // A sign-in with a card number for its user name, unless the page is about an order all the same.
  const signIn = !placesOrder && signsIn(candidates);
  const cardForm = seen['card form'] && !signIn;
  const takesPayment = (seen['card fields'] && !signIn) || hostedFrames.length > 0 || seen['payment-method group'];
  const aboutOrder = placesOrder || seen['checkout URL'] || seen['address fields'];
  // A page about a gift card's balance, with nothing about an order, pays for nothing.
  const giftCardPage = !placesOrder && GIFT_CARD_PAGE.test(`${headings} | ${buttons.join(' | ')}`);
  // A card form is a payment step wherever it stands, the shopper's to fill or a provider's frame; a
  // provider's script with only the place its frames will go needs the order as well. An account page keeps
  // saved cards with the same forms and an address: there only an order being placed (a total and its button) counts.
  const providerForm = hostedFrames.some(({ element }) => element.localName === 'iframe');
  const isCheckout = seen['account page']
    ? takesPayment && seen['order total'] && seen['place-order button']
    : !giftCardPage && (cardForm || providerForm || (takesPayment && aboutOrder));
  return { isCheckout, reasons, cardFields, hostedFrames, total, paymentGroup };
}
