// Bundled into each corpus page by scripts/corpus.mjs: what the wallet would offer there and which control
// it would fill with what, against what the corpus expects.
import { cardFieldKind } from '@/lib/checkout/field-kind';
import { controlsOf, planFill } from '@/lib/checkout/fill-plan';
import { whyHiddenFromShopper } from '@/lib/checkout/shopper-visible';
import { maybeCardForm } from '@/lib/checkout/maybe-card-form';

/** An element by a selector; " >> " steps into a same-origin frame. */
function resolve(selector: string): Element | null {
  const steps = selector.split(' >> ');
  let root: Document | null = document;
  for (const step of steps.slice(0, -1)) root = root?.querySelector<HTMLIFrameElement>(step)?.contentDocument ?? null;
  return root?.querySelector(steps.at(-1)!) ?? null;
}

function describe(element: Element): string {
  const attributes = ['id', 'name', 'autocomplete', 'placeholder']
    .map((name) => element.getAttribute(name) && `${name}="${element.getAttribute(name)}"`)
    .filter(Boolean);
  return `<${element.localName} ${attributes.join(' ')}>`;
}

/** One full detection, as the content script looks at a page: its cheap first look, then the detectors and the layout check. */
function detect(url: string) {
  const started = performance.now();
  const maybe = maybeCardForm(document);
  const plan = maybe ? planFill(document, url) : undefined;
  return { maybe, plan, ms: performance.now() - started };
}

/** The elements the detectors may look through: the page's and those of its same-origin frames. */
function elementCount(doc: Document): number {
  const frames = [...doc.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter((inner) => inner !== null);
  return doc.querySelectorAll('*').length + frames.reduce((sum, inner) => sum + elementCount(inner), 0);
}

/**
 * Times `runs` detections of the page, each in a task of its own as the content script's looks are: what the
 * detectors measure of the layout is kept for one task only, so a second look in the same task would be cheaper.
 */
export async function timeDetections(url: string, runs: number) {
  const ms: number[] = [];
  let maybe = false;
  for (let run = 0; run < runs; run++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const looked = detect(url);
    ms.push(looked.ms);
    maybe = looked.maybe;
  }
  return { elements: elementCount(document), maybe, ms };
}

export function probe(controls: Record<string, string>, url: string) {
  const { maybe, plan, ms } = detect(url);
  const offered = (plan?.forms.length ?? 0) > 0;
  const found = new Map(plan?.forms.flatMap(({ fields }) => controlsOf(fields)));
  const expected = Object.entries(controls).map(([selector, kind]) => {
    const element = resolve(selector);
    const got = element ? found.get(element as HTMLInputElement) : undefined;
    if (element) found.delete(element as HTMLInputElement);
    // Why a control was missed: its own kind by its words, and whether the shopper sees it.
    const why = element && !got ? `words say ${cardFieldKind(element) ?? 'nothing'}, ${whyHiddenFromShopper(element) ?? 'visible'}` : null;
    return { selector, kind, got: got ?? null, missing: !element, why };
  });
  return {
    maybe,
    isCheckout: plan?.detection.isCheckout ?? false,
    reasons: plan?.detection.reasons ?? [],
    offered,
    note: plan?.hosted?.provider ?? null,
    expected,
    extras: [...found].map(([element, kind]) => ({ element: describe(element), kind })),
    ms,
  };
}

export type Probe = typeof probe;
export type Timing = typeof timeDetections;
Object.assign(window, { corpusProbe: probe, corpusTiming: timeDetections });
