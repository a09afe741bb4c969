import { currenciesOfMark, CURRENCY_MARKS } from '../currency-marks';
import { CURRENCY_EXPONENTS, type CurrencyCode } from '../money';

/** ISO codes and what shops write for them; "RMB" is how many shops write CNY. */
export const CODE_PATTERN = `${Object.keys(CURRENCY_EXPONENTS).join('|')}|RMB`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Currency symbols and words; "$" with up to two letters also covers dollars the wallet does not know ("NZ$"). */
export const SYMBOL_PATTERN = `[A-Z]{0,2}\\$|${CURRENCY_MARKS.filter(([mark]) => !mark.endsWith('$'))
  .map(([mark]) => escape(mark))
  .join('|')}`;

const CODE = new RegExp(`\\b(${CODE_PATTERN})\\b`);
const SYMBOL = new RegExp(SYMBOL_PATTERN);

export interface PageCurrency {
  /** The currency the page declares in its markup, if any. */
  declared?: CurrencyCode;
  lang: string;
}

/** The currency a page declares: schema.org priceCurrency, Open Graph price tags or data attributes. */
export function declaredCurrency(doc: Document): CurrencyCode | undefined {
  for (const element of doc.querySelectorAll(
    '[itemprop=priceCurrency], meta[property$="price:currency"], [data-currency], [data-currency-code]',
  )) {
    const value =
      ['content', 'data-currency', 'data-currency-code'].map((name) => element.getAttribute(name)).find(Boolean) ?? element.textContent;
    const code = value?.trim().toUpperCase() ?? '';
    if (Object.hasOwn(CURRENCY_EXPONENTS, code)) return code as CurrencyCode;
  }
  return undefined;
}

/**
 * The currency written around an amount (`mark` is the text before and after its digits). An ISO code wins
 * over a symbol. "$" alone and "¥" stand for several currencies, so a currency the page declares settles
 * them; failing that "$" is USD, and "¥" is CNY on Chinese pages or with decimals (yen amounts have none),
 * JPY otherwise. With no mark at all, only the page's declared currency is taken.
 */
export function currencyOf(mark: string, hasDecimals: boolean, page: PageCurrency): CurrencyCode | undefined {
  const code = CODE.exec(mark)?.[1];
  if (code) return code === 'RMB' ? 'CNY' : (code as CurrencyCode);
  const symbol = SYMBOL.exec(mark)?.[0];
  if (symbol === undefined) return page.declared;
  if (symbol === '$' && page.declared && ['USD', 'CAD', 'AUD', 'HKD', 'SGD'].includes(page.declared)) return page.declared;
  if (symbol !== '¥' && symbol !== '￥') return currenciesOfMark(symbol)[0];
  if (page.declared === 'CNY' || page.declared === 'JPY') return page.declared;
  return /^zh/i.test(page.lang) || (hasDecimals && !/^ja/i.test(page.lang)) ? 'CNY' : 'JPY';
}
