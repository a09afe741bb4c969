import { browser } from 'wxt/browser';
import { formatAmount, t } from '@/components/i18n';
import { errorText } from '@/components/error-text';
import type { ClickRefusal } from '@/lib/inline/click-check';
import { inlineResults, type InlineView } from '@/lib/inline/messages';
import { createRuntimeClient } from '@/lib/protocol/client';
import { buildInlineView } from './inline-view';
import './inline.css';

const REFUSALS: Record<ClickRefusal, () => string> = {
  covered: () => t('optionCovered'),
  transparent: () => t('optionCovered'),
  unsettled: () => t('optionUnsettled'),
  disabled: () => t('optionDisabled'),
  gone: () => t('optionGone'),
  empty: () => t('fillNothingVisible'),
};

/** The balance against the order's total, as the option's second line says it. */
function payDetail(view: Extract<InlineView, { kind: 'pay' }>): string {
  const { available, total } = view;
  if (!available) return t('optionBalanceUnavailable');
  const balance = t('optionBalance', [formatAmount(available)]);
  if (available.currency !== total.currency) return balance;
  const shortMinor = total.amountMinor - available.amountMinor;
  const cover =
    shortMinor > 0 ? t('optionShort', [formatAmount({ amountMinor: shortMinor, currency: total.currency })]) : t('optionCovers');
  return `${balance} · ${cover}`;
}

const call = createRuntimeClient((message) => browser.runtime.sendMessage(message), inlineResults);
// The token is all the frame is given; what it stands for comes from the background.
const token = location.hash.slice(1);
const kind = new URLSearchParams(location.search).get('kind') === 'fill' ? 'fill' : 'pay';
document.documentElement.lang = browser.i18n.getUILanguage();
const view = buildInlineView(document, kind === 'fill' ? t('fillOffer') : t('optionTitle'));

async function refresh() {
  try {
    const shown = await call({ type: 'inline.view', token });
    view.showDetail(shown.kind === 'pay' ? payDetail(shown) : t('fillOfferDetail'));
  } catch (error) {
    view.showDetail(kind === 'pay' ? t('optionBalanceUnavailable') : errorText(error));
  }
}

let opening = false;
view.button.addEventListener('click', (event) => {
  // Only the shopper's own click counts, and only where the content script agrees they could see it.
  if (!event.isTrusted || opening) return;
  const box = view.button.getBoundingClientRect();
  // A click from the keyboard has no position: the button's centre stands for it.
  const point =
    event.detail === 0
      ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      : { x: Math.max(0, event.clientX), y: Math.max(0, event.clientY) };
  opening = true;
  view.showBusy(true);
  view.showRefusal(undefined);
  call({ type: 'inline.press', token, point })
    .then((outcome) => view.showRefusal(outcome.outcome === 'refused' ? REFUSALS[outcome.verdict]() : undefined))
    .catch((error: unknown) => view.showRefusal(t('optionOpenFailed', [errorText(error)])))
    .finally(() => {
      opening = false;
      view.showBusy(false);
    });
});

// Focus handed to the frame (the confirm window closed) goes on to its button; the balance may have changed meanwhile.
addEventListener('focus', () => {
  view.button.focus();
  void refresh();
});
void refresh();
