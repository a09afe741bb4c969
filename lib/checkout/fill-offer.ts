import type { CardFieldKind, CardFields } from './card-fields';
import type { CheckoutDetection } from './detect';
import { fillChosen, type CardToFill } from './fill';
import { planFill, visibleFields } from './fill-plan';
import { hostedNote, type HostedProvider } from './hosted-frames';
import { withFrames } from './fillable';
import { whyHiddenFromShopper } from './shopper-visible';

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
   * everything about the wallet; a click in it opens the confirm window for the fill `now` gives at
   * that moment (the fields the shopper sees then), or for none if it gives nothing.
   */
  offer(anchor: Element, offer: FillOffer, now: () => FillOffer | undefined): { update(offer: FillOffer): void; remove(): void };
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

  function clearOffer() {
    shown?.frame.remove();
    shown = undefined;
  }

  function mount(anchor: Element, build: (root: ShadowRoot) => void) {
    mounted?.remove();
    mounted = document.createElement('div');
    mounted.setAttribute(HOST_ATTRIBUTE, '');
    const root = mounted.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLES;
    root.append(style);
    build(root);
    anchor.after(mounted);
  }

  /** The fill of the fields the shopper sees: their kinds, and the total the page shows. */
  function offerOf(visible: CardFields): FillOffer | undefined {
    const fields = Object.keys(visible) as CardFieldKind[];
    if (!detection || fields.length === 0) return undefined;
    const { total } = detection;
    return { fields, ...(total ? { total: { amountMinor: total.amountMinor, currency: total.currency } } : {}) };
  }

  /** The fill the shopper would ask for now, at a click: the fields they see may have changed since the offer. */
  const fillNow = () => detection && offerOf(visibleFields(detection));

  function offerFill(number: Element, visible: CardFields) {
    const offer = offerOf(visible);
    if (!offer) return;
    const key = JSON.stringify(offer);
    if (shown?.anchor === number && shown.anchor.isConnected) {
      if (shown.key !== key) shown.frame.update(offer);
      shown.key = key;
      return;
    }
    clearOffer();
    // A card form in a frame of the page's own origin gets the offer after that frame, in the page's document,
    // where the wallet's frame is guarded against being covered or moved like any other.
    shown = { anchor: number, frame: host.offer(withFrames(number).at(-1)!, offer, fillNow), key };
  }

  function noteHosted(frame: HostedProvider & { element: Element }) {
    mount(frame.element, (root) => {
      const note = document.createElement('p');
      note.textContent = hostedNote(frame, host.t);
      root.append(note);
    });
  }

  /** Looks at the page again (it may have rendered its checkout since); offers only on a checkout. */
  function scan() {
    const plan = planFill(document);
    detection = plan.detection;
    // The note stays where it was put: the provider's frame does not go while the shopper pays.
    if (plan.hosted && !mounted?.isConnected) noteHosted(plan.hosted);
    // Beside the card number the shopper sees: a page may hold look-alikes, or a provider's stand-in, before it.
    if (plan.anchor) offerFill(plan.anchor, plan.fields);
  }

  scan();
  return {
    scan,
    /**
     * Fills the kinds the wallet window listed with the card the shopper chose there (the CVC was typed
     * there), each into the field of its kind the shopper sees now.
     */
    fill(card: CardToFill, kinds: readonly CardFieldKind[]) {
      const candidates = detection?.cardFields;
      if (!candidates) return undefined;
      return fillChosen(candidates, kinds, card, whyHiddenFromShopper);
    },
  };
}
