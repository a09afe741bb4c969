import type { FileKind } from './file-kind';

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * An image's pixel size from its header, or `undefined` when the header is missing, damaged or
 * cut short. The bytes come from the user, so this never throws and always moves forward.
 * PDFs have pages, not pixels.
 */
export function imageSize(bytes: Uint8Array, kind: FileKind): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') return pngSize(view);
  if (kind === 'jpeg') return jpegSize(view);
  return undefined;
}

const IHDR = 0x49484452;

/** PNG puts IHDR first, right after the 8-byte signature: length 13, type, width, height. */
function pngSize(view: DataView): ImageSize | undefined {
  if (view.byteLength < 24 || view.getUint32(8) !== 13 || view.getUint32(12) !== IHDR) return undefined;
  return sized(view.getUint32(16), view.getUint32(20));
}

/**
 * JPEG keeps its size in the frame header (SOFn), after any number of other segments. Each
 * segment is FF, a marker and (for most markers) a 2-byte length that counts itself, so the walk
 * jumps from one to the next without reading the data in between. C4 (DHT), C8 (JPG) and CC (DAC)
 * share the SOF range but are not frame headers. Scan data (SOS) never comes before the frame
 * header, so reaching it or the end means there is no size to find.
 */
function jpegSize(view: DataView): ImageSize | undefined {
  let offset = 2; // past SOI
  while (offset + 1 < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return undefined;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // a fill byte before the marker
      continue;
    }
    offset += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM and RSTn carry no length
    if (marker === 0xd9 || marker === 0xda || offset + 2 > view.byteLength) return undefined;
    const length = view.getUint16(offset);
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // length, sample precision, height, width
      if (length < 7 || offset + 7 > view.byteLength) return undefined;
      return sized(view.getUint16(offset + 5), view.getUint16(offset + 3));
    }
    offset += length;
  }
  return undefined;
}

/** A zero side is not a size: PNG forbids it, and a JPEG height of 0 is only given later in the scan. */
const sized = (width: number, height: number): ImageSize | undefined => (width > 0 && height > 0 ? { width, height } : undefined);
