import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { formatAmount, t, tKey } from '@/components/i18n';
import { errorText } from '@/components/error-text';
import { inlineToken, type ClickRefusal } from '@/lib/inline/click-check';
import { inlineResults, type InlineView } from '@/lib/inline/messages';
import { cardFieldKind } from '@/lib/protocol/card-fill';
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
document.documentElement.lang = browser.i18n.getUILanguage();

/** The option, once the frame knows what it stands for; until then it shows nothing. */
let shown: { token: string; view: ReturnType<typeof buildInlineView> } | undefined;
let opening = false;

/** The kinds the last fill could not set, as the content script tells a fill offer; the shopper's to fill in. */
const leftKinds = z.array(cardFieldKind).check(z.maxLength(cardFieldKind.options.length));
let left: z.infer<typeof leftKinds> = [];

/** What the frame's second line says: the balance for a payment; for a fill, what it does, or what the last fill left to the shopper. */
function detailOf(view: InlineView): string {
  if (view.kind === 'pay') return payDetail(view);
  if (left.length === 0) return t('fillOfferDetail');
  return t('fillLeftDetail', [left.map((kind) => tKey(`fillField_${kind}`)).join(', ')]);
}

async function refresh() {
  if (!shown) return;
  const { token, view } = shown;
  try {
    const current = await call({ type: 'inline.view', token });
    view.showDetail(detailOf(current));
  } catch (error) {
    view.showDetail(errorText(error));
  }
}

function press(token: string, view: ReturnType<typeof buildInlineView>, event: MouseEvent) {
  // Only the shopper's own click counts, and only where the content script agrees they could see it.
  if (!event.isTrusted || opening) return;
  const box = view.button.getBoundingClientRect();
  // A click from the keyboard has no position: the button's centre stands for it.
  const at = Math.round(Date.now() - Math.max(0, performance.now() - event.timeStamp));
  const point =
    event.detail === 0
      ? { x: box.left + box.width / 2, y: box.top + box.height / 2, at }
      : { x: Math.max(0, event.clientX), y: Math.max(0, event.clientY), at };
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
}

/**
 * The content script posts the frame its token once it has registered it. Anything else that posts
 * here is ignored: a token only opens what the background registered for this frame, in this tab.
 */
addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const token = inlineToken.safeParse((event.data as { token?: unknown } | null)?.token);
  if (!token.success) return;
  // The same token again, with what a fill left to the shopper: the offer says it.
  if (shown) {
    const told = leftKinds.safeParse((event.data as { left?: unknown }).left);
    if (shown.token === token.data && told.success) {
      left = told.data;
      void refresh();
    }
    return;
  }
  void call({ type: 'inline.view', token: token.data }).then(
    (current) => {
      if (shown) return;
      // What the frame is, for its own styles and for tests that read it as a debugger would: the page cannot.
      document.body.dataset.kind = current.kind;
      const view = buildInlineView(document, current.kind === 'fill' ? t('fillOffer') : t('optionTitle'));
      shown = { token: token.data, view };
      view.button.addEventListener('click', (click) => press(token.data, view, click));
      view.showDetail(detailOf(current));
    },
    // A token the background does not know for this frame is no token of this frame's.
    () => undefined,
  );
});

// Focus handed to the frame (the confirm window closed) goes on to its button; the balance may have changed meanwhile.
addEventListener('focus', () => {
  shown?.view.button.focus();
  void refresh();
});
