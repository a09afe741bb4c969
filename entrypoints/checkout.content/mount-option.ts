import { t } from '@/components/i18n';
import type { InlineFrame } from '@/lib/inline/mount-frame';
import type { Offer } from '@/lib/protocol/checkout';
import type { ProtocolError } from '@/lib/protocol/errors';
import type { FramesLoader } from './frames-loader';

/** The option's fixed size on the page: the same whatever the balance, the total or the language. */
const OPTION_HEIGHT = 68;
const OPTION_MAX_WIDTH = 900;

/**
 * Places the Pay with wallet option where the page asked: the wallet's own frame, which shows the
 * balance against the total without the page ever seeing either, and opens the confirm window only
 * for a click the shopper could see.
 */
export function createOptionMount(document: Document, frames: FramesLoader) {
  let mounted: InlineFrame | undefined;
  // Offers can come faster than the frames module loads: only the latest one is shown.
  let latest = 0;

  function remove() {
    latest++;
    mounted?.remove();
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
    const offered = latest;
    void frames.load().then(({ mountInlineFrame }) => {
      if (offered !== latest) return;
      mounted = mountInlineFrame(document, frames.host, {
        slot,
        placement: 'append',
        height: OPTION_HEIGHT,
        maxWidth: OPTION_MAX_WIDTH,
        title: t('optionTitle'),
        disabledText: t('optionDisabled'),
        coveredText: t('optionCovered'),
        purpose: { kind: 'pay', requestId, offer },
      });
    });
    return undefined;
  }

  return { present, remove, refocus: () => mounted?.refocus() };
}
