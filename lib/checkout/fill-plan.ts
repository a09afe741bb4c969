import { cardBrandRadios } from './card-type';
import { chooseFields, type CardField, type CardFieldKind, type CardFields, type HostedFrame } from './card-fields';
import { detectCheckout, type CheckoutDetection } from './detect';
import { numberBlocks } from './number-blocks';
import { whyHiddenFromShopper } from './shopper-visible';

/** What the wallet does on a page, as the shopper sees it now. */
export interface FillPlan {
  detection: CheckoutDetection;
  /**
   * The field the offer stands beside on a payment step: the card number the shopper sees or, where a
   * provider's frame takes the number, the holder's name the page asks itself.
   */
  anchor?: CardField;
  /** The field of each kind the shopper sees now: all a fill would touch. */
  fields: CardFields;
  /** On a payment step with no card number to fill: the provider's frame the note stands beside. */
  hosted?: HostedFrame;
}

/** The field of each kind the detectors found that the shopper sees now. */
export function visibleFields(detection: CheckoutDetection): CardFields {
  const candidates = detection.cardFields ?? {};
  return chooseFields(candidates, Object.keys(candidates) as CardFieldKind[], whyHiddenFromShopper).fields;
}

/**
 * What the wallet offers on `doc`: on a payment step, "Fill from wallet" beside the card number the shopper
 * sees, for the kinds whose field they see; where a provider's frame takes the number instead, a note, and
 * the offer beside the holder's name when the page asks for it outside the frame.
 */
export function planFill(doc: Document, url?: string): FillPlan {
  const detection = detectCheckout(doc, url);
  if (!detection.isCheckout) return { detection, fields: {} };
  const fields = visibleFields(detection);
  if (fields.number) return { detection, anchor: fields.number, fields };
  // The note stands beside the frame that takes the number, where the shopper looks for it.
  const hosted =
    detection.hostedFrames.find(({ element }) =>
      /number|card ?no|\bpan\b/i.test(['name', 'id', 'title', 'src'].map((name) => element.getAttribute(name) ?? '').join(' ')),
    ) ?? detection.hostedFrames[0];
  if (!hosted) return { detection, fields: {} };
  const holder = fields.name ?? fields.givenName ?? fields.familyName;
  return holder ? { detection, anchor: holder, fields, hosted } : { detection, fields: {}, hosted };
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
