// libphonenumber's "min" numbering plans: the wallet page checks a number as the shopper types it, and the
// background's account handlers check it again, in the script the worker runs only when they are asked for.
export { default as bundledPhonePlans } from 'libphonenumber-js/min/metadata';
