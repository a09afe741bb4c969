/** How long the file's address outlives the click: Firefox reads it only after the click has returned. */
const URL_LIFETIME_MS = 60_000;

/** Hands content to the browser's download as a file, through a Blob and an `<a download>`. */
export function saveFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
