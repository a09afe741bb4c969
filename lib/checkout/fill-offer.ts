import type { CardField, CardFieldKind, CardFields } from './card-fields';
import type { CheckoutDetection } from './detect';
import { fillChosen, type CardToFill } from './fill';
import { planFill, visibleFields, type CardForm } from './fill-plan';
import { openShadowRootsWith, type ShadowRootOpener } from './composed-tree';
import { hostedNote, type HostedProvider } from './hosted-frames';
import { withFrames } from './fillable';
import { numberBlocks } from './number-blocks';
import { offerSlot } from './offer-slot';
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
  /** Opens the page's shadow roots, closed ones too: card forms that web components draw are read there. */
  shadowRootOf: ShadowRootOpener;
  /**
   * Shows the wallet's Fill from wallet frame right after `anchor`. The frame, not the page, shows
   * everything about the wallet; a click in it opens the confirm window for the fill `now` gives at
   * that moment (the fields the shopper sees then), or for none if it gives nothing.
   */
  offer(
    anchor: Element,
    offer: FillOffer,
    now: () => FillOffer | undefined,
    /** The card form's controls, as the page's document holds them: the frame keeps to their span. */
    form: () => readonly Element[],
  ): {
    token: string;
    /** Whether the offer still stands right after `element` in the page. */
    follows(element: Element): boolean;
    update(offer: FillOffer): void;
    /** Has the offer say which kinds the last fill could not set, for the shopper to fill in themselves. */
    tell(left: CardFieldKind[]): void;
    remove(): void;
  };
}

/** An offer on the page: its frame, and the fill it stands for (as a key). */
interface ShownOffer {
  frame: ReturnType<CardFillHost['offer']>;
  key: string;
  /** The card form's controls as last found. */
  controls: Element[];
}

/** What of a card form the page's own document holds: its controls, or the frames of the page's they are in. */
const controlsOf = (anchor: CardField, fields: CardFields): Element[] =>
  [...numberBlocks(anchor), ...Object.values(fields)].map((field) => withFrames(field).at(-1)!);

/**
 * On a store that does not speak the checkout protocol: where the detectors find card fields, a
 * "Fill from wallet" offer beside each card form's number; where a payment provider's frame holds them,
 * a plain note that the wallet cannot fill it. The card itself only comes after the shopper
 * confirmed in the wallet's own window.
 */
export function startCardFill(document: Document, host: CardFillHost) {
  let detection: CheckoutDetection | undefined;
  let mounted: HTMLElement | undefined;
  /** The offers shown, one for each card form, by the form's anchor. */
  let shown = new Map<CardField, ShownOffer>();
  /** Which offer (by its place among the page's) each offer's frame was, for a fill that comes after the page re-rendered its form. */
  const formIndex = new Map<string, number>();
  openShadowRootsWith(host.shadowRootOf);

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

  function showOffers(forms: CardForm[]) {
    const next = new Map<CardField, ShownOffer>();
    for (const { anchor, fields } of forms) {
      const offer = offerOf(fields);
      if (!offer) continue;
      const key = JSON.stringify(offer);
      const controls = controlsOf(anchor, fields);
      const current = shown.get(anchor);
      // After the number's own block (the last block of a split number), not between the blocks; a card form in a
      // frame of the page's own origin gets the offer after that frame, in the page's document, where the wallet's
      // frame is guarded against being covered or moved like any other.
      const blocks = numberBlocks(anchor).map((block) => withFrames(block).at(-1)!);
      const slot = offerSlot(blocks.at(-1)!, blocks);
      // A form the page moved elsewhere (its wrapper appended to another column) leaves an offer behind: it is shown anew.
      if (current && anchor.isConnected && current.frame.follows(slot)) {
        if (current.key !== key) current.frame.update(offer);
        shown.delete(anchor);
        current.key = key;
        current.controls = controls;
        next.set(anchor, current);
      } else {
        // The fill the shopper would ask for at a click: the fields they see in this form may have changed since.
        const now = () => detection && offerOf(visibleFields(detection, anchor.isConnected ? anchor : undefined));
        const form = { controls };
        const frame = host.offer(slot, offer, now, () => form.controls);
        next.set(anchor, Object.assign(form, { frame, key }));
      }
      formIndex.set(next.get(anchor)!.frame.token, next.size - 1);
    }
    for (const { frame } of shown.values()) frame.remove();
    shown = next;
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
    // Beside each card number the shopper sees: a page may hold look-alikes, or a provider's stand-in, before it. A
    // look that finds none keeps what is shown: a page hides its fields for a moment as it re-renders them, and an
    // offer clicked meanwhile says there is nothing to fill.
    if (plan.forms.length > 0) showOffers(plan.forms);
  }

  /** The offer with `token` and its card form's anchor, or those that stand in its place once the page re-rendered the form. */
  function offerFor(token: string): [CardField, ShownOffer] | undefined {
    for (const [anchor, offer] of shown) if (offer.frame.token === token && anchor.isConnected) return [anchor, offer];
    const index = formIndex.get(token);
    return index === undefined ? undefined : [...shown][index];
  }

  scan();
  return {
    scan,
    /**
     * Fills the kinds the wallet window listed with the card the shopper chose there (the CVC was typed
     * there), each into the field of its kind the shopper sees now, in the card form whose offer (`token`)
     * the shopper clicked.
     */
    fill(card: CardToFill, kinds: readonly CardFieldKind[], token: string) {
      const candidates = detection?.cardFields;
      if (!candidates) return undefined;
      const [anchor, offer] = offerFor(token) ?? [];
      const result = fillChosen(candidates, kinds, card, whyHiddenFromShopper, anchor);
      // The offer says what the shopper must still fill themselves, and nothing more after a fill that set everything.
      offer?.frame.tell([...new Set(result.skipped.map(({ kind }) => kind))]);
      return result;
    },
  };
}
