import { cardBrandRadios, listsCardBrands } from './card-type';
import { holds, parentOf } from './composed-tree';
import { declaredLength, firstOf, isHidden, normalise, ownForm } from './dom';
import { expiryPartInCardForm, partByOptions } from './expiry-parts';
import { cardFieldKind, holderNameInCardForm, namesAddress, securityCodeInCardForm, type CardFieldKind } from './field-kind';
import { whyUnfillable, withFrames } from './fillable';
import { hostedProvider, pendingMount, type HostedProvider } from './hosted-frames';
import { numberBlocks } from './number-blocks';

export type { CardFieldKind } from './field-kind';
export type CardField = HTMLInputElement | HTMLSelectElement;
/** One field of each kind: the ones a fill writes to. */
export type CardFields = Partial<Record<CardFieldKind, CardField>>;
/**
 * Every field of each kind, in document order. A page may hold look-alikes the shopper never sees, and only
 * layout can tell them from the real ones, at the moment a field is needed (see `chooseFields`).
 */
export type CardCandidates = Partial<Record<CardFieldKind, CardField[]>>;
export interface HostedFrame extends HostedProvider {
  /** The provider's frame, or the element its script will put the frame in. */
  element: Element;
}
export interface CardScan {
  candidates: CardCandidates;
  /** Card fields in other origins' iframes: the page, and so the wallet, cannot fill them. */
  hostedFrames: HostedFrame[];
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

/** What one document gives: fields whose words name their kind, and the rest, for the card form to place. */
interface DocumentScan extends CardScan {
  others: CardField[];
  radios: HTMLInputElement[];
  /** Every field read, in reading order: document order, each same-origin frame's fields after its page's. */
  order: Map<Element, number>;
}

function scanInto(doc: Document, scan: DocumentScan): void {
  for (const field of firstOf<CardField>(doc, 'input, select')) {
    if (whyUnfillable(field)) continue;
    scan.order.set(field, scan.order.size);
    if (field.getAttribute('type')?.toLowerCase() === 'radio') {
      scan.radios.push(field as HTMLInputElement);
      continue;
    }
    const kind = cardFieldKind(field);
    if (kind) (scan.candidates[kind] ??= []).push(field);
    else scan.others.push(field);
  }
  for (const frame of firstOf<HTMLIFrameElement>(doc, 'iframe')) {
    if (isHidden(frame)) continue;
    const inner = sameOriginDocument(frame);
    // A provider's frame before its address is set holds the empty document every new frame starts with.
    const provider = inner?.body?.firstElementChild ? undefined : hostedProvider(frame);
    if (provider) scan.hostedFrames.push({ ...provider, element: frame });
    else if (inner) scanInto(inner, scan);
  }
}

/** Digits a month or a year field takes at most, where the form splits the expiry in two. */
const MAX_PART_LENGTH = 4;
const isShortPart = (field: CardField) => field.localName === 'select' || declaredLength(field) <= MAX_PART_LENGTH;

/**
 * Two expiry fields side by side under one caption each ("有効期限" twice, "Срок действия" twice), short
 * ones, with no month or year named anywhere: the first is the month and the second the year, as the
 * shopper reads them.
 */
function pairExpiryFields(candidates: CardCandidates, order: Map<Element, number>): void {
  const [first, second] = candidates.expiry ?? [];
  if (!first || !second || candidates.expiryMonth || candidates.expiryYear) return;
  const adjacent = order.get(second)! - order.get(first)! === 1;
  const wrapper = [1, 2, 3].reduce<Element | null>((node) => node && parentOf(node), first);
  const close = wrapper !== null && holds(wrapper, second);
  if (!adjacent || !close || !isShortPart(first) || !isShortPart(second)) return;
  candidates.expiryMonth = [first];
  candidates.expiryYear = [second];
  const rest = candidates.expiry!.slice(2);
  if (rest.length > 0) candidates.expiry = rest;
  else delete candidates.expiry;
}

/**
 * A select captioned for the whole expiry ("Expiration date" on the month, the year beside it captioned
 * apart) is the month or the year its options list; one listing whole dates ("12/30") stays the expiry.
 */
function splitExpirySelects(candidates: CardCandidates): void {
  const rest: CardField[] = [];
  for (const field of candidates.expiry ?? []) {
    const part = field.localName === 'select' ? partByOptions(field as HTMLSelectElement) : undefined;
    if (part) (candidates[part] ??= []).push(field);
    else rest.push(field);
  }
  if (rest.length > 0) candidates.expiry = rest;
  else delete candidates.expiry;
}

/** Ancestors of a card number within which its form's other controls stand. */
const CARD_FORM_DEPTH = 6;

/** Whether `field` belongs to the card form of one of `numbers`: the same <form>, or a close common wrapper. */
function inCardForm(field: Element, numbers: Element[]): boolean {
  const form = ownForm(field);
  return numbers.some((number) => {
    if (form && ownForm(number) === form) return true;
    let node: Element | null = number;
    for (let depth = 0; node && depth < CARD_FORM_DEPTH; depth++, node = parentOf(node)) if (holds(node, field)) return true;
    return false;
  });
}

const HOLDER_KINDS: CardFieldKind[] = ['name', 'givenName', 'familyName'];

// How pages name the part of a form that takes the card: "CheckoutCreditCardForm", "card-details", "cc-form".
const CARD_SECTION = /credit ?card|card ?(form|details|info|fields|section)|cc ?(form|details|info)|payment ?card/;

/** Whether `field` stands in an element the page names for the card (by id or class) that holds a card number too. */
function inCardSection(field: Element, numbers: Element[]): boolean {
  let node = parentOf(field);
  for (let depth = 0; node && depth < CARD_FORM_DEPTH; depth++, node = parentOf(node)) {
    const names = normalise(`${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`);
    if (CARD_SECTION.test(names) && numbers.some((number) => holds(node!, number))) return true;
  }
  return false;
}

/**
 * Card fields of the document and of the same-origin iframes inside it, every one of each kind in document
 * order. A card form is built around a card number: without one on the page, a "security code" is a sign-in's
 * and a month a birthday's, so only the holder's name is kept, beside a provider's frame that takes the
 * number. With one, the controls of its form that no words name are placed by their shape: a month and a
 * year by placeholder, class or options, a select or radio group of card brands as the card's type.
 */
export function findCardFields(doc: Document): CardScan {
  const scan: DocumentScan = { candidates: {}, hostedFrames: [], others: [], radios: [], order: new Map() };
  scanInto(doc, scan);
  const { candidates, hostedFrames } = scan;
  const numbers = candidates.number ?? [];
  if (numbers.length === 0) {
    const pending = hostedFrames.length === 0 ? pendingMount(doc) : undefined;
    if (pending) hostedFrames.push(pending);
    if (hostedFrames.length === 0) return { candidates: {}, hostedFrames };
    // A field captioned only "Name" in the provider's own <form>, which asks no address, is the holder's. A
    // control's <form> is the one it submits with: its `form` attribute may name one it does not stand in.
    const asksAddress = (form: Element) =>
      firstOf(form.ownerDocument, 'input, select').some((control) => ownForm(control) === form && namesAddress(control));
    const holderForms = new Set<Element | null>(
      hostedFrames.map(({ element }) => element.closest('form')).filter((form) => form !== null && !asksAddress(form)),
    );
    for (const field of scan.others) {
      if (!holderForms.has(ownForm(field))) continue;
      const kind = holderNameInCardForm(field, true);
      if (kind) (candidates[kind] ??= []).push(field);
    }
    const holder = HOLDER_KINDS.filter((kind) => candidates[kind]);
    return { candidates: Object.fromEntries(holder.map((kind) => [kind, candidates[kind]])), hostedFrames };
  }
  for (const field of scan.others) {
    if (!inCardForm(field, numbers)) continue;
    const kind =
      expiryPartInCardForm(field) ??
      (field.localName === 'select'
        ? listsCardBrands(field as HTMLSelectElement)
          ? 'cardType'
          : undefined
        : (holderNameInCardForm(field, inCardSection(field, numbers)) ?? securityCodeInCardForm(field)));
    if (kind) (candidates[kind] ??= []).push(field);
  }
  // Each group is read once, through its first radio in the card form: reading a group reads every radio's caption.
  const looked = new Set<HTMLInputElement>();
  for (const radio of scan.radios) {
    if (looked.has(radio) || !inCardForm(radio, numbers)) continue;
    const [name, form] = [radio.getAttribute('name'), radio.closest('form')];
    for (const other of scan.radios) if (other.getAttribute('name') === name && other.closest('form') === form) looked.add(other);
    if (cardBrandRadios(radio).length > 0) (candidates.cardType ??= []).push(radio);
  }
  splitExpirySelects(candidates);
  pairExpiryFields(candidates, scan.order);
  // Placed fields were added after the named: each kind's candidates go back into reading order.
  for (const fields of Object.values(candidates)) fields?.sort((a, b) => scan.order.get(a)! - scan.order.get(b)!);
  return { candidates, hostedFrames };
}

/** Why a field cannot take the card now, or undefined when it can. */
export type FieldCheck = (field: CardField) => string | undefined;

export interface FieldChoice {
  fields: CardFields;
  /** The kinds no candidate passed the check for, with each candidate's reason. */
  unavailable: { kind: CardFieldKind; reason: string }[];
}

/** An element and its ancestors up to the top document, through the frames it stands in, innermost first. */
function ancestry(element: Element): Element[] {
  const chain: Element[] = [];
  for (const link of withFrames(element)) for (let node: Element | null = link; node; node = parentOf(node)) chain.push(node);
  return chain;
}

/** How many ancestors two chains share, counted from the top: the deeper their closest common wrapper, the more. */
function sharedDepth(a: Element[], b: Element[]): number {
  let depth = 0;
  while (depth < a.length && depth < b.length && a[a.length - 1 - depth] === b[b.length - 1 - depth]) depth++;
  return depth;
}

const FOLLOWS = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** How far two elements' boxes share the same columns of the page, in pixels (nothing without layout). */
function sharedColumns(a: Element, b: Element): number {
  if (typeof a.getBoundingClientRect !== 'function') return 0;
  const [one, other] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
  return Math.max(0, Math.min(one.right, other.right) - Math.max(one.left, other.left));
}

/**
 * The card number whose form `field` belongs to, among a page's several that the shopper sees (Apple's "pay
 * with two cards" shows two in one <form>): one of the same <form> (its `form` attribute counts), and of those the
 * one it shares the closest wrapper with; between equals, the one standing in the same columns (two cards side by
 * side, a table with a column for each), then the last one before it in the page, as a form's fields follow its
 * number, else the first.
 */
function ownerOf(field: Element, numbers: CardField[], chainOf: (element: Element) => Element[]): CardField {
  const form = ownForm(field);
  const sameForm = form === null ? [] : numbers.filter((number) => ownForm(number) === form);
  const chain = chainOf(field);
  let best: { number: CardField; depth: number; columns: number } | undefined;
  for (const number of sameForm.length > 0 ? sameForm : numbers) {
    const depth = sharedDepth(chain, chainOf(number));
    const columns = sharedColumns(field, number);
    const before = number === field || (number.compareDocumentPosition(field) & FOLLOWS) !== 0;
    const better =
      !best || depth > best.depth || (depth === best.depth && (columns > best.columns || (columns === best.columns && before)));
    if (better) best = { number, depth, columns };
  }
  return best!.number;
}

/** `check` asked once for each field: one look at a page asks about the same fields for each of its card forms. */
export function checkedOnce(check: FieldCheck): FieldCheck {
  const seen = new Map<CardField, string | undefined>();
  return (field) => {
    if (!seen.has(field)) seen.set(field, check(field));
    return seen.get(field);
  };
}

/** The card numbers that pass `check`, one for each card form: a split number's later blocks are the first block's. */
export function formNumbers(candidates: CardCandidates, check: FieldCheck): CardField[] {
  const numbers = (candidates.number ?? []).filter((candidate) => !check(candidate));
  const laterBlocks = new Set(numbers.flatMap((number) => numberBlocks(number).slice(1)));
  return numbers.filter((number) => !laterBlocks.has(number));
}

/**
 * For each of `kinds`, in that order, the first candidate that passes `check`, in the card form of `form` (a
 * number of `formNumbers`), or of the first number that passes `check`. A page may hold several card forms,
 * and one fill is one card into one of them: no control comes from another card number's <form>, nor, where
 * the shopper sees several numbers, from closer to another number than to this one. (Some pages put each
 * field in a <form> of its own.)
 */
export function chooseFields(
  candidates: CardCandidates,
  kinds: readonly CardFieldKind[],
  anyCheck: FieldCheck,
  form?: CardField,
): FieldChoice {
  const check = checkedOnce(anyCheck);
  const choice: FieldChoice = { fields: {}, unavailable: [] };
  const numbers = formNumbers(candidates, check);
  const number = form ?? (kinds.includes('number') ? numbers[0] : undefined);
  const numberForms = new Set((candidates.number ?? []).map(ownForm));
  const chosenForm = number && ownForm(number);
  // Each number's ancestry is read once: every candidate is compared with every number.
  const chains = new Map<Element, Element[]>();
  const chainOf = (element: Element) => chains.get(element) ?? chains.set(element, ancestry(element)).get(element)!;
  const elsewhere = (field: CardField) => {
    if (number === undefined) return false;
    const form = ownForm(field);
    if (form !== null && form !== chosenForm && numberForms.has(form)) return true;
    return numbers.length > 1 && ownerOf(field, numbers, chainOf) !== number;
  };
  for (const kind of kinds) {
    const reasons: string[] = [];
    const field = candidates[kind]?.find((candidate) => {
      if (elsewhere(candidate)) {
        reasons.push('in another form');
        return false;
      }
      const reason = check(candidate);
      if (reason) reasons.push(reason);
      return !reason;
    });
    if (field) choice.fields[kind] = field;
    else choice.unavailable.push({ kind, reason: reasons.join('; ') || 'not on the page' });
  }
  return choice;
}
