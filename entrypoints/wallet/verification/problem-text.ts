import { t } from '@/components/i18n';
import { MAX_FILE_BYTES, MAX_FILES, type SubmissionProblem } from '@/lib/identity/requirements';
import { problemInput, type FileInput } from './chosen-files';

/** The size limit as the messages say it, in whole megabytes. */
export const MAX_MEGABYTES = String(MAX_FILE_BYTES / (1024 * 1024));

/**
 * The check's problems in words, gathered by the input each belongs beside. The extra pages input
 * holds several files, so its problems say which file they are about; elsewhere a repeat is dropped.
 */
export function problemTexts(
  problems: readonly SubmissionProblem[],
  inputs: readonly FileInput[],
  files: readonly { name: string }[],
): Partial<Record<FileInput, string>> {
  const found: Partial<Record<FileInput, string[]>> = {};
  for (const problem of problems) {
    const input = problemInput(problem, inputs);
    const text = t(`identityProblem_${problem.reason}`, [String(MAX_FILES), MAX_MEGABYTES]);
    const name = input === 'extra' && problem.file !== undefined ? files[problem.file]?.name : undefined;
    const list = (found[input] ??= []);
    if (name) list.push(t('identityProblemInFile', [name, text]));
    else if (!list.includes(text)) list.push(text);
  }
  return Object.fromEntries(Object.entries(found).map(([input, texts]) => [input, texts.join(' ')]));
}
