import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeLetter, letterFileName, letterText, MAX_FACTS, type LetterFact } from '@/lib/letters/compose';
import { LETTER_DRAFT_MAX, letterDraft, type LetterDraft } from '@/lib/letters/letter-draft';
import { MAILTO_MAX_LENGTH, mailtoUrl } from '@/lib/letters/mailto';
import { EMAIL_ADDRESS_MAX } from '@/lib/email-address';
import { letterContent, SUBJECT_MAX, type LetterContent } from '@/lib/letters/records';

const WORDS = { greeting: 'Hello,', factsIntro: 'The order, as my wallet shows it:', closing: 'Kind regards,' };
const HEADINGS = { to: 'To', subject: 'Subject' };
const NOTE = 'The rest did not fit in a mail link: paste the whole letter from the wallet.';
/** The note a shortened mail link ends with, in every language the wallet speaks: the subject must fit beside the longest. */
const SHORTENED_NOTES = ['en', 'ru', 'zh_CN'].map(
  (locale) =>
    (
      JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
        string,
        { message: string }
      >
    ).letterMailtoShortened!.message,
);
const ORDER_FACTS: LetterFact[] = [
  { label: 'Shop', value: 'Demo Market (http://localhost:5340)' },
  { label: 'Order', value: 'ord_1' },
  { label: 'Paid on', value: '2 Nov 2026, 09:00' },
  { label: 'Total', value: '$29.97' },
  { label: 'Status', value: 'Held in escrow' },
];

/** The longest address there can be, of the one character the address keeps that encodes to three. */
const WORST_ADDRESS = `${'+'.repeat(64)}@${'a'.repeat(EMAIL_ADDRESS_MAX - 64 - 9)}.example`;

/** The form as the shopper filled it in, through the form's own schema. */
function draft(values: Partial<Record<keyof LetterDraft, string>> = {}): LetterDraft {
  return letterDraft.parse({
    to: 'help@demo-market.example',
    subject: 'Order ord_1 has not arrived',
    message: 'It was due last week.\nCould you tell me where it is?',
    name: 'Ada Lovelace',
    ...values,
  });
}

/** The subject and body a mail program reads from a link, with its line breaks as the letter has them. */
function opened(url: string) {
  const [target, query] = url.slice('mailto:'.length).split('?') as [string, string];
  const params = Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]));
  const decode = (value = '') => decodeURIComponent(value);
  return { to: decode(target), subject: decode(params.subject), body: decode(params.body).replace(/\r\n/g, '\n'), raw: params };
}

describe('Composing a support letter', () => {
  it('writes the greeting, the shopper’s words, the case as the wallet shows it, and their name', () => {
    const letter = composeLetter(draft(), ORDER_FACTS, WORDS);
    expect(letter).toEqual({
      to: 'help@demo-market.example',
      subject: 'Order ord_1 has not arrived',
      body: [
        'Hello,',
        '',
        'It was due last week.',
        'Could you tell me where it is?',
        '',
        'The order, as my wallet shows it:',
        '- Shop: Demo Market (http://localhost:5340)',
        '- Order: ord_1',
        '- Paid on: 2 Nov 2026, 09:00',
        '- Total: $29.97',
        '- Status: Held in escrow',
        '',
        'Kind regards,',
        'Ada Lovelace',
      ].join('\n'),
    });
    expect(letterContent.safeParse(letter).success).toBe(true);
  });

  it('leaves out the address, the case and the name when there are none', () => {
    const letter = composeLetter(draft({ to: '  ', name: '' }), [], WORDS);
    expect(letter).not.toHaveProperty('to');
    expect(letter.body).toBe('Hello,\n\nIt was due last week.\nCould you tell me where it is?\n\nKind regards,');
  });

  it('follows the UI language: the words are the ones it is given', () => {
    const russian = { greeting: 'Здравствуйте!', factsIntro: 'Заказ, как его показывает мой кошелёк:', closing: 'С уважением,' };
    const letter = composeLetter(draft({ message: 'Заказ не пришёл.' }), [{ label: 'Заказ', value: 'ord_1' }], russian);
    expect(letter.body).toBe(
      'Здравствуйте!\n\nЗаказ не пришёл.\n\nЗаказ, как его показывает мой кошелёк:\n- Заказ: ord_1\n\nС уважением,\nAda Lovelace',
    );
  });

  it('keeps every fact on one line, cuts a very long one, and takes at most a dozen', () => {
    const facts = [
      { label: 'Reason', value: 'Broken\r\nlid,\tcracked\u0000 handle' },
      { label: 'Shop', value: 'Demo \u202EtekraM\u202C (http://localhost:5340)' },
      { label: 'Note', value: 'x'.repeat(5_000) },
      ...Array.from({ length: 20 }, (_, index) => ({ label: `Fact ${index}`, value: String(index) })),
    ];
    const lines = composeLetter(draft(), facts, WORDS).body.split('\n');
    expect(lines).toContain('- Reason: Broken lid, cracked handle');
    // A shop's right-to-left override would reverse the rest of its line in a plain-text letter.
    expect(lines).toContain('- Shop: Demo tekraM (http://localhost:5340)');
    const note = lines.find((line) => line.startsWith('- Note: '))!;
    expect(note.length).toBeLessThan(1_100);
    expect(note.endsWith('…')).toBe(true);
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(MAX_FACTS);
  });

  it('stays within the stored letter’s bounds at the form’s largest', () => {
    const largest = draft({
      to: `${'a'.repeat(64)}@${'b'.repeat(180)}.example`,
      subject: '订'.repeat(LETTER_DRAFT_MAX.subject),
      message: '很'.repeat(LETTER_DRAFT_MAX.message),
      name: 'N'.repeat(LETTER_DRAFT_MAX.name),
    });
    const facts = Array.from({ length: 30 }, () => ({ label: 'L'.repeat(500), value: 'V'.repeat(5_000) }));
    expect(letterContent.safeParse(composeLetter(largest, facts, WORDS)).success).toBe(true);
  });
});

describe('The letter form', () => {
  const issues = (values: Record<string, string>) => {
    const parsed = letterDraft.safeParse({ to: '', subject: 'S', message: 'M', name: '', ...values });
    return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('trims what was typed, puts the subject and name on one line and the message’s line breaks in one form', () => {
    expect(draft({ to: ' help@x.example ', subject: ' Two\nlines ', message: ' a\r\nb\rc\u0007 ', name: ' Ada\tL ' })).toEqual({
      to: 'help@x.example',
      subject: 'Two lines',
      message: 'a\nb\nc',
      name: 'Ada L',
    });
  });

  it('turns a lone surrogate from a broken paste into a replacement character', () => {
    expect(draft({ message: 'before \uD83D after' }).message).toBe('before \uFFFD after');
  });

  it.each([
    ['an address that is not one', { to: 'shop at example dot com' }, [['to', 'err_letter_to_invalid']]],
    ['no subject', { subject: ' \n ' }, [['subject', 'err_letter_subject_required']]],
    ['no message', { message: '\r\n' }, [['message', 'err_letter_message_required']]],
    ['a subject too long', { subject: 's'.repeat(SUBJECT_MAX + 1) }, [['subject', 'err_letter_subject_long']]],
    ['a message too long', { message: 'm'.repeat(LETTER_DRAFT_MAX.message + 1) }, [['message', 'err_letter_message_long']]],
    ['a name too long', { name: 'n'.repeat(LETTER_DRAFT_MAX.name + 1) }, [['name', 'err_letter_name_long']]],
    [
      'an address too long',
      { to: `${'a'.repeat(EMAIL_ADDRESS_MAX)}@x.example` },
      [
        ['to', 'err_letter_to_long'],
        ['to', 'err_letter_to_invalid'],
      ],
    ],
  ])('names the field and what to do for %s', (_, values, expected) => {
    expect(issues(values)).toEqual(expected);
  });

  it('takes an empty address: the shopper chooses it in the mail program', () => {
    expect(issues({ to: '' })).toEqual([]);
  });
});

describe('The copied and saved letter', () => {
  it('is headed by the address and the subject, then the body, ending with a line break', () => {
    const letter = composeLetter(draft(), ORDER_FACTS, WORDS);
    expect(letterText(letter, HEADINGS)).toBe(`To: help@demo-market.example\nSubject: Order ord_1 has not arrived\n\n${letter.body}\n`);
    expect(letterText({ subject: 'S', body: 'B' }, HEADINGS)).toBe('Subject: S\n\nB\n');
  });

  it('is saved under a name dated by the shopper’s own calendar', () => {
    expect(letterFileName(new Date(2026, 10, 2, 23, 30).getTime())).toBe('support-letter-2026-11-02.txt');
  });
});

describe('The mail link', () => {
  it('encodes the address, subject and body as RFC 6068 asks: UTF-8, %20 for spaces, CRLF line breaks', () => {
    const letter: LetterContent = {
      to: 'shop+help@demo-market.example',
      subject: 'Order #1 & a refund? 100% sure',
      body: 'Line one\nСтрока два 订单 ✉️',
    };
    const { url, complete } = mailtoUrl(letter, NOTE);
    expect(complete).toBe(true);
    expect(url).toBe(
      'mailto:shop%2Bhelp@demo-market.example?subject=Order%20%231%20%26%20a%20refund%3F%20100%25%20sure' +
        '&body=Line%20one%0D%0A%D0%A1%D1%82%D1%80%D0%BE%D0%BA%D0%B0%20%D0%B4%D0%B2%D0%B0%20%E8%AE%A2%E5%8D%95%20%E2%9C%89%EF%B8%8F',
    );
    expect(opened(url)).toMatchObject({ to: letter.to, subject: letter.subject, body: letter.body });
  });

  it('leaves the address to the mail program when the letter has none', () => {
    expect(mailtoUrl({ subject: 'Hi', body: 'There' }, NOTE).url).toBe('mailto:?subject=Hi&body=There');
  });

  it('carries the beginning of a letter too long for a link, up to a word, and says to paste the whole letter', () => {
    const letter: LetterContent = { to: 'help@x.example', subject: 'Long', body: 'lorem ipsum '.repeat(400).trim() };
    const { url, complete } = mailtoUrl(letter, NOTE);
    expect(complete).toBe(false);
    expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const { subject, body } = opened(url);
    expect(subject).toBe('Long');
    expect(body.endsWith(`…\n\n${NOTE}`)).toBe(true);
    const kept = body.slice(0, -`…\n\n${NOTE}`.length);
    expect(letter.body.startsWith(kept)).toBe(true);
    expect(kept.endsWith('lorem') || kept.endsWith('ipsum')).toBe(true);
    expect(kept.length).toBeGreaterThan(1_000);
  });

  it.each(SHORTENED_NOTES)('keeps the whole subject beside the longest address and the note %s', (note) => {
    const letter: LetterContent = {
      to: WORST_ADDRESS,
      subject: '订'.repeat(SUBJECT_MAX),
      body: 'Здравствуйте! '.repeat(500).trim(),
    };
    const { url, complete } = mailtoUrl(letter, note);
    expect(complete).toBe(false);
    expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(opened(url)).toMatchObject({ to: WORST_ADDRESS, subject: letter.subject });
    expect(opened(url).body).toMatch(/^Здравствуйте!.*Здравствуйте!…\n\n/s);
  });

  it('never passes the bound, never splits a character, and is whole whenever the whole letter fits', () => {
    // As the stored letter's schema lets them be: well-formed, with no control character but line breaks and tabs in the body.
    const clean = (value: string) => value.toWellFormed().replace(/(?![\n\t])\p{Cc}/gu, '');
    const text = (max: number) => fc.string({ unit: 'binary', maxLength: max }).map((value) => clean(value.slice(0, max)));
    const letters = fc.record({
      to: fc.option(fc.constantFrom('help@x.example', WORST_ADDRESS), { nil: undefined }),
      subject: text(SUBJECT_MAX).map((value) => value.replace(/[\n\t]/g, '') || 's'),
      body: fc.oneof(text(600), text(6_000)).map((value) => value || 'b'),
    });
    fc.assert(
      fc.property(letters, fc.constantFrom(...SHORTENED_NOTES), ({ to, ...rest }, note) => {
        const letter: LetterContent = { ...(to ? { to } : {}), ...rest };
        expect(letterContent.safeParse(letter).success).toBe(true);
        const { url, complete } = mailtoUrl(letter, note);
        expect(url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
        const read = opened(url);
        expect(read.subject).toBe(letter.subject);
        if (complete) expect(read.body).toBe(letter.body);
        else {
          expect(read.body.endsWith(`…\n\n${note}`)).toBe(true);
          expect(letter.body.startsWith(read.body.slice(0, -`…\n\n${note}`.length))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
