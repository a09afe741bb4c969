import { chooseFields, type CardFieldKind } from './card-fields';
import { detectCheckout, type CheckoutDetection } from './detect';
import { fillChosen, type CardToFill } from './fill';
import { hostedNote } from './hosted-frames';
import { whyHiddenFromShopper } from './shopper-visible';

const HOST_ATTRIBUTE = 'data-wallet-card-fill';

const STYLES = `:host{all:initial;display:block;margin:6px 0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color-scheme:light dark}
button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:8px;padding:6px 12px;border:1.5px solid #1463ff;border-radius:8px;color:#1463ff;background:Canvas;cursor:pointer}
button:focus-visible{outline:3px solid #1463ff;outline-offset:2px}p{margin:4px 0 0;color:#5b6b7b}p.error{color:#b42318}`;

/** What the content script lends the module: text in the UI language, the wallet, and its click guard. */
export interface CardFillHost {
  t(key: string, substitutions?: string[]): string;
  /** Asks the wallet to open its confirm window for a fill of these fields. */
  requestFill(request: { fields: CardFieldKind[]; total?: { amountMinor: number; currency: string } }): Promise<unknown>;
  /** Checks a click on the offer: the shopper's own, on a button in plain view (see click-guard.ts). */
  guard(host: HTMLElement): { check(event: MouseEvent): string; stop(): void };
}

/** The kinds whose field the shopper sees now: what the wallet window lists, and all a fill may touch. */
function visibleKinds(found: CheckoutDetection): CardFieldKind[] {
  const candidates = found.cardFields ?? {};
  const { fields } = chooseFields(candidates, Object.keys(candidates) as CardFieldKind[], whyHiddenFromShopper);
  return Object.keys(fields) as CardFieldKind[];
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
  let stopGuard: (() => void) | undefined;

  function mount(anchor: Element, build: (root: ShadowRoot) => void) {
    mounted?.remove();
    stopGuard?.();
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
    mount(number, (root) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = host.t('fillOffer');
      const message = document.createElement('p');
      message.setAttribute('role', 'status');
      message.hidden = true;
      root.append(button, message);
      const guard = host.guard(mounted!);
      stopGuard = guard.stop;
      button.addEventListener('click', (event) => {
        if (!event.isTrusted) return;
        const verdict = guard.check(event);
        message.hidden = verdict === 'ok';
        message.className = verdict === 'ok' ? '' : 'error';
        if (verdict !== 'ok') {
          message.textContent = host.t('optionCovered');
          return;
        }
        const fields = visibleKinds(found);
        if (fields.length === 0) {
          message.hidden = false;
          message.className = 'error';
          message.textContent = host.t('fillNothingVisible');
          return;
        }
        const total = found.total && { amountMinor: found.total.amountMinor, currency: found.total.currency };
        host.requestFill({ fields, ...(total ? { total } : {}) }).catch((error: unknown) => {
          message.hidden = false;
          message.className = 'error';
          message.textContent = host.t('fillFailed', [error instanceof Error ? error.message : String(error)]);
        });
      });
    });
  }

  function noteHosted(found: CheckoutDetection) {
    const [frame] = found.hostedFrames;
    if (!frame) return;
    mount(frame.element, (root) => {
      const note = document.createElement('p');
      note.textContent = hostedNote(frame, host.t);
      root.append(note);
    });
  }

  /** Looks at the page again (it may have rendered its checkout since); offers only on a checkout. */
  function scan() {
    if (mounted?.isConnected) return;
    detection = detectCheckout(document);
    if (!detection.isCheckout) return;
    // Beside the card number the shopper sees: a page may hold look-alikes, or a provider's stand-in, before it.
    const { number } = chooseFields(detection.cardFields ?? {}, ['number'], whyHiddenFromShopper).fields;
    if (number) offerFill(detection, number);
    else if (detection.hostedFrames.length > 0) noteHosted(detection);
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
