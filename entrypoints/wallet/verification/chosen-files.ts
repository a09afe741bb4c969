import {
  DOCUMENT_SIDES,
  type DocumentSide,
  type DocumentType,
  type SubmissionProblem,
  type UploadedFile,
} from '@/lib/identity/requirements';

/** The form's file inputs: one per side the document needs, and one for extra pages. */
export type FileInput = DocumentSide | 'extra';

export interface ChosenFiles {
  sides: Partial<Record<DocumentSide, File>>;
  extra: File[];
}

/** The most of a file's name the background keeps; it is only shown back to the user. */
const MAX_NAME_LENGTH = 200;

/**
 * Reads the chosen files in the order they are sent, with the input each came from, so problems
 * the check reports by file index can be shown beside that input. Extra pages are sent as more of
 * the document's first side (the passport's photo page, the licence's front): they are read alike.
 */
export async function readChosenFiles(type: DocumentType, chosen: ChosenFiles): Promise<{ uploads: UploadedFile[]; inputs: FileInput[] }> {
  const sides = DOCUMENT_SIDES[type];
  const picked: { input: FileInput; side: DocumentSide; file: File }[] = [
    ...sides.flatMap((side) => {
      const file = chosen.sides[side];
      return file ? [{ input: side, side, file }] : [];
    }),
    ...chosen.extra.map((file) => ({ input: 'extra' as const, side: sides[0]!, file })),
  ];
  const uploads = await Promise.all(
    picked.map(async ({ side, file }) => ({
      side,
      name: file.name.slice(0, MAX_NAME_LENGTH),
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { uploads, inputs: picked.map(({ input }) => input) };
}

/** Which input each problem is about: the file's own, the missing side's, or the extra pages' for too many files. */
export function problemInput(problem: SubmissionProblem, inputs: readonly FileInput[]): FileInput {
  if (problem.file !== undefined) return inputs[problem.file] ?? 'extra';
  return problem.side ?? 'extra';
}
