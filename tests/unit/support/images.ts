/** The first bytes of real image and PDF files, enough for content sniffing and size reading. */
const u16 = (value: number) => [value >> 8, value & 0xff];
const u32 = (value: number) => [...u16(value >>> 16), ...u16(value & 0xffff)];
export const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
/** A JPEG segment: marker, then a length that counts itself but not the marker. */
export const segment = (marker: number, data: number[]) => [0xff, marker, ...u16(data.length + 2), ...data];

export function png(width: number, height: number): Uint8Array {
  const ihdr = [...u32(width), ...u32(height), 8, 2, 0, 0, 0];
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...u32(13), ...ascii('IHDR'), ...ihdr, ...u32(0)]);
}

export function jpeg(width: number, height: number, before: number[] = [], sof = 0xc0): Uint8Array {
  const app0 = segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const frame = segment(sof, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]);
  return new Uint8Array([0xff, 0xd8, ...app0, ...before, ...frame, 0xff, 0xd9]);
}

export const pdf = () => new Uint8Array(ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'));
