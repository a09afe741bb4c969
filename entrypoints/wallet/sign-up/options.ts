import { tKey, uiLocale } from '@/components/i18n';
import { countryCode } from '@/lib/account/countries';
import { questionMessageKey, securityQuestionId } from '@/lib/account/security-questions';
import { CURRENCY_EXPONENTS } from '@/lib/money';

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

// The UI language is fixed for the page's life, so each list is built once, on first use.
let countries: readonly Option[] | undefined;
let currencies: readonly Option[] | undefined;

const byLabel = (options: Option[]): Option[] => {
  const collator = new Intl.Collator(uiLocale());
  return options.sort((left, right) => collator.compare(left.label, right.label));
};

/** Every country, named in the UI language and sorted by that name. */
export function countryOptions(): readonly Option[] {
  if (!countries) {
    const names = new Intl.DisplayNames([uiLocale()], { type: 'region' });
    countries = byLabel(countryCode.options.map((code) => ({ value: code, label: names.of(code) ?? code })));
  }
  return countries;
}

/** The wallet currencies by name, with the code to tell apart the dollars. */
export function currencyOptions(): readonly Option[] {
  if (!currencies) {
    const names = new Intl.DisplayNames([uiLocale()], { type: 'currency' });
    currencies = byLabel(Object.keys(CURRENCY_EXPONENTS).map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` })));
  }
  return currencies;
}

/** The question list, with the questions picked in the other slots disabled so each is asked once. */
export const questionOptions = (takenElsewhere: readonly string[]): Option[] =>
  securityQuestionId.options.map((id) => ({ value: id, label: tKey(questionMessageKey(id)), disabled: takenElsewhere.includes(id) }));
