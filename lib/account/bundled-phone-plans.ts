// The wallet page checks a number as the shopper types it, so it carries the plans; the background reads
// the same set from the extension's files when a request needs it (`phone-plans.ts`).
export { default as bundledPhonePlans } from 'libphonenumber-js/min/metadata';
