import { Metadata, type MetadataJson } from 'libphonenumber-js/core';
import { lazyOwnFile } from '../own-files';

/** The numbering plans a phone number is checked against: libphonenumber's "min" set. */
export type PhonePlans = MetadataJson;

/**
 * The plans among the extension's own files, for the background: the build writes there the same set the
 * wallet page bundles (`bundled-phone-plans.ts`, `wxt.config.ts`).
 */
export const PHONE_PLANS_FILE = 'phone-plans.json';

/** The plans, read by `load` the first time a request needs them: only sign-up and a new phone number do. */
export function lazyPhonePlans(load: () => Promise<unknown>): () => Promise<PhonePlans> {
  return lazyOwnFile('phone numbering plans', PHONE_PLANS_FILE, load, (loaded) => {
    // Throws on anything without the plans' shape; libphonenumber would otherwise fail later, on a number.
    new Metadata(loaded as PhonePlans);
    return loaded as PhonePlans;
  });
}
