import type { LetterContent } from './records';

/**
 * Longer mail links fail in common mail programs and systems (Windows passes on at most 2,048
 * characters). Within the records' bounds (an address of at most 254 characters, a subject of at
 * most 120) the subject and the note always fit, so only the body is ever shortened.
 */
export const MAILTO_MAX_LENGTH = 2_000;

const BODY_PARAM = '&body=';

/** RFC 6068: UTF-8, percent-encoded, with every line break as CRLF. */
const encode = (text: string) => encodeURIComponent(text.replace(/\n/g, '\r\n'));

/** The address stays readable: its one `@` needs no encoding, everything else that could end the address is encoded. */
const address = (to: string) => encode(to).replace('%40', '@');

/** The longest start of `text`, by whole code points, whose encoded form takes at most `room` characters. */
function fitting(text: string, room: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = encode(char).length;
    if (used + size > room) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** A cut text ends at the end of a word where it has one. */
const atWordEnd = (text: string) => text.replace(/\s+\S*$/u, '') || text;

export interface MailLink {
  url: string;
  /** False when the body had to be shortened to fit: the link then ends with the note, and the whole letter is copied or saved instead. */
  complete: boolean;
}

/**
 * A `mailto:` link that opens the letter in the shopper's own mail program. A letter too long for
 * a link carries its beginning, up to a word, and then `shortenedNote`, which tells the shopper
 * to paste the whole letter.
 */
export function mailtoUrl(letter: LetterContent, shortenedNote: string): MailLink {
  const head = `mailto:${letter.to ? address(letter.to) : ''}?subject=`;
  const whole = `${head}${encode(letter.subject)}${BODY_PARAM}${encode(letter.body)}`;
  if (whole.length <= MAILTO_MAX_LENGTH) return { url: whole, complete: true };
  const tail = encode(`…\n\n${shortenedNote}`);
  const room = MAILTO_MAX_LENGTH - head.length - BODY_PARAM.length - tail.length;
  const subject = fitting(letter.subject, room);
  const body = atWordEnd(fitting(letter.body, room - encode(subject).length));
  return { url: `${head}${encode(subject)}${BODY_PARAM}${encode(body)}${tail}`, complete: false };
}
