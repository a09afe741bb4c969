import { tKey } from '@/components/i18n';
import type { HelpDocument } from '@/lib/help/search';
import { HELP_TOPICS } from '@/lib/help/topics';

/** Every topic's question and answer in the UI language, as plain text. */
export const helpDocuments = (): HelpDocument[] =>
  HELP_TOPICS.map(({ id }) => ({ id, question: tKey(`help_${id}_q`), answer: tKey(`help_${id}_a`) }));
