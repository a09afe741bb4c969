import type { DriverPage } from './driver';

export interface CapturedDownload {
  name: string;
  text: string;
}

/**
 * Keeps the files a page hands to the browser's download (a Blob behind an `<a download>`) and
 * stops the download itself, so tests read what the shopper would save without a save dialog.
 */
export function captureDownloads(page: DriverPage): Promise<void> {
  return page.evaluate(() => {
    const kept: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = createObjectURL(blob);
      if (blob instanceof Blob) blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (this.download && blob) kept.push({ name: this.download, blob });
    };
    (globalThis as unknown as { downloads: typeof kept }).downloads = kept;
  }, undefined);
}

/** The files saved so far, oldest first. */
export function downloads(page: DriverPage): Promise<CapturedDownload[]> {
  return page.evaluate(async () => {
    const kept = (globalThis as unknown as { downloads?: { name: string; blob: Blob }[] }).downloads ?? [];
    return Promise.all(kept.map(async ({ name, blob }) => ({ name, text: await blob.text() })));
  }, undefined);
}
