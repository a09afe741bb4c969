import { CHINESE_STOP_WORDS, STOP_WORDS } from './stop-words';

/** One help topic's texts in the shopper's language. */
export interface HelpDocument {
  id: string;
  question: string;
  answer: string;
}

interface IndexedText {
  /** Latin, Cyrillic and digit words, matched word by word (see wordMatches). */
  words: string[];
  /** The whole normalised text, where Chinese is matched as substrings (it has no spaces between words). */
  text: string;
}

export interface HelpIndex {
  locale: string;
  documents: { id: string; question: IndexedText; answer: IndexedText }[];
}

/** What is looked for in a topic: a word, or one or two Chinese characters. */
interface Part {
  kind: 'word' | 'han';
  value: string;
  /** The query's last word while the shopper may still be typing it. */
  partial: boolean;
}

/** A word of the query, or a run of Chinese characters searched as its overlapping pairs. */
type Term = Part[];

/** A part in the question counts this many times one in the answer, so topics that ask it come first. */
const QUESTION_WEIGHT = 2;

const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

/**
 * Folds text so that what a shopper types meets what the help says: lower case by the language's
 * rules; compatibility forms (full-width Latin from Chinese keyboards) and accents taken apart and
 * the accents dropped, which also folds ё into е (and й into и, on both sides alike); digit groups
 * joined, so "5000", "5,000" and "5 000" are one number.
 */
export function normaliseForSearch(text: string, locale: string): string {
  return text
    .toLocaleLowerCase(locale.replace('_', '-'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/(\d)[,.'\s](?=\d{3}(?!\d))/gu, '$1');
}

const STOPS = new Set(STOP_WORDS.map((word) => normaliseForSearch(word, 'en')));
const CHINESE_STOPS = new RegExp(CHINESE_STOP_WORDS.join('|'), 'gu');

const tokens = (normalised: string): string[] => normalised.match(TOKEN) ?? [];

function indexText(text: string, locale: string): IndexedText {
  const normalised = normaliseForSearch(text, locale);
  return { words: tokens(normalised).filter((token) => !HAN.test(token)), text: normalised };
}

/** Prepares the topics once, so each keystroke only has to read the query. */
export function indexHelp(documents: readonly HelpDocument[], locale: string): HelpIndex {
  return {
    locale,
    documents: documents.map(({ id, question, answer }) => ({
      id,
      question: indexText(question, locale),
      answer: indexText(answer, locale),
    })),
  };
}

/** The query's terms, question words left out; a word typed twice is one term, as it was typed last. */
function termsOf(query: string, locale: string): Term[] {
  const normalised = normaliseForSearch(query, locale).replace(CHINESE_STOPS, ' ');
  const found = tokens(normalised);
  const terms = new Map<string, Term>();
  for (const [at, token] of found.entries()) {
    if (HAN.test(token)) {
      const pairs = token.length === 1 ? [token] : Array.from({ length: token.length - 1 }, (_, pair) => token.slice(pair, pair + 2));
      terms.set(
        token,
        pairs.map((value) => ({ kind: 'han', value, partial: false })),
      );
    } else if (!STOPS.has(token)) {
      terms.set(token, [{ kind: 'word', value: token, partial: at === found.length - 1 && ENDS_IN_WORD.test(normalised) }]);
    }
  }
  return [...terms.values()];
}

/** Whether the query has anything to search for, once question words are left out ("how do I" has not). */
export const hasSearchTerms = (query: string, locale: string): boolean => termsOf(query, locale).length > 0;

const commonPrefixLength = (a: string, b: string): number => {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return length;
};

/**
 * A word matches the same word with another ending of up to three letters, and words of five
 * letters or more may lose their last quarter first, since endings change with number and case:
 * "card" finds "cards", "карты" finds "карту", "refunds" finds "refund". A word still being typed
 * matches every word it starts. Words of one or two letters match only themselves.
 */
function wordMatches({ value, partial }: Part, word: string): boolean {
  if (partial && word.startsWith(value)) return true;
  if (value.length <= 2) return word === value;
  const stem = value.length >= 5 ? value.length - Math.floor(value.length / 4) : value.length;
  const shared = commonPrefixLength(value, word);
  return shared >= stem && word.length - shared <= 3;
}

const contains = (indexed: IndexedText, part: Part): boolean =>
  part.kind === 'han' ? indexed.text.includes(part.value) : indexed.words.some((word) => wordMatches(part, word));

/**
 * Where a term is in each topic: 0 where it is not, else the weight of its parts there. A run of
 * Chinese characters is there when more than half of its pairs that the help has anywhere are
 * (pairs that straddle two words are found nowhere and do not count).
 */
function placesOf(term: Term, documents: HelpIndex['documents']): number[] {
  const places = term.map((part) =>
    documents.map(({ question, answer }) => (contains(question, part) ? QUESTION_WEIGHT : contains(answer, part) ? 1 : 0)),
  );
  const found = places.filter((topics) => topics.some((place) => place > 0));
  return documents.map((_, topic) => {
    const present = found.filter((topics) => topics[topic]! > 0);
    return present.length * 2 > found.length ? present.reduce((sum, topics) => sum + topics[topic]!, 0) : 0;
  });
}

/**
 * The ids of the topics that answer the query, best first; every topic, in its order, when the
 * query has nothing to search for.
 *
 * The answers are the topics with the most of the query's terms. A term found in more than half
 * the topics ("wallet", "钱包") tells nothing and counts only when the query has nothing more
 * telling. Among the answers, those with more of the query in the question come first, then the
 * shorter questions, which are about fewer things.
 */
export function searchHelp(index: HelpIndex, query: string): string[] {
  const { documents } = index;
  const terms = termsOf(query, index.locale);
  if (terms.length === 0) return documents.map((document) => document.id);

  const places = terms.map((term) => placesOf(term, documents));
  const topicsWith = places.map((topics) => topics.filter((place) => place > 0).length);
  const telling = places.filter((_, term) => topicsWith[term]! <= documents.length / 2);
  const counted = telling.some((topics) => topics.some((place) => place > 0)) ? telling : places;

  const ranked = documents.map((document, order) => ({
    id: document.id,
    order,
    matched: counted.filter((topics) => topics[order]! > 0).length,
    score: counted.reduce((sum, topics) => sum + topics[order]!, 0),
    questionLength: document.question.text.length,
  }));
  const most = Math.max(...ranked.map(({ matched }) => matched));
  return ranked
    .filter(({ matched }) => matched > 0 && matched === most)
    .sort((a, b) => b.score - a.score || a.questionLength - b.questionLength || a.order - b.order)
    .map(({ id }) => id);
}
