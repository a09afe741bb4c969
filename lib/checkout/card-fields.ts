import { attributeHint, firstOf, isHidden, labelOf, normalise } from './dom';
import { whyUnfillable } from './fillable';
import { hostedProvider, type HostedProvider } from './hosted-frames';

export type CardFieldKind = 'number' | 'expiry' | 'expiryMonth' | 'expiryYear' | 'cvc' | 'name' | 'givenName' | 'familyName';
export type CardField = HTMLInputElement | HTMLSelectElement;
/** One field of each kind: the ones a fill writes to. */
export type CardFields = Partial<Record<CardFieldKind, CardField>>;
/**
 * Every field of each kind, in document order. A page may hold look-alikes the shopper never sees, and only
 * layout can tell them from the real ones, at the moment a field is needed (see `chooseFields`).
 */
export type CardCandidates = Partial<Record<CardFieldKind, CardField[]>>;
export interface HostedFrame extends HostedProvider {
  element: HTMLIFrameElement;
}
export interface CardScan {
  candidates: CardCandidates;
  /** Card fields in other origins' iframes: the page, and so the wallet, cannot fill them. */
  hostedFrames: HostedFrame[];
}

const TOKENS: Record<string, CardFieldKind> = {
  'cc-number': 'number',
  'cc-exp': 'expiry',
  'cc-exp-month': 'expiryMonth',
  'cc-exp-year': 'expiryYear',
  'cc-csc': 'cvc',
  'cc-name': 'name',
  'cc-given-name': 'givenName',
  'cc-family-name': 'familyName',
};

// Gift cards, coupons and one-time codes are asked for with the same words as bank cards.
const NOT_CARD =
  /gift|coupon|promo|discount|voucher|loyal|bonus|otp|sms|подар|купон|промо|скидк|бонус|gutschein|rabatt|geschenk|cadeau|réduc|fidélité|礼品|优惠|积分|验证码/;

// Checked in this order: "card security code" and "card expiry" also say "card".
const HEURISTICS: [CardFieldKind, RegExp][] = [
  [
    'cvc',
    /cvc|cvv|cvn|\bcsc\b|\bcid\b|security code|card code|card verification|код безопасности|prüf(nummer|ziffer|code)|sicherheitscode|cryptogramme|code de sécurité|安全码|校验码/,
  ],
  [
    'expiry',
    /\bexp(ir|\b|date|month|year)|valid (thru|through|until)|mm ?\/ ?(yy|jj|aa)|мм ?\/ ?гг|срок|ablauf|gültig|échéance|有效期|到期/,
  ],
  [
    'name',
    /card ?holder|holder name|name on (the )?card|cc name|card name|владел|держател|имя на карте|karteninhaber|titulaire|nom sur la carte|持卡人/,
  ],
  ['number', /card ?(number|num|no|nr)\b|cc ?(number|num)|номер[^,.]{0,20}карт|kartennummer|num[ée]ro de (la )?carte|卡号|\bpan\b/],
];
const MONTH = /month|\bmm\b|\bmon\b|monat|mois|месяц|мм|月/;
const YEAR = /year|\byy(yy)?\b|jahr|\bjj\b|\baa(aa)?\b|ann[ée]e|год|гг|年/;

/** Month or year of a split expiry, when `hint` says which. */
function expiryPart(hint: string): CardFieldKind | undefined {
  const month = MONTH.test(hint);
  return month === YEAR.test(hint) ? undefined : month ? 'expiryMonth' : 'expiryYear';
}

export function cardFieldKind(field: Element): CardFieldKind | undefined {
  // The field name is the autocomplete token list's last part ("section-pay billing cc-number"), never just its first.
  const token = (field.getAttribute('autocomplete') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .find((part) => part.startsWith('cc-'));
  if (token) return TOKENS[token];
  const own = attributeHint(field);
  const label = normalise(labelOf(field));
  const hint = `${own} ${label}`;
  if (NOT_CARD.test(hint)) return undefined;
  const kind = HEURISTICS.find(([, pattern]) => pattern.test(hint))?.[0];
  if (kind === 'expiry') return expiryPart(own) ?? expiryPart(label) ?? kind;
  return field.localName === 'select' ? undefined : kind;
}

/**
 * The frame's document when it is the page's own origin. Its declared address decides first: Firefox
 * lets content scripts read other origins' frames, but neither the page nor the wallet may fill them.
 */
function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  const src = frame.getAttribute('src');
  const page = frame.ownerDocument;
  if (src && !/^\s*(about:|javascript:)/i.test(src)) {
    try {
      if (new URL(src, page.baseURI).origin !== new URL(page.URL).origin) return null;
    } catch {
      return null;
    }
  }
  try {
    // Null for another origin's frame in current browsers; older ones throw instead.
    return frame.contentDocument ?? null;
  } catch {
    return null;
  }
}

function scanInto(doc: Document, scan: CardScan): void {
  for (const field of firstOf<CardField>(doc, 'input, select')) {
    const kind = whyUnfillable(field) ? undefined : cardFieldKind(field);
    if (kind) (scan.candidates[kind] ??= []).push(field);
  }
  for (const frame of firstOf<HTMLIFrameElement>(doc, 'iframe')) {
    if (isHidden(frame)) continue;
    const inner = sameOriginDocument(frame);
    const provider = inner ? undefined : hostedProvider(frame);
    if (inner) scanInto(inner, scan);
    else if (provider) scan.hostedFrames.push({ ...provider, element: frame });
  }
}

/** Card fields of the document and of the same-origin iframes inside it, every one of each kind in document order. */
export function findCardFields(doc: Document): CardScan {
  const scan: CardScan = { candidates: {}, hostedFrames: [] };
  scanInto(doc, scan);
  return scan;
}

/** Why a field cannot take the card now, or undefined when it can. */
export type FieldCheck = (field: CardField) => string | undefined;

export interface FieldChoice {
  fields: CardFields;
  /** The kinds no candidate passed the check for, with each candidate's reason. */
  unavailable: { kind: CardFieldKind; reason: string }[];
}

/** For each of `kinds`, in that order, the first candidate that passes `check`. */
export function chooseFields(candidates: CardCandidates, kinds: readonly CardFieldKind[], check: FieldCheck): FieldChoice {
  const choice: FieldChoice = { fields: {}, unavailable: [] };
  for (const kind of kinds) {
    const reasons: string[] = [];
    const field = candidates[kind]?.find((candidate) => {
      const reason = check(candidate);
      if (reason) reasons.push(reason);
      return !reason;
    });
    if (field) choice.fields[kind] = field;
    else choice.unavailable.push({ kind, reason: reasons.join('; ') || 'not on the page' });
  }
  return choice;
}
