import type { CurrencyCode } from '../money';
import { parseMoney } from '../money-parse';
import { CODE_PATTERN, currencyOf, declaredCurrency, SYMBOL_PATTERN, type PageCurrency } from './currency';
import { allTextNodes, collapse, shownTextTest } from './dom';

export interface OrderTotal {
  amountMinor: number;
  currency: CurrencyCode;
  /** The amount as the page wrote it, e.g. "4 990 ₽". */
  text: string;
}

const GRAND =
  /grand|order total|total (due|to pay)|amount due|payment due|к оплате|gesamtsumme|gesamtbetrag|endbetrag|total ttc|montant total|à payer|实付|应付|订单总额|总计/;
const TOTAL = new RegExp(`${GRAND.source}|total|итог|всего|gesamt|summe|montant|合计|合計|总额`);
// Part sums, pre-tax sums and the tax or shipping lines themselves are not what the shopper pays.
const NOT_TOTAL =
  /sub|zwischen|sous|подыт|промежут|小计|excl|ohne|netto|hors|\bht\b|без ндс|saving|discount|rabatt|скидк|remise|优惠|折扣|^(total )?(tax|vat|mwst|tva|ндс|税|shipping|versand|livraison|доставк|运费)/;
const AMOUNT = new RegExp(
  `((?:(?:${CODE_PATTERN})\\s?)?(?:${SYMBOL_PATTERN})|${CODE_PATTERN})?\\s?` +
    `(\\d{1,3}(?:[ '’.,]\\d{3})*(?:[.,]\\d{1,2})?(?!\\d)|\\d+(?:[.,]\\d{1,2})?)\\s?(${SYMBOL_PATTERN}|${CODE_PATTERN})?`,
  'g',
);
/** How far past a label to look for its amount: a table cell or two. */
const REACH = 60;

function pageLocale(doc: Document): string {
  try {
    return Intl.getCanonicalLocales(doc.documentElement.getAttribute('lang')?.replace(/_/g, '-') ?? '')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The first amount in `text` after a total's label; `own` is the part of `text` in the label's own text node. */
function amountAfter(text: string, own: number, page: PageCurrency, locale: string): OrderTotal | undefined {
  for (const match of text.matchAll(AMOUNT)) {
    // Words between the label's cell and the amount mean the amount is another line's ("Cart totals" above "Subtotal $45").
    if (match.index > own && /\p{L}{5,}/u.test(text.slice(own, match.index))) return undefined;
    const [, before = '', digits = '', after = ''] = match;
    const hasDecimals = /[.,]\d{1,2}$/.test(digits);
    // A bare count ("Всего товаров: 3") is no amount; a bare "45.00" is, in the currency the page declares.
    if (!before && !after && !hasDecimals) continue;
    const currency = currencyOf(`${before} ${after}`, hasDecimals, page);
    const parsed = currency && parseMoney(digits, currency, locale);
    if (parsed && parsed.ok) return { ...parsed.value, text: match[0].trim() };
  }
  return undefined;
}

/** The order total on the page: the grand total when it is labelled as one, else the last plain total. */
export function findTotal(doc: Document): OrderTotal | undefined {
  // At document_start there may be no body yet.
  if (!doc.body) return undefined;
  const page: PageCurrency = { declared: declaredCurrency(doc), lang: doc.documentElement.getAttribute('lang') ?? '' };
  const locale = pageLocale(doc);
  // Whether a node is shown is asked only of labels and the text after them: most of a big page's text is neither.
  const nodes = allTextNodes(doc.body);
  const shown = shownTextTest();
  let best: { rank: number; total: OrderTotal } | undefined;
  nodes.forEach((node, index) => {
    const trimmed = node.data.trim();
    // Most of a page's text nodes are the whitespace between its tags.
    if (trimmed.length === 0 || trimmed.length > 40) return;
    const text = node.data.toLowerCase();
    const label = TOTAL.exec(text);
    if (!label || NOT_TOTAL.test(trimmed.toLowerCase()) || !shown(node)) return;
    const own = node.data.slice(label.index + label[0].length);
    let reach = own;
    for (let next = index + 1; next < nodes.length && collapse(reach).length < REACH; next++)
      if (shown(nodes[next]!)) reach += nodes[next]!.data;
    const total = amountAfter(collapse(reach), collapse(own).length, page, locale);
    const rank = GRAND.test(text) ? 2 : 1;
    if (total && rank >= (best?.rank ?? 0)) best = { rank, total };
  });
  return best?.total;
}
