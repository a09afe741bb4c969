import type { MetadataJson } from 'libphonenumber-js/core';

/** The numbering plans a phone number is checked against: libphonenumber's "min" set (`bundled-phone-plans.ts`). */
export type PhonePlans = MetadataJson;
