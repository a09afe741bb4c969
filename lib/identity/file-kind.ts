import * as z from 'zod/mini';

export const fileKind = z.enum(['jpeg', 'png', 'pdf']);
export type FileKind = z.infer<typeof fileKind>;

const MAGIC: [FileKind, number[]][] = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // "%PDF-"
];

/** What a file is, from its first bytes only: a name or MIME type is whatever the sender chose to say. */
export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
  return MAGIC.find(([, magic]) => magic.every((byte, index) => bytes[index] === byte))?.[0];
}
