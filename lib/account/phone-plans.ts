import { Metadata, type MetadataJson } from 'libphonenumber-js/core';

/** The numbering plans a phone number is checked against: libphonenumber's "min" set. */
export type PhonePlans = MetadataJson;

/**
 * The plans among the extension's own files, for the background: the build writes there the same set the
 * wallet page bundles (`bundled-phone-plans.ts`, `wxt.config.ts`).
 */
export const PHONE_PLANS_FILE = 'phone-plans.json';

/**
 * The plans, loaded by `load` the first time a request needs them and kept. The background does not carry
 * them: every wake of its worker parses all it carries, and only sign-up and a new phone number read them.
 * A failed load fails the request that needed the plans, saying what could not be loaded, so no number is
 * taken unchecked; the next request tries again.
 */
export function lazyPhonePlans(load: () => Promise<unknown>): () => Promise<PhonePlans> {
  let plans: Promise<PhonePlans> | undefined;
  return () =>
    (plans ??= load()
      .then((loaded) => {
        // Throws on anything without the plans' shape; libphonenumber would otherwise fail later, on a number.
        new Metadata(loaded as PhonePlans);
        return loaded as PhonePlans;
      })
      .catch((error: unknown) => {
        plans = undefined;
        throw new Error(`The phone numbering plans (${PHONE_PLANS_FILE}) could not be loaded`, { cause: error });
      }));
}
