import type { CurrencyCode } from './money';

/**
 * The symbols and words people write for a currency, longest first so "HK$" is read before "$". `$` and
 * `¥` stand for several currencies: the first one listed is the reading when nothing else tells.
 */
export const CURRENCY_MARKS: readonly [mark: string, currencies: readonly CurrencyCode[]][] = [
  ['руб.', ['RUB']],
  ['HK$', ['HKD']],
  ['AU$', ['AUD']],
  ['CA$', ['CAD']],
  ['US$', ['USD']],
  ['руб', ['RUB']],
  ['Fr.', ['CHF']],
  ['S$', ['SGD']],
  ['A$', ['AUD']],
  ['C$', ['CAD']],
  ['R$', ['BRL']],
  ['р.', ['RUB']],
  ['$', ['USD', 'HKD', 'SGD', 'AUD', 'CAD']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['¥', ['CNY', 'JPY']],
  ['￥', ['CNY', 'JPY']],
  ['元', ['CNY']],
  ['円', ['JPY']],
  ['₽', ['RUB']],
  ['₩', ['KRW']],
  ['원', ['KRW']],
  ['฿', ['THB']],
];

/** The currencies a mark may stand for, first the one it stands for when nothing else tells; none for a mark no one uses. */
export function currenciesOfMark(mark: string): readonly CurrencyCode[] {
  return CURRENCY_MARKS.find(([known]) => known === mark)?.[1] ?? [];
}
