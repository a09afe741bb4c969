import type { DriverPage } from './driver';

/**
 * Keeps what a page copies with `navigator.clipboard.writeText` instead of handing it to the
 * system clipboard, which headless browsers share with nothing and only let a focused window
 * write; tests read what the shopper would paste.
 */
export function captureClipboard(page: DriverPage): Promise<void> {
  return page.evaluate(() => {
    const copied: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: async (text: string) => void copied.push(text),
    });
    (globalThis as unknown as { copied: string[] }).copied = copied;
  }, undefined);
}

/** The texts copied so far, oldest first. */
export function copiedTexts(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => [...((globalThis as unknown as { copied?: string[] }).copied ?? [])], undefined);
}
