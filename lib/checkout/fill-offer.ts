import type { CardFieldKind } from './card-fields';
import { detectCheckout, type CheckoutDetection } from './detect';
import { fillCard, type CardToFill } from './fill';

const HOST_ATTRIBUTE = 'data-wallet-card-fill';

const STYLES = `:host{all:initial;display:block;margin:6px 0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color-scheme:light dark}
p{margin:4px 0 0;color:#5b6b7b}`;

/** A fill the shopper may ask for: the fields found, and the total the page shows. */
export interface FillOffer {
  fields: CardFieldKind[];
  total?: { amountMinor: number; currency: string };
}

/** What the content script lends the module: text in the UI language, and the wallet's own frame. */
export interface CardFillHost {
  t(key: string, substitutions?: string[]): string;
  /**
   * Shows the wallet's Fill from wallet frame right after `anchor`. The frame, not the page, shows
   * everything about the wallet; a click in it opens the confirm window for a fill of these fields.
   */
  offer(anchor: Element, offer: FillOffer): { update(offer: FillOffer): void; remove(): void };
}

/**
 * On a store that does not speak the checkout protocol: where the detectors find card fields, a
 * "Fill from wallet" offer beside the card number; where a payment provider's frame holds them,
 * a plain note that the wallet cannot fill it. The card itself only comes after the shopper
 * confirmed in the wallet's own window.
 */
export function startCardFill(document: Document, host: CardFillHost) {
  let detection: CheckoutDetection | undefined;
  let mounted: HTMLElement | undefined;
  let shown: { anchor: Element; frame: ReturnType<CardFillHost['offer']>; key: string } | undefined;

  function clear() {
    mounted?.remove();
    mounted = undefined;
    shown?.frame.remove();
    shown = undefined;
  }

  function mount(anchor: Element, build: (root: ShadowRoot) => void) {
    clear();
    mounted = document.createElement('div');
    mounted.setAttribute(HOST_ATTRIBUTE, '');
    const root = mounted.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLES;
    root.append(style);
    build(root);
    anchor.after(mounted);
  }

  function offerFill(found: CheckoutDetection, number: Element) {
    const offer: FillOffer = {
      fields: Object.keys(found.cardFields ?? {}) as CardFieldKind[],
      ...(found.total ? { total: { amountMinor: found.total.amountMinor, currency: found.total.currency } } : {}),
    };
    const key = JSON.stringify(offer);
    if (shown?.anchor === number && shown.anchor.isConnected) {
      if (shown.key !== key) shown.frame.update(offer);
      shown.key = key;
      return;
    }
    clear();
    shown = { anchor: number, frame: host.offer(number, offer), key };
  }

  function noteHosted(found: CheckoutDetection) {
    const [frame] = found.hostedFrames;
    if (!frame) return;
    mount(frame.element, (root) => {
      const note = document.createElement('p');
      note.textContent = host.t('fillHostedNote', [frame.provider]);
      root.append(note);
    });
  }

  /** Looks at the page again (it may have rendered its checkout since); offers only on a checkout. */
  function scan() {
    if (mounted?.isConnected) return;
    detection = detectCheckout(document);
    if (!detection.isCheckout) return;
    const number = detection.cardFields?.number;
    if (number) offerFill(detection, number);
    else if (detection.hostedFrames.length > 0) noteHosted(detection);
  }

  scan();
  return {
    scan,
    /** Fills the fields with the card the shopper chose in the wallet; the CVC was typed there. */
    fill(card: CardToFill) {
      const fields = detection?.cardFields;
      if (!fields) return undefined;
      return fillCard(fields, card);
    },
  };
}
