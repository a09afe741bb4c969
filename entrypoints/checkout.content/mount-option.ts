import { formatAmount, t } from '@/components/i18n';
import type { Offer } from '@/lib/protocol/checkout';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { ProtocolError } from '@/lib/protocol/errors';
import optionStyles from './option.css?inline';
import { buildOptionView } from './option-view';

const HOST_ATTRIBUTE = 'data-wallet-checkout-option';

/**
 * Places the Pay with wallet option where the page asked, inside a closed shadow root so the
 * page's scripts can neither read the balance nor restyle or relabel the option.
 */
export function createOptionMount(document: Document, call: RuntimeClient) {
  let host: HTMLElement | undefined;

  function remove() {
    host?.remove();
    host = undefined;
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
    host = document.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    const view = buildOptionView(document, host.attachShadow({ mode: 'closed' }), optionStyles);
    slot.append(host);

    call({ type: 'wallet.balance' }).then(
      (balance) => view.showBalance(t('optionBalance', [formatAmount(balance.available)])),
      () => view.showBalance(t('optionBalanceUnavailable')),
    );

    let opening = false;
    view.button.addEventListener('click', (event) => {
      // Only the shopper's own click counts; a page can dispatch synthetic ones.
      if (!event.isTrusted || opening) return;
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

  return { present, remove };
}
