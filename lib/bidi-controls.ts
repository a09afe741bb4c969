/**
 * Unicode's Bidi_Control characters: the marks U+061C, U+200E and U+200F, the embeddings and
 * overrides U+202A–U+202E, and the isolates U+2066–U+2069.
 */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

/**
 * Text a page supplied, without the characters that reorder what is drawn around them. A right-to-left
 * override in a shop's name would otherwise reverse the wallet's own words that follow it, and an
 * unclosed embedding carries on past the end of the name; the wallet shows such text isolated as
 * well, so the letters' own direction stays inside it.
 */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');
