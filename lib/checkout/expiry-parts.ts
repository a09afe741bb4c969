import type { CardField } from './card-fields';
import { BIRTH, expiryPart, fieldHint, NOT_CARD } from './field-kind';
import { normalise } from './dom';

// What a placeholder shows for the month or the year alone: "MM", "ММ", "YY", "YYYY", "JJ", "AAAA", "ГГ"…
const MONTH_PLACEHOLDER = /^\s*(mm|мм|m)\s*$/i;
const YEAR_PLACEHOLDER = /^\s*(yy|yyyy|jj|jjjj|aa|aaaa|гг|гггг|rr|rrrr)\s*$/i;
const MONTH_NAMES =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек|jän|mär|okt|dez|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|ene|abr|ago|dic|gen|mag|giu|lug|set|ott)/i;

/**
 * What an option shows for a month or a year: its text ("January", "01 - Jan", "2030 (30)"), or its value
 * when it shows none. Null for a prompt ("Month", with an empty value).
 */
function optionText(option: HTMLOptionElement): string | null {
  const value = option.getAttribute('value');
  if (value === '') return null;
  return (option.textContent ?? '').trim() || (value ?? '');
}

/** Prompts and the odd choice beside the months or years ("Select", "--", "Other") that a select of them may have. */
const MAX_OTHER_OPTIONS = 2;

/**
 * Month or year, by a select's options: the twelve months, or a run of years none of which is before 2000 (a
 * birth year may be). Every option but a prompt or two must be one: a list of companies numbered 1 to 30 is
 * neither.
 */
export function partByOptions(select: HTMLSelectElement): 'expiryMonth' | 'expiryYear' | undefined {
  const texts = [...select.querySelectorAll('option')]
    .slice(0, 60)
    .map(optionText)
    .filter((text): text is string => Boolean(text));
  const months = new Set<string>();
  const years: number[] = [];
  let other = 0;
  for (const text of texts) {
    const fullYear = /(?<!\d)(19|20)\d\d(?!\d)/.exec(text);
    const twoDigits = /^(\d\d?)(?:\D|$)/.exec(text)?.[1];
    // What follows a leading number ("01 - January"): a month's name, or words that say something else.
    const words = text.replace(/^[\d\s\-–.]+/, '');
    const name = MONTH_NAMES.exec(words)?.[0].toLowerCase();
    const wordy = /\p{L}/u.test(words);
    if (fullYear && !/\p{L}/u.test(text)) years.push(Number(fullYear[0]));
    else if (twoDigits && Number(twoDigits) >= 1 && Number(twoDigits) <= 12 && (!wordy || name)) months.add(String(Number(twoDigits)));
    else if (name) months.add(name);
    else if (twoDigits && !wordy && !fullYear) years.push(2000 + Number(twoDigits));
    else other++;
  }
  if (other > MAX_OTHER_OPTIONS) return undefined;
  if (months.size === 12 && years.length === 0 && texts.length <= 14) return 'expiryMonth';
  // Numbers from 1 on are days or quantities, not years.
  if (years.length >= 3 && months.size === 0 && years.every((year) => year >= 2000) && Math.max(...years) - Math.min(...years) <= 30)
    return 'expiryYear';
  return undefined;
}

/**
 * Whether a control the words did not name is the month or the year of the card's expiry, for a control in
 * the card form (the caller knows): by its placeholder ("MM", "AAAA", "ГГ"), its name, id or class words,
 * or for a select by its options. A date of birth, a gift card or a coupon is never one.
 */
export function expiryPartInCardForm(field: CardField): 'expiryMonth' | 'expiryYear' | undefined {
  const { own, label } = fieldHint(field);
  const classes = normalise(field.getAttribute('class') ?? '');
  if (BIRTH.test(`${own} ${label} ${classes}`) || NOT_CARD.test(`${own} ${label}`)) return undefined;
  const placeholder = field.getAttribute('placeholder') ?? '';
  if (MONTH_PLACEHOLDER.test(placeholder)) return 'expiryMonth';
  if (YEAR_PLACEHOLDER.test(placeholder)) return 'expiryYear';
  // A caption that names something else ("Landmark") outweighs a name or id that only looks like "aa" or "mm".
  const byWords = label && !expiryPart(label) ? undefined : (expiryPart(own) ?? expiryPart(classes) ?? expiryPart(label));
  // A select's words first: its options may be what a script made of them ("[object Object]" twelve times).
  if (field.localName === 'select') return byWords ?? partByOptions(field as HTMLSelectElement);
  return byWords;
}
