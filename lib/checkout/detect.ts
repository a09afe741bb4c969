import { findCardFields, type CardCandidates, type HostedFrame } from './card-fields';
import { attributeHint, firstOf, isHidden, textOf } from './dom';
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
  /^(place (my |your )?order|complete (order|purchase)|confirm (and pay|order|purchase|payment)|submit (order|payment)|pay\b|purchase|buy now|order now|order with an obligation|оформить заказ|оплатить|подтвердить (заказ|оплату)|bestellung abschicken|(jetzt |zahlungspflichtig )?(kaufen|bestellen)|commander|payer|valider (la |ma )?commande|提交订单|立即支付|确认支付|去支付|立即付款)/;
const ADDRESS =
  /address|street|post ?code|postal|zip|city|billing|shipping|адрес|улиц|индекс|город|strasse|straße|plz|adresse|ville|地址|邮编/;
// An account's "Saved cards" page has card fields and an address, but neither a total nor a button that orders.
const ACCOUNT_HEADING =
  /saved (cards|payment)|payment methods|my (cards|wallet|account)|add (a |new )?(card|payment method)|мои карты|сохран[её]нные карты|привязанные карты|способы оплаты|личный кабинет|gespeicherte|zahlungsarten|mein konto|mes cartes|cartes enregistrées|moyens de paiement|mon compte|我的银行卡|已保存|我的账户/i;
const ACCOUNT_URL = /account|profile|settings|wallet|konto|compte|lk\//i;
const CHECKOUT_URL = /checkout|kasse|commande/i;

function visible(doc: Document, selector: string): Element[] {
  return firstOf(doc, selector).filter((element) => !isHidden(element));
}

function hasPlaceOrderButton(doc: Document): boolean {
  return visible(doc, 'button, input[type=submit], input[type=button], [role=button], a.button, a.btn').some((button) =>
    PLACE_ORDER.test((textOf(button) || button.getAttribute('value') || '').toLowerCase()),
  );
}

/**
 * Whether the page is a checkout: it takes a payment (card fields, a hosted card frame or a payment-method
 * choice) and it is about an order (a total, a button that places it, or a checkout URL). Address fields
 * alone count too, except on an account page, where "add a card" forms have them. `url` is the page's own
 * unless given, as it must be for a saved page.
 */
export function detectCheckout(doc: Document, url: string = doc.location?.href ?? ''): CheckoutDetection {
  const { candidates, hostedFrames } = findCardFields(doc);
  const cardFields = Object.keys(candidates).length > 0 ? candidates : undefined;
  const paymentGroup = findPaymentGroup(doc);
  const total = findTotal(doc);
  const headings = visible(doc, 'title, h1, h2, h3, legend').map(textOf).join(' | ');
  const seen = {
    'card fields': Boolean(candidates.number),
    'payment-method group': Boolean(paymentGroup),
    'order total': Boolean(total),
    'place-order button': hasPlaceOrderButton(doc),
    'checkout URL': CHECKOUT_URL.test(url),
    'address fields': visible(doc, 'input:not([type=hidden]), select').some((field) =>
      ADDRESS.test(`${attributeHint(field)} ${field.getAttribute('autocomplete') ?? ''}`),
    ),
    'account page': ACCOUNT_HEADING.test(headings) || ACCOUNT_URL.test(url),
  };
  const reasons = [
    ...Object.entries(seen).flatMap(([reason, isSeen]) => (isSeen ? [reason] : [])),
    ...new Set(hostedFrames.map(({ provider }) => `hosted card fields (${provider})`)),
  ];
  const takesPayment = seen['card fields'] || hostedFrames.length > 0 || seen['payment-method group'];
  const aboutOrder =
    seen['order total'] || seen['place-order button'] || seen['checkout URL'] || (seen['address fields'] && !seen['account page']);
  return { isCheckout: takesPayment && aboutOrder, reasons, cardFields, hostedFrames, total, paymentGroup };
}
