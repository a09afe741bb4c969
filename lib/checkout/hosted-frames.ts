import { MOUNT_WORDS, PROVIDER_HOSTS } from './providers';

const PROVIDERS = new Map(Object.entries(PROVIDER_HOSTS));

// Names and classes providers' scripts give their card frames and the elements they mount them in.
const MARKS: [RegExp, string][] = [
  [/__privateStripeFrame|\bStripeElement\b/, 'Stripe'],
  [/braintree-hosted-field/, 'Braintree'],
  [/adyen-checkout__/, 'Adyen'],
  [/\bcko-|checkout-frames/, 'Checkout.com'],
  [/mollie-component/, 'Mollie'],
  [/\bsq-card/, 'Square'],
  [/card-fields-(number|iframe)/, 'Shopify'],
];

// The same hosts also serve frames without a card field: Stripe's controller and metrics, wallet buttons, captchas.
const NOT_A_FIELD = /controller|metrics|captcha|button|payment-request|express/i;
const SAYS_CARD = /card ?(number|details|field)|credit card|kartennummer|num[ée]ro de (la )?carte|номер карты|卡号/i;

export interface HostedProvider {
  /** The provider's name when the wallet knows it, otherwise the frame's host (or "unknown"), for reasons and logs. */
  provider: string;
  /** Whether `provider` is a name the wallet knows: a host is the page's to choose, so the shopper is never shown one. */
  known: boolean;
}

/**
 * The provider whose card field `frame` hosts, for a frame the page cannot read: a known provider by name, or
 * any host when the frame's title or name says it takes a card number. Undefined for other frames.
 */
export function hostedProvider(frame: Element): HostedProvider | undefined {
  const src = frame.getAttribute('src') ?? '';
  const named = ['title', 'name', 'id'].map((name) => frame.getAttribute(name) ?? '').join(' ');
  let host = '';
  let path = '';
  try {
    ({ hostname: host, pathname: path } = new URL(src));
  } catch {
    // A relative or empty src is the page's own origin (or not set yet); only the frame's names can tell.
  }
  // The path and names, never the query or fragment: Stripe's card frame names its controller there.
  if (NOT_A_FIELD.test(`${path} ${named}`)) return undefined;
  const name = providerOfHost(host) ?? providerByMarks(frame);
  if (name) return { provider: name, known: true };
  if (!SAYS_CARD.test(named)) return undefined;
  // A frame with no address of its own yet, on a page that loads one provider's script, is that provider's.
  const loaded = host ? undefined : scriptProvider(frame.ownerDocument);
  return loaded ? { provider: loaded, known: true } : { provider: host || 'unknown', known: false };
}

/** The provider a host belongs to, by its last two labels ("js.stripe.com" is Stripe's). */
const providerOfHost = (host: string) => PROVIDERS.get(host.split('.').slice(-2).join('.'));

/** The one payment provider whose script the page loads, if it loads exactly one. */
function scriptProvider(doc: Document): string | undefined {
  const names = new Set<string>();
  for (const script of [...doc.querySelectorAll('script[src]')].slice(0, 100)) {
    try {
      const name = providerOfHost(new URL(script.getAttribute('src') ?? '', doc.baseURI ?? undefined).hostname);
      if (name) names.add(name);
    } catch {
      // Not an address: no provider's.
    }
  }
  return names.size === 1 ? [...names][0] : undefined;
}

const MOUNT = new RegExp(MOUNT_WORDS.join('|'), 'i');
// Beside the mount stand empty elements for the provider's messages and the shop's pictures.
const NOT_A_MOUNT = /error|status|message|result|logo|icon|image|spinner|loader|button|wallet|request/i;
/** Elements looked through for a mount at most: it is an early part of a payment form. */
const MAX_MOUNT_CANDIDATES = 2000;

/**
 * Where a provider's script will put its card frames, on a page that loads one provider's script but shows
 * none of its frames yet (they come once the script has run, or never when it cannot load): the first empty
 * div named for a card, a payment or a drop-in, as providers' guides have shops write it.
 */
export function pendingMount(doc: Document): (HostedProvider & { element: Element }) | undefined {
  const provider = scriptProvider(doc);
  if (!provider || !doc.body) return undefined;
  const element = [...doc.body.querySelectorAll('div[id], div[class]')].slice(0, MAX_MOUNT_CANDIDATES).find((node) => {
    if (node.childElementCount > 0 || node.textContent?.trim()) return false;
    const names = `${node.getAttribute('id') ?? ''} ${node.getAttribute('class') ?? ''}`;
    return MOUNT.test(names) && !NOT_A_MOUNT.test(names);
  });
  return element ? { provider, known: true, element } : undefined;
}

/**
 * The provider whose script made a frame, by the names and classes it gives the frame and its mount, for
 * a frame whose address does not say (not set yet, or about:blank while it loads).
 */
function providerByMarks(frame: Element): string | undefined {
  const marks = [frame, frame.parentElement, frame.parentElement?.parentElement]
    .map((node) => `${node?.getAttribute('name') ?? ''} ${node?.getAttribute('class') ?? ''} ${node?.getAttribute('id') ?? ''}`)
    .join(' ');
  return MARKS.find(([pattern]) => pattern.test(marks))?.[1];
}

/** What the shopper is told about a frame the wallet cannot fill: the provider's name when the wallet knows it. */
export function hostedNote(frame: HostedProvider, t: (key: string, substitutions?: string[]) => string): string {
  return frame.known ? t('fillHostedNote', [frame.provider]) : t('fillHostedNoteUnnamed');
}
