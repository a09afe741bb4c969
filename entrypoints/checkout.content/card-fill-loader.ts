import { t } from '@/components/i18n';
import type { CardFieldKind } from '@/lib/checkout/card-fields';
import type { CardFillHost } from '@/lib/checkout/fill-offer';
import type { CardToFill } from '@/lib/checkout/fill';
import { CARD_FILL_MODULE } from '@/lib/checkout/matches';
import { allShadowRoots } from '@/lib/checkout/composed-tree';
import { maybeCardForm } from '@/lib/checkout/maybe-card-form';
import type { FramesLoader } from './frames-loader';
import { importOwnModule } from './own-module';

const QUIET_MS = 1_000;
const MAX_QUIET_WAIT_MS = 3_000;
/** How long the watcher stops listening after each change it hears. */
const DEAF_MS = 250;
const WALLET_HOSTS = '[data-wallet-frame], [data-wallet-card-fill]';
// A card form may be revealed by a style or class change alone (an accordion opening), not only by new elements.
const LISTEN: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'open', 'aria-hidden'],
};

/** The fill offer's fixed size on the page. */
const OFFER_HEIGHT = 60;
const OFFER_MAX_WIDTH = 380;

type CardFillModule = typeof import('@/lib/checkout/fill-offer');

/**
 * Watches a store's page for a card form, then loads the card-fill module (the detectors and the
 * offer) from the extension: the checkout content script stays small on the many pages that have none.
 */
export function watchForCardForms(document: Document, frames: FramesLoader) {
  let fill: ReturnType<CardFillModule['startCardFill']> | undefined;
  let framesModule: Awaited<ReturnType<FramesLoader['load']>> | undefined;
  let loading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const host: CardFillHost = {
    t: (key, substitutions) => t(key as Parameters<typeof t>[0], substitutions),
    shadowRootOf: frames.host.shadowRootOf,
    offer(anchor, offer, now, form) {
      const frame = framesModule!.mountInlineFrame(document, frames.host, {
        slot: anchor,
        placement: 'after',
        height: OFFER_HEIGHT,
        maxWidth: OFFER_MAX_WIDTH,
        title: t('fillOffer'),
        disabledText: t('optionDisabled'),
        coveredText: t('optionCovered'),
        purpose: { kind: 'fill', ...offer },
        keepWithin: form,
        yieldsToPage: true,
        // A form the offer was drawn over was judged covered by it: once the offer yields, it is seen as it is.
        onYield: () => setTimeout(look, 0),
        current: () => {
          const fill = now();
          return fill && { kind: 'fill', ...fill };
        },
      });
      return {
        token: frame.token,
        follows: frame.follows,
        update: (next) => void frame.update({ kind: 'fill', ...next }),
        tell: frame.tell,
        remove: frame.remove,
      };
    },
  };

  async function load() {
    loading = true;
    const [module, inline] = await Promise.all([importOwnModule<CardFillModule>(CARD_FILL_MODULE), frames.load()]);
    framesModule = inline;
    frames.warm();
    fill = module.startCardFill(document, host);
  }

  // A web component's shadow root changes unheard by the document's observer: each one found is listened to as well.
  let roots: ShadowRoot[] = [];
  function look() {
    if (fill) fill.scan();
    else if (!loading && maybeCardForm(document)) void load();
    const found = allShadowRoots(document).filter((root) => !roots.includes(root));
    roots = [...roots.filter((root) => root.host.isConnected), ...found];
    for (const root of found) observer.observe(root, LISTEN);
  }

  // Checkouts render late and in steps; a quiet second after the last change is when to look again, and a
  // page that never goes quiet (an animation, a ticker) is looked at every few seconds all the same. Every
  // change heard costs the page (the browser makes a record of it and hands it over), and a page that changes
  // once is as far from quiet as one that changes a thousand times: after a change the watcher stops listening
  // for a moment, then listens for a quiet second. A change it did not hear came before that second, so the
  // look still comes a quiet second after the last change, at most DEAF_MS later than if it had heard them all.
  let firstChange: number | undefined;
  const lookNow = () => {
    firstChange = undefined;
    look();
  };
  const observer = new MutationObserver((records) => {
    // The wallet's own hosts change as their guard restores them: that is no change of the page's.
    if (records.every((record) => record.target instanceof Element && record.target.closest(WALLET_HOSTS))) return;
    const now = Date.now();
    firstChange ??= now;
    const overdue = now - firstChange > MAX_QUIET_WAIT_MS;
    observer.disconnect();
    clearTimeout(timer);
    timer = setTimeout(() => {
      listen();
      if (overdue) lookNow();
      else timer = setTimeout(lookNow, QUIET_MS);
    }, DEAF_MS);
  });
  const listen = () => {
    for (const tree of [document.documentElement, ...roots]) observer.observe(tree, LISTEN);
  };
  // A frame of the page's own origin that loads its document changes nothing the watcher hears.
  const onFrameLoad = (event: Event) => {
    if (event.target instanceof HTMLIFrameElement) look();
  };
  const start = () => {
    look();
    listen();
    document.addEventListener('load', onFrameLoad, true);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  return {
    fill: (card: CardToFill, kinds: readonly CardFieldKind[], token: string) => fill?.fill(card, kinds, token),
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('load', onFrameLoad, true);
    },
  };
}
