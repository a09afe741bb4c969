import { withoutBidiControls } from '../bidi-controls';

/**
 * Text as a letter may carry it. A lone surrogate (from a broken paste) becomes U+FFFD, since
 * encodeURIComponent throws on one; control characters, which no mail header or body line should
 * hold, are dropped or turned into spaces.
 */

/**
 * Anything on one line: line breaks, tabs and other control characters become single spaces. A
 * plain-text letter cannot isolate a line's direction, so bidi controls (a shop's name may carry an
 * override) are dropped: an order number must read the same in the letter as in the wallet.
 */
export const oneLine = (text: string): string =>
  withoutBidiControls(text.toWellFormed())
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();

/** Paragraphs as typed, with one kind of line break and no control character but the line break and tab. */
export const paragraphs = (text: string): string =>
  text
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .trim();

/** At most `max` UTF-16 units, ending in "…" when cut, never inside a surrogate pair. */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
