import { formatAmount, t } from '@/components/i18n';
import type { Offer } from '@/lib/protocol/checkout';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { ProtocolError } from '@/lib/protocol/errors';
import { createClickGuard, type ClickVerdict } from './click-guard';
import optionStyles from './option.css?inline';
import { buildOptionView } from './option-view';

const HOST_ATTRIBUTE = 'data-wallet-checkout-option';

const refusals: Record<Exclude<ClickVerdict, 'ok'>, () => string> = {
  covered: () => t('optionCovered'),
  transparent: () => t('optionCovered'),
  unsettled: () => t('optionUnsettled'),
  disabled: () => t('optionDisabled'),
};

/**
 * Places the Pay with wallet option where the page asked. It lives in a closed shadow root, so
 * the page's scripts can neither read the balance nor restyle or relabel it, and it is drawn in
 * the top layer over a placeholder that keeps its place in the page's list, so nothing the page
 * draws can sit on top of it.
 */
export function createOptionMount(document: Document, call: RuntimeClient) {
  let mounted: { host: HTMLElement; placeholder: HTMLElement; button: HTMLButtonElement; stop: () => void } | undefined;
  // Re-shows are counted across offers: a page cannot reset the count by offering again.
  let guard: ReturnType<typeof createClickGuard> | undefined;

  function remove() {
    mounted?.stop();
    mounted?.host.remove();
    mounted?.placeholder.remove();
    mounted = undefined;
  }

  function present(offer: Offer, requestId: string): ProtocolError | undefined {
    let slot: Element | null;
    try {
      slot = document.querySelector(offer.mount);
    } catch {
      return { code: 'INVALID_REQUEST', message: `mount is not a valid CSS selector: ${offer.mount}` };
    }
    if (!slot) return { code: 'NOT_FOUND', message: `No element matches the mount selector ${offer.mount}` };
    remove();
    const placeholder = document.createElement('div');
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.popover = 'manual';
    const view = buildOptionView(document, host.attachShadow({ mode: 'closed' }), optionStyles);
    slot.append(placeholder, host);
    guard?.stop();
    const clicks = (guard = createClickGuard(host));

    let frame = 0;
    let layout = '';
    const place = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const box = placeholder.getBoundingClientRect();
        host.style.cssText = `position:fixed;inset:auto;margin:0;padding:0;border:0;background:none;overflow:visible;left:${box.left}px;top:${box.top}px;width:${box.width}px`;
        placeholder.style.height = `${host.getBoundingClientRect().height}px`;
        // Scrolling carries the option with the page; only a change of its place in the page makes clicks wait.
        const where = `${box.left + scrollX},${box.top + scrollY},${box.width}`;
        if (where !== layout) clicks.moved();
        layout = where;
      });
    };
    const show = () => {
      if (!host.isConnected) slot.append(placeholder, host);
      if (!host.matches(':popover-open')) host.showPopover();
      place();
    };
    // The page closed or removed the option: it comes back, unless the page keeps doing it.
    const onToggle = (event: Event) => {
      if ((event as ToggleEvent).newState !== 'closed' || mounted?.host !== host) return;
      if (clicks.reshown()) view.showError(t('optionDisabled'));
      queueMicrotask(show);
    };
    const watcher = new MutationObserver(() => {
      if (host.isConnected || mounted?.host !== host) return;
      if (clicks.reshown()) view.showError(t('optionDisabled'));
      show();
    });
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    const resized = new ResizeObserver(place);
    resized.observe(placeholder);
    resized.observe(host);
    host.addEventListener('toggle', onToggle);
    addEventListener('scroll', place, { capture: true, passive: true });
    addEventListener('resize', place, { passive: true });
    mounted = {
      host,
      placeholder,
      button: view.button,
      stop: () => {
        watcher.disconnect();
        resized.disconnect();
        removeEventListener('scroll', place, { capture: true });
        removeEventListener('resize', place);
        cancelAnimationFrame(frame);
      },
    };
    show();

    call({ type: 'wallet.balance' }).then(
      ({ available }) => {
        const shortMinor = available.currency === offer.currency ? offer.amountMinor - available.amountMinor : 0;
        const cover =
          available.currency !== offer.currency
            ? ''
            : shortMinor > 0
              ? t('optionShort', [formatAmount({ amountMinor: shortMinor, currency: offer.currency })])
              : t('optionCovers');
        view.showBalance([t('optionBalance', [formatAmount(available)]), cover].filter(Boolean).join(' · '));
      },
      () => view.showBalance(t('optionBalanceUnavailable')),
    );

    let opening = false;
    view.button.addEventListener('click', (event) => {
      // Only the shopper's own click counts; a page can dispatch synthetic ones.
      if (!event.isTrusted || opening) return;
      const verdict = clicks.check(event);
      if (verdict !== 'ok') {
        view.showError(refusals[verdict]());
        return;
      }
      opening = true;
      view.showBusy(true);
      view.showError(undefined);
      call({ type: 'approval.open', requestId, offer })
        .catch((error: unknown) => view.showError(t('optionOpenFailed', [error instanceof Error ? error.message : String(error)])))
        .finally(() => {
          opening = false;
          view.showBusy(false);
        });
    });
    return undefined;
  }

  /** The confirm window closed: the keyboard carries on from the option that opened it. */
  function refocus() {
    mounted?.button.focus({ preventScroll: true });
  }

  return { present, remove, refocus };
}
