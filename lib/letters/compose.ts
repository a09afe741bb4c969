import { localDay } from '../local-day';
import type { LetterDraft } from './letter-draft';
import { oneLine, shortened } from './plain-text';
import type { LetterContent } from './records';

/** One line of the case as the wallet shows it, already in the UI language: "Order: ord_1". */
export interface LetterFact {
  label: string;
  value: string;
}

/** The letter's own words, in the wallet's UI language. */
export interface LetterWords {
  greeting: string;
  /** Introduces the case's facts: "The order, as my wallet shows it:". */
  factsIntro: string;
  closing: string;
}

/** The labels of the lines that head a copied or saved letter. */
export interface LetterHeadings {
  to: string;
  subject: string;
}

/** A case is a handful of facts; these bounds keep any letter far below BODY_MAX. */
export const MAX_FACTS = 12;
const FACT_LABEL_MAX = 80;
const FACT_VALUE_MAX = 1_000;

/**
 * The letter the shopper sends from their own mail program, copies or saves: a greeting, their
 * own words, the case as the wallet shows it, and their name. Every language the wallet speaks
 * gets the same letter; only the words change.
 */
export function composeLetter(draft: LetterDraft, facts: readonly LetterFact[], words: LetterWords): LetterContent {
  const caseLines = facts
    .slice(0, MAX_FACTS)
    .map(({ label, value }) => `- ${shortened(oneLine(label), FACT_LABEL_MAX)}: ${shortened(oneLine(value), FACT_VALUE_MAX)}`);
  const body = [
    oneLine(words.greeting),
    '',
    draft.message,
    ...(caseLines.length > 0 ? ['', oneLine(words.factsIntro), ...caseLines] : []),
    '',
    oneLine(words.closing),
    ...(draft.name ? [draft.name] : []),
  ].join('\n');
  return { ...(draft.to ? { to: draft.to } : {}), subject: draft.subject, body };
}

/** The letter as one text, headed by its address and subject: what is copied and what the saved file holds. */
export function letterText(letter: LetterContent, headings: LetterHeadings): string {
  const head = [...(letter.to ? [`${headings.to}: ${letter.to}`] : []), `${headings.subject}: ${letter.subject}`];
  return `${[...head, '', letter.body].join('\n')}\n`;
}

/** The saved letter's file name, dated by the shopper's own calendar. */
export const letterFileName = (writtenAt: number): string => `support-letter-${localDay(writtenAt)}.txt`;
