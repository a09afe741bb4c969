/** `YYYY-MM-DD` of the shopper's own calendar (the computer's time zone), as file names are dated. */
export function localDay(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
}
