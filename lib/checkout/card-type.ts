import { labelOf, normalise } from './dom';

// Card brands by card-validator's names (the wallet's own), as shops write them in options and radio labels.
// CyberSource's numeric codes ("001" Visa) are common values of card-type selects.
const BRANDS: Record<string, RegExp> = {
  visa: /\bvisa\b|^0?01$|^vi$/,
  mastercard: /master ?card|eurocard|^0?02$|^mc$/,
  'american-express': /american ?express|\bamex\b|^0?03$|^ax$/,
  discover: /discover|novus|^0?04$|^di$|^ds$/,
  'diners-club': /diners|^0?05$|^dc$/,
  jcb: /\bjcb\b|^0?07$/,
  unionpay: /union ?pay|银联|^cup$/,
  maestro: /maestro|^0?42$/,
  mir: /\bmir\b|\bмир\b/,
  elo: /\belo\b/,
  hipercard: /hipercard/,
};

function brandsNamed(text: string): string[] {
  const words = normalise(text);
  return Object.keys(BRANDS).filter((brand) => BRANDS[brand]!.test(words));
}

/** The words of a select's option or of a radio, by which it names a brand. */
function choiceTexts(choice: Element): string[] {
  const value = choice.getAttribute('value') ?? '';
  const text = choice.localName === 'option' ? (choice.textContent ?? '') : labelOf(choice);
  return [text, value, choice.getAttribute('aria-label') ?? ''];
}

/**
 * The brand a choice names, by what the shopper reads: its text, or for a choice without one (a radio with
 * a logo) its value, which may be a code (CyberSource's "001"). A choice whose text names no brand ("01",
 * "January") names none, whatever its value looks like.
 */
function brandOf(choice: Element): string | undefined {
  const [text, value, aria] = choiceTexts(choice);
  for (const words of text!.trim() ? [text!, aria!] : [value!, aria!]) {
    const [brand, other] = brandsNamed(words);
    if (brand && !other) return brand;
  }
  return undefined;
}

/** Whether a select's options are card brands: two or more of them name one, whatever its caption says. */
export function listsCardBrands(select: HTMLSelectElement): boolean {
  // A choice of bank ("Choose bank": Amex, Citi…) names issuers, not the card's brand.
  if (/bank|issuer|банк|銀行|银行/i.test(`${labelOf(select)} ${select.getAttribute('name') ?? ''} ${select.getAttribute('id') ?? ''}`))
    return false;
  const named = new Set([...select.querySelectorAll('option')].slice(0, 40).map(brandOf));
  named.delete(undefined);
  return named.size >= 2;
}

/**
 * The radios of the card-brand choice `radio` belongs to (those of its name in its form that name a brand),
 * when they name two brands or more; otherwise none. Which radio is set is for the fill to say, by the card's brand.
 */
export function cardBrandRadios(radio: HTMLInputElement): HTMLInputElement[] {
  const name = radio.getAttribute('name');
  if (!name) return [];
  const scope = radio.closest('form') ?? radio.ownerDocument;
  const brands = [...scope.querySelectorAll<HTMLInputElement>('input[type=radio]')]
    .filter((other) => other.getAttribute('name') === name)
    .slice(0, 20)
    .filter((other) => brandOf(other));
  // Only the radios that name a brand: a group may also offer PayPal or a gift card.
  return new Set(brands.map(brandOf)).size >= 2 ? brands : [];
}

/**
 * The option or radio among `choices` that names the card's brand, if one does: the plainest where several
 * do ("Visa" over "MileagePlus Visa", a co-branded card of the shop's own).
 */
export function choiceForBrand<E extends Element>(choices: E[], brand: string): E | undefined {
  const named = choices.filter((choice) => !choice.hasAttribute('disabled') && brandOf(choice) === brand);
  const length = (choice: E) => choiceTexts(choice)[0]!.trim().length;
  return named.reduce<E | undefined>((best, choice) => (best === undefined || length(choice) < length(best) ? choice : best), undefined);
}
