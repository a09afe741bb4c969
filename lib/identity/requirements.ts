import * as z from 'zod/mini';
import { sniffFileKind, type FileKind } from './file-kind';
import { imageSize } from './image-size';

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const documentType = z.enum(['passport', 'driving_licence']);
export type DocumentType = z.infer<typeof documentType>;

export const documentSide = z.enum(['photo_page', 'cover', 'front', 'back']);
export type DocumentSide = z.infer<typeof documentSide>;

/** The sides each document needs, all of them; extra pages of a side are welcome up to MAX_FILES. */
export const DOCUMENT_SIDES: Record<DocumentType, readonly DocumentSide[]> = {
  passport: ['photo_page', 'cover'],
  driving_licence: ['front', 'back'],
};

/**
 * An encoding longer than MAX_FILE_BYTES' own can only hold a file over the limit; anything up to
 * it is decoded and left to checkSubmission, which names the problem.
 */
const base64 = z.string().check(z.maxLength(Math.ceil(MAX_FILE_BYTES / 3) * 4), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/** One file as the wallet page sends it to the background. The name is only shown back to the user. */
export const identityUpload = z.strictObject({
  side: documentSide,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  bytes: base64,
});
export type IdentityUpload = z.infer<typeof identityUpload>;

export const identitySubmission = z.strictObject({
  documentType,
  files: z.array(identityUpload).check(z.minLength(1), z.maxLength(MAX_FILES)),
});
export type IdentitySubmission = z.infer<typeof identitySubmission>;

export interface UploadedFile {
  side: DocumentSide;
  name: string;
  bytes: Uint8Array;
}

/** A file that passed: its kind read from its content, and its pixel size if it is an image. */
export interface CheckedFile {
  side: DocumentSide;
  name: string;
  kind: FileKind;
  size: number;
  width?: number;
  height?: number;
}

export type SubmissionProblem = {
  /** The file's index in what was sent; absent for problems of the submission as a whole. */
  file?: number;
  side?: DocumentSide;
  reason: 'too_many_files' | 'empty_file' | 'too_large' | 'unrecognised_type' | 'wrong_side_for_document' | 'missing_side';
};

/**
 * Checks a submission before it goes to review, reporting every problem at once so the user can
 * fix them in one go. An image whose size cannot be read is refused as unrecognised: it starts
 * like a JPEG or PNG but is not one that a reviewer could look at.
 */
export function checkSubmission(
  type: DocumentType,
  files: readonly UploadedFile[],
): { ok: true; files: CheckedFile[] } | { ok: false; problems: SubmissionProblem[] } {
  const problems: SubmissionProblem[] = [];
  const checked: CheckedFile[] = [];
  if (files.length > MAX_FILES) problems.push({ reason: 'too_many_files' });

  const sides = DOCUMENT_SIDES[type];
  for (const [file, { side, name, bytes }] of files.entries()) {
    if (!sides.includes(side)) problems.push({ file, side, reason: 'wrong_side_for_document' });
    const kind = sniffFileKind(bytes);
    const pixels = kind && imageSize(bytes, kind);
    if (bytes.length === 0) problems.push({ file, reason: 'empty_file' });
    else if (bytes.length > MAX_FILE_BYTES) problems.push({ file, reason: 'too_large' });
    else if (!kind || (kind !== 'pdf' && !pixels)) problems.push({ file, reason: 'unrecognised_type' });
    else checked.push({ side, name, kind, size: bytes.length, ...pixels });
  }

  for (const side of sides) if (!files.some((file) => file.side === side)) problems.push({ side, reason: 'missing_side' });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: checked };
}
