import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sniffFileKind } from '@/lib/identity/file-kind';
import { imageSize } from '@/lib/identity/image-size';
import { checkSubmission, identitySubmission, MAX_FILE_BYTES, type UploadedFile } from '@/lib/identity/requirements';
import { REVIEW_MS, reviewDecision, verificationRecord } from '@/lib/identity/review';
import { ascii, jpeg, pdf, png, segment } from './support/images';

const text = (content: string) => new TextEncoder().encode(content);

/** A file of exactly `length` bytes that starts as a real image. */
function padded(head: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(head);
  return bytes;
}

const passport = (photoPage: Uint8Array, cover: Uint8Array = png(1200, 800)): UploadedFile[] => [
  { side: 'photo_page', name: 'photo.png', bytes: photoPage },
  { side: 'cover', name: 'cover.png', bytes: cover },
];

describe('Identity files: recognised by content, never by name', () => {
  it.each([
    ['jpeg', 'scan.pdf', jpeg(1200, 800)],
    ['png', 'photo.jpg', png(1200, 800)],
    ['pdf', 'document.png', pdf()],
  ] as const)('reads a %s named %s as what it is', (kind, name, bytes) => {
    expect(sniffFileKind(bytes)).toBe(kind);
    expect(checkSubmission('passport', [{ side: 'photo_page', name, bytes }, ...passport(png(1200, 800)).slice(1)])).toMatchObject({
      ok: true,
      files: [{ side: 'photo_page', name, kind, size: bytes.length }, { side: 'cover' }],
    });
  });

  it('refuses a text file named .jpg', () => {
    const bytes = text('not a photo at all');
    expect(sniffFileKind(bytes)).toBeUndefined();
    expect(
      checkSubmission('passport', [{ side: 'photo_page', name: 'passport.jpg', bytes }, ...passport(png(1200, 800)).slice(1)]),
    ).toEqual({
      ok: false,
      problems: [{ file: 0, reason: 'unrecognised_type' }],
    });
  });

  it('refuses an empty file', () => {
    expect(checkSubmission('passport', passport(new Uint8Array(0)))).toEqual({ ok: false, problems: [{ file: 0, reason: 'empty_file' }] });
  });

  it('accepts exactly 5 MB and refuses one byte more', () => {
    expect(checkSubmission('passport', passport(padded(png(1200, 800), MAX_FILE_BYTES)))).toMatchObject({
      ok: true,
      files: [{ size: 5 * 1024 * 1024 }, {}],
    });
    expect(checkSubmission('passport', passport(padded(png(1200, 800), MAX_FILE_BYTES + 1)))).toEqual({
      ok: false,
      problems: [{ file: 0, reason: 'too_large' }],
    });
  });

  it('refuses an image whose header cannot be read, though it starts like one', () => {
    expect(checkSubmission('passport', passport(jpeg(1200, 800).slice(0, 24)))).toEqual({
      ok: false,
      problems: [{ file: 0, reason: 'unrecognised_type' }],
    });
  });
});

describe('Identity files: what each document needs', () => {
  it('takes up to 5 files, extra pages of a side included, and refuses 6', () => {
    const five = [...passport(png(1200, 800)), ...passport(pdf()), { side: 'photo_page' as const, name: 'visa.pdf', bytes: pdf() }];
    expect(checkSubmission('passport', five)).toMatchObject({ ok: true, files: { length: 5 } });
    expect(checkSubmission('passport', [...five, five[0]!])).toEqual({ ok: false, problems: [{ reason: 'too_many_files' }] });
  });

  it('needs the cover of a passport', () => {
    expect(checkSubmission('passport', passport(png(1200, 800)).slice(0, 1))).toEqual({
      ok: false,
      problems: [{ side: 'cover', reason: 'missing_side' }],
    });
  });

  it('refuses a passport side on a driving licence', () => {
    const files: UploadedFile[] = [
      { side: 'front', name: 'front.jpg', bytes: jpeg(1200, 800) },
      { side: 'back', name: 'back.jpg', bytes: jpeg(1200, 800) },
      { side: 'cover', name: 'cover.jpg', bytes: jpeg(1200, 800) },
    ];
    expect(checkSubmission('driving_licence', files)).toEqual({
      ok: false,
      problems: [{ file: 2, side: 'cover', reason: 'wrong_side_for_document' }],
    });
  });

  it('reports every problem at once', () => {
    const files: UploadedFile[] = [
      { side: 'front', name: 'empty.jpg', bytes: new Uint8Array(0) },
      { side: 'cover', name: 'notes.png', bytes: text('hello') },
      ...Array.from({ length: 4 }, () => ({ side: 'front' as const, name: 'front.jpg', bytes: jpeg(1200, 800) })),
    ];
    const result = checkSubmission('driving_licence', files);
    expect(result).toEqual({
      ok: false,
      problems: [
        { reason: 'too_many_files' },
        { file: 0, reason: 'empty_file' },
        { file: 1, side: 'cover', reason: 'wrong_side_for_document' },
        { file: 1, reason: 'unrecognised_type' },
        { side: 'back', reason: 'missing_side' },
      ],
    });
  });

  it('accepts what the wallet page sends, with the bytes as base64', () => {
    const upload = { side: 'photo_page', name: 'photo.png', bytes: 'iVBORw0KGgo=' };
    expect(identitySubmission.safeParse({ documentType: 'passport', files: [upload] }).success).toBe(true);
    expect(identitySubmission.safeParse({ documentType: 'passport', files: [] }).success).toBe(false);
    expect(identitySubmission.safeParse({ documentType: 'passport', files: Array(6).fill(upload) }).success).toBe(false);
    expect(identitySubmission.safeParse({ documentType: 'passport', files: [{ ...upload, name: '' }] }).success).toBe(false);
    expect(identitySubmission.safeParse({ documentType: 'passport', files: [{ ...upload, bytes: 'not base64!' }] }).success).toBe(false);
    expect(identitySubmission.safeParse({ documentType: 'id_card', files: [upload] }).success).toBe(false);
  });
});

describe('Identity files: pixel size', () => {
  it('reads a PNG header', () => {
    expect(imageSize(png(1200, 800), 'png')).toEqual({ width: 1200, height: 800 });
    expect(imageSize(png(0, 800), 'png')).toBeUndefined();
    expect(imageSize(png(1200, 800).slice(0, 23), 'png')).toBeUndefined();
  });

  it('reads a JPEG frame header, baseline or progressive', () => {
    expect(imageSize(jpeg(1200, 800), 'jpeg')).toEqual({ width: 1200, height: 800 });
    expect(imageSize(jpeg(640, 480, [], 0xc2), 'jpeg')).toEqual({ width: 640, height: 480 });
  });

  it('walks past other segments, fill bytes and tables that share the SOF range', () => {
    const before = [
      ...segment(0xe1, ascii('Exif\0\0')),
      ...segment(0xdb, Array(65).fill(1)),
      0xff,
      0xff,
      ...segment(0xc4, [0, 8, 0x00, 0x10, 0x00, 0x20, 0, 0]), // DHT: its bytes would read as a size
      ...segment(0xfe, ascii('comment')),
    ];
    expect(imageSize(jpeg(3000, 2000, before), 'jpeg')).toEqual({ width: 3000, height: 2000 });
  });

  it('finds no size in a JPEG cut short, wherever it is cut', () => {
    const whole = jpeg(1200, 800, segment(0xdb, Array(65).fill(1)));
    const sofEnd = whole.length - 2 - 4; // the frame header's last size byte ends 4 components bytes before EOI
    for (let length = 0; length < sofEnd; length++) expect(imageSize(whole.slice(0, length), 'jpeg')).toBeUndefined();
    expect(imageSize(whole.slice(0, sofEnd), 'jpeg')).toEqual({ width: 1200, height: 800 });
  });

  it('stops at the scan or a broken marker instead of guessing', () => {
    const scanFirst = [...segment(0xda, [1, 1, 0, 0, 0x3f, 0])];
    expect(imageSize(jpeg(1200, 800, scanFirst), 'jpeg')).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xc0]), 'jpeg')).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0x12, 0x34]), 'jpeg')).toBeUndefined();
  });

  it('never throws or hangs on hostile bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.constantFrom('jpeg' as const, 'png' as const), (tail, kind) => {
        const head = kind === 'jpeg' ? [0xff, 0xd8, 0xff] : [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
        const size = imageSize(new Uint8Array([...head, ...tail]), kind);
        if (size) expect(size.width * size.height).toBeGreaterThan(0);
      }),
    );
  });

  it('gives a PDF no pixel size', () => {
    expect(imageSize(pdf(), 'pdf')).toBeUndefined();
  });
});

describe('Identity review (simulated)', () => {
  it('takes 48 hours', () => {
    expect(REVIEW_MS).toBe(172_800_000);
  });

  it('approves a clear photo either way round, and a PDF', () => {
    expect(reviewDecision([{ side: 'photo_page', width: 1200, height: 800 }])).toEqual({ approved: true });
    expect(reviewDecision([{ side: 'front', width: 400, height: 600 }])).toEqual({ approved: true });
    expect(reviewDecision([{ side: 'cover' }])).toEqual({ approved: true });
  });

  it('rejects a photo under 600 × 400, naming the side and its size', () => {
    expect(
      reviewDecision([
        { side: 'photo_page', width: 500, height: 300 },
        { side: 'cover', width: 1200, height: 800 },
        { side: 'cover', width: 599, height: 450 },
      ]),
    ).toEqual({
      approved: false,
      reasons: [
        { side: 'photo_page', reason: 'image_too_small', width: 500, height: 300 },
        { side: 'cover', reason: 'image_too_small', width: 599, height: 450 },
      ],
    });
  });

  it('decides from what checkSubmission kept', () => {
    const result = checkSubmission('passport', passport(jpeg(500, 300), pdf()));
    if (!result.ok) throw new Error('expected the files to pass');
    expect(reviewDecision(result.files)).toEqual({
      approved: false,
      reasons: [{ side: 'photo_page', reason: 'image_too_small', width: 500, height: 300 }],
    });
  });

  it('stores a record without the bytes, and a rejection only with its reasons', () => {
    const base = {
      id: 'v1',
      documentType: 'passport',
      submittedAt: 0,
      reviewDueAt: REVIEW_MS,
      files: [{ side: 'photo_page', kind: 'jpeg', size: 1234, width: 500, height: 300 }],
    };
    const reasons = [{ side: 'photo_page', reason: 'image_too_small', width: 500, height: 300 }];
    expect(verificationRecord.safeParse({ ...base, state: 'in_review' }).success).toBe(true);
    expect(verificationRecord.safeParse({ ...base, state: 'rejected', decidedAt: REVIEW_MS, reasons }).success).toBe(true);
    expect(verificationRecord.safeParse({ ...base, state: 'rejected', decidedAt: REVIEW_MS }).success).toBe(false);
    expect(verificationRecord.safeParse({ ...base, state: 'in_review', files: [{ ...base.files[0], bytes: 'AAAA' }] }).success).toBe(false);
  });
});
