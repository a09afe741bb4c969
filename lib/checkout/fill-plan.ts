import { cardBrandRadios } from './card-type';
import {
  checkedOnce,
  chooseFields,
  formNumbers,
  type CardField,
  type FieldCheck,
  type CardFieldKind,
  type CardFields,
  type HostedFrame,
} from './card-fields';
import { MAX_FILL_OFFERS } from '../inline/click-rules';
import { detectCheckout, type CheckoutDetection } from './detect';
import { numberBlocks } from './number-blocks';
import { whyHiddenFromShopper } from './shopper-visible';

/** One card form the shopper may have filled: the field the offer stands beside, and the field of each kind they see. */
export interface CardForm {
  /**
   * The card number the shopper sees or, where a provider's frame takes the number, the holder's name the
   * page asks itself.
   */
  anchor: CardField;
  /** All a fill of this form would touch. */
  fields: CardFields;
}

/** What the wallet does on a page, as the shopper sees it now. */
export interface FillPlan {
  detection: CheckoutDetection;
  /** On a payment step, each card form with an offer of its own, in page order; a fill is one card into one of them. */
  forms: CardForm[];
  /** On a payment step with no card number to fill: the provider's frame the note stands beside. */
  hosted?: HostedFrame;
}

/**
 * The field of each kind the detectors found that the shopper sees now, in the card form of `form` (else the
 * first); `check` is whether the shopper sees a field, asked once per field by a caller that asks for several forms.
 */
export function visibleFields(detection: CheckoutDetection, form?: CardField, check: FieldCheck = whyHiddenFromShopper): CardFields {
  const candidates = detection.cardFields ?? {};
  return chooseFields(candidates, Object.keys(candidates) as CardFieldKind[], check, form).fields;
}

/** A whole card form: a number with an expiry or a code of its own. */
const isWholeForm = ({ fields }: CardForm) => Boolean(fields.expiry ?? fields.expiryMonth ?? fields.cvc);

/**
 * What the wallet offers on `doc`: on a payment step, "Fill from wallet" beside each card number the shopper
 * sees, for the kinds whose field they see in its form; where a provider's frame takes the number instead, a
 * note, and the offer beside the holder's name when the page asks for it outside the frame.
 */
export function planFill(doc: Document, url?: string): FillPlan {
  const detection = detectCheckout(doc, url);
  if (!detection.isCheckout) return { detection, forms: [] };
  const seen = checkedOnce(whyHiddenFromShopper);
  const numbers = formNumbers(detection.cardFields ?? {}, seen);
  if (numbers.length > 0) {
    const forms = numbers.map((number) => ({ anchor: number, fields: visibleFields(detection, number, seen) }));
    // A number with nothing of a card's besides (a gift card's, before the card form) gets an offer only when no form is whole.
    const whole = forms.filter(isWholeForm);
    return { detection, forms: (whole.length > 0 ? whole : forms.slice(0, 1)).slice(0, MAX_FILL_OFFERS) };
  }
  // The note stands beside the frame that takes the number, where the shopper looks for it.
  const hosted =
    detection.hostedFrames.find(({ element }) =>
      /number|card ?no|\bpan\b/i.test(['name', 'id', 'title', 'src'].map((name) => element.getAttribute(name) ?? '').join(' ')),
    ) ?? detection.hostedFrames[0];
  if (!hosted) return { detection, forms: [] };
  const fields = visibleFields(detection, undefined, seen);
  const holder = fields.name ?? fields.givenName ?? fields.familyName;
  return { detection, forms: holder ? [{ anchor: holder, fields }] : [], hosted };
}

/** Every control a fill of `fields` writes to or sets, with its kind: each block of a split number, each radio of a brand choice. */
export function controlsOf(fields: CardFields): [CardField, CardFieldKind][] {
  return (Object.entries(fields) as [CardFieldKind, CardField][]).flatMap(([kind, field]) => {
    if (kind === 'number') return numberBlocks(field).map((block): [CardField, CardFieldKind] => [block, kind]);
    if (kind === 'cardType' && field.localName === 'input')
      return cardBrandRadios(field as HTMLInputElement).map((radio): [CardField, CardFieldKind] => [radio, kind]);
    return [[field, kind]];
  });
}
