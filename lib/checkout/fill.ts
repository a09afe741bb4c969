import type { CardToFill } from '../protocol/card-fill';
import { chooseFields, type CardCandidates, type CardField, type CardFieldKind, type CardFields, type FieldCheck } from './card-fields';
import { cardBrandRadios, choiceForBrand } from './card-type';
import { declaredLength } from './dom';
import { whyUnfillable } from './fillable';
import { numberBlocks } from './number-blocks';

export type { CardToFill } from '../protocol/card-fill';

export interface FillResult {
  filled: CardFieldKind[];
  skipped: { kind: CardFieldKind; reason: string }[];
}

type PageWindow = Window & typeof globalThis;

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
// A year as placeholders write it: "YYYY", German "JJJJ", French "AAAA", Polish "RRRR", Russian "ГГГГ", or sample digits.
const YEAR_TOKEN = 'yyyy|jjjj|aaaa|rrrr|гггг|\\d{4}|yy|jj|aa|rr|гг|\\d\\d';
// Whole words only, in any script: Dutch "Jaar" does not ask for a two-digit year.
const placeholderWord = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
const YEAR_PLACEHOLDER = placeholderWord(YEAR_TOKEN);
const EXPIRY_PLACEHOLDER = placeholderWord(`(?:mm|мм|\\d\\d)(\\s*[/.-]?\\s*)(${YEAR_TOKEN})`);

interface ExpiryFormat {
  separator: string;
  fullYear: boolean;
}
// Tried in this order when the field does not show its own: "MM/YY" is what most card forms ask for.
const EXPIRY_FORMATS: ExpiryFormat[] = [
  { separator: '/', fullYear: false },
  { separator: ' / ', fullYear: false },
  { separator: '/', fullYear: true },
  { separator: '', fullYear: false },
];

const pad = (value: number): string => String(value).padStart(2, '0');
const yearText = (year: number, fullYear: boolean): string => (fullYear ? String(year) : pad(year % 100));

function isSelect(field: CardField): field is HTMLSelectElement {
  return field.localName === 'select';
}

/** The ways a single expiry field may want the date, the one its placeholder shows first. */
function expiryTexts(field: CardField, { expiryMonth, expiryYear }: CardToFill): string[] {
  if (field.getAttribute('type')?.toLowerCase() === 'month') return [`${expiryYear}-${pad(expiryMonth)}`];
  const shown = EXPIRY_PLACEHOLDER.exec(field.getAttribute('placeholder') ?? '');
  const formats = shown ? [{ separator: shown[1] ?? '', fullYear: shown[2]?.length === 4 }, ...EXPIRY_FORMATS] : EXPIRY_FORMATS;
  return formats.map(({ separator, fullYear }) => `${pad(expiryMonth)}${separator}${yearText(expiryYear, fullYear)}`);
}

/** The texts that would fill the field, best first; the first is empty when the card has nothing for it. */
function textsFor(kind: CardFieldKind, field: CardField, card: CardToFill): string[] {
  const holder = card.holderName.trim().replace(/\s+/g, ' ');
  const lastSpace = holder.lastIndexOf(' ');
  switch (kind) {
    // Digits alone: every card form takes them, and one that wants spaces adds its own as it formats.
    case 'number':
      return [card.number?.replace(/\D/g, '') ?? ''];
    case 'expiry':
      return expiryTexts(field, card);
    case 'expiryMonth':
      return [pad(card.expiryMonth), String(card.expiryMonth)];
    case 'expiryYear': {
      // Four digits unless the field shows two: a full year is never misread.
      const texts = [yearText(card.expiryYear, true), yearText(card.expiryYear, false)];
      return YEAR_PLACEHOLDER.exec(field.getAttribute('placeholder') ?? '')?.[0].length === 2 ? texts.reverse() : texts;
    }
    case 'cvc':
      return [card.cvc ?? ''];
    case 'name':
      return [holder];
    case 'givenName':
      return [lastSpace < 0 ? holder : holder.slice(0, lastSpace)];
    case 'familyName':
      return [lastSpace < 0 ? '' : holder.slice(lastSpace + 1)];
    case 'cardType':
      return [card.brand];
  }
}

/** Whether the page would take `text` as typed: within its maxlength and matching its pattern, as the browser reads one. */
function fits(field: HTMLInputElement, text: string): boolean {
  const maxLength = field.getAttribute('maxlength') ?? '';
  if (/^\d+$/.test(maxLength) && text.length > Number(maxLength)) return false;
  const pattern = field.getAttribute('pattern');
  if (pattern === null) return true;
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(text);
  } catch {
    // A pattern the browser cannot compile is ignored by it too.
    return true;
  }
}

function optionMatches(kind: CardFieldKind, texts: string[], label: string, monthName: string | undefined): boolean {
  const trimmed = label.trim();
  if (texts.includes(trimmed)) return true;
  if (kind !== 'expiryMonth' && kind !== 'expiryYear') return false;
  // "1", "01 - January", "Jan", "2030 (30)": any word of the option may name the month or the year.
  return trimmed
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => texts.includes(word) || (monthName !== undefined && word.length >= 3 && monthName.startsWith(word)));
}

function optionIndex(select: HTMLSelectElement, kind: CardFieldKind, texts: string[], card: CardToFill): number {
  const monthName = kind === 'expiryMonth' ? MONTH_NAMES[card.expiryMonth - 1] : undefined;
  return [...select.options].findIndex(
    (option) =>
      !option.hasAttribute('disabled') &&
      // An option without a value attribute has its text as value; linkedom's `option.value` misses that.
      [option.getAttribute('value') ?? '', option.textContent ?? ''].some((label) => optionMatches(kind, texts, label, monthName)),
  );
}

/** Changes the field as typing would: focused, changed, announced by input and change events, blurred (some forms format on blur). */
function change(field: CardField, view: PageWindow, write: () => void): void {
  field.focus({ preventScroll: true });
  write();
  field.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new view.Event('change', { bubbles: true }));
  field.blur();
}

/** Sets the option or radio of a card-type choice that names the card's brand, as a shopper's pick would. */
function chooseBrand(field: CardField, brand: string, view: PageWindow): string | undefined {
  if (isSelect(field)) {
    const options = [...field.options];
    const option = choiceForBrand(options, brand);
    if (!option) return 'no matching option';
    change(field, view, () => {
      field.selectedIndex = options.indexOf(option);
    });
    return undefined;
  }
  const radio = choiceForBrand(cardBrandRadios(field), brand);
  if (!radio) return 'no matching option';
  // A click, as the shopper's: it checks the radio and fires what the page's scripts listen for.
  if (!radio.checked) radio.click();
  return undefined;
}

/** Types the number into its input or, where the form splits it into blocks, each block's share in turn. */
function typeNumber(field: HTMLInputElement, digits: string, view: PageWindow, setValue: (this: HTMLInputElement, value: string) => void) {
  const blocks = numberBlocks(field) as HTMLInputElement[];
  let rest = digits;
  blocks.forEach((block, index) => {
    const length = index === blocks.length - 1 ? rest.length : declaredLength(block);
    const share = rest.slice(0, length);
    rest = rest.slice(length);
    change(block, view, () => setValue.call(block, share));
  });
}

/** Fills one field, or says why not. */
function fillField(kind: CardFieldKind, field: CardField, card: CardToFill): string | undefined {
  // The field's own window: a same-origin frame's field belongs to the frame's, not the page's.
  const view = field.ownerDocument.defaultView;
  if (!view || !field.isConnected) return 'removed from the page';
  // The page may have changed since the detectors found the field.
  const refused = whyUnfillable(field);
  if (refused) return refused;
  const texts = textsFor(kind, field, card);
  if (!texts[0]) return 'no value';
  if (kind === 'cardType') return chooseBrand(field, card.brand, view);
  if (isSelect(field)) {
    const index = optionIndex(field, kind, texts, card);
    if (index < 0) return 'no matching option';
    change(field, view, () => {
      field.selectedIndex = index;
    });
    return undefined;
  }
  // The prototype's setter: a framework's setter on the element itself (React's value tracker) would
  // record the new value, and then see no change when the input event comes.
  const setValue = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  if (!setValue) return 'no value setter';
  if (kind === 'number') {
    typeNumber(field, texts[0], view, setValue);
    return undefined;
  }
  const text = texts.find((candidate) => fits(field, candidate)) ?? texts[0];
  change(field, view, () => setValue.call(field, text));
  return undefined;
}

/**
 * Fills the card fields the detectors found, each in its own document (same-origin frames included), the
 * way the page's scripts notice. Only the kinds in `fields` are touched; a field that has since become
 * hidden, disabled or read-only is left alone and reported.
 */
export function fillCard(fields: CardFields, card: CardToFill): FillResult {
  const result: FillResult = { filled: [], skipped: [] };
  for (const [kind, field] of Object.entries(fields) as [CardFieldKind, CardField | undefined][]) {
    if (!field) continue;
    const reason = fillField(kind, field, card);
    if (reason) result.skipped.push({ kind, reason });
    else result.filled.push(kind);
  }
  return result;
}

/**
 * Fills each kind the shopper confirmed into the first of its candidates that passes `check` now: a
 * look-alike the page hides is passed over for the field the shopper sees, and a kind whose every field
 * has since been hidden is left alone and reported.
 */
export function fillChosen(
  candidates: CardCandidates,
  kinds: readonly CardFieldKind[],
  card: CardToFill,
  check: FieldCheck,
  form?: CardField,
): FillResult {
  const { fields, unavailable } = chooseFields(candidates, kinds, check, form);
  const result = fillCard(fields, card);
  return { filled: result.filled, skipped: [...unavailable, ...result.skipped] };
}
