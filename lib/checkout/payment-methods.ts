import { captionOf, firstOf, isHidden, labelOf, normalise, textOf } from './dom';

const METHOD =
  /card|credit|debit|visa|mastercard|paypal|apple pay|google pay|klarna|bank|transfer|wire|cash|cheque|\bcheck\b|money order|invoice|sepa|ideal|sofort|alipay|wechat|оплат|карт|наличн|сбп|перевод|kredit|karte|lastschrift|überweisung|rechnung|nachnahme|vorkasse|carte|virement|paiement|espèces|chèque|支付|付款|银行|信用卡|微信/;
const PAYMENT_NAME = /pay|zahl|paiement|оплат|支付|支払/;

function optionText(option: Element): string {
  // A role=radio element's label may be inside it or a <label for> beside it (Radix); a native radio's is never inside.
  const own =
    option.localName === 'input' ? `${labelOf(option)} ${option.getAttribute('value') ?? ''}` : `${textOf(option)} ${captionOf(option)}`;
  return normalise(`${own} ${option.getAttribute('aria-label') ?? ''}`);
}

/** What a group is called: the radios' name, or the radiogroup's label. */
function groupName(key: string | Element | null): string {
  return typeof key === 'string' || key === null ? (key ?? '') : `${captionOf(key)} ${key.getAttribute('aria-label') ?? ''}`;
}

/** The element holding a choice: the radiogroup, or the list or fieldset around one lone radio, or what holds them all. */
function containerOf(options: Element[]): Element | null {
  const [first] = options;
  const group = first?.closest('[role=radiogroup]');
  if (group || !first) return group ?? null;
  if (options.length === 1) return first.closest('ul, ol, fieldset') ?? first.parentElement;
  let node = first.parentElement;
  while (node && !options.every((option) => node?.contains(option))) node = node.parentElement;
  return node;
}

/**
 * The group of radios (native, or role=radio inside a role=radiogroup) that chooses how to pay: the one whose
 * options name the most payment methods (by label or value), counting a group named like "payment_method" or
 * labelled "Payment method" as two more. Shipping and size choices name none and are left out. Returns the element an option can be added beside.
 */
export function findPaymentGroup(doc: Document): Element | undefined {
  const groups = new Map<string | Element | null, Element[]>();
  for (const option of firstOf(doc, 'input[type=radio], [role=radiogroup] [role=radio]')) {
    const key = option.getAttribute('name') ?? option.closest('[role=radiogroup]');
    groups.set(key, [...(groups.get(key) ?? []), option]);
  }
  let best: { score: number; container: Element } | undefined;
  for (const [key, options] of groups) {
    const named = PAYMENT_NAME.test(groupName(key).toLowerCase()) ? 2 : 0;
    const score = options.filter((option) => METHOD.test(optionText(option))).length + named;
    const container = containerOf(options);
    if (score > 0 && container && !isHidden(container) && score > (best?.score ?? 0)) best = { score, container };
  }
  return best?.container;
}
