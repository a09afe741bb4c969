const twoDigits = (part: number) => String(part).padStart(2, '0');

/** `YYYY-MM-DD` of the shopper's own calendar (the computer's time zone), as file names are dated. */
export function localDay(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(twoDigits).join('-');
}

/** `YYYY-MM` of the shopper's own calendar, the month a day of `localDay` falls in. */
export const localMonth = (epochMs: number): string => localDay(epochMs).slice(0, 7);

/** The `YYYY-MM` month `count` months after `month` (before it when negative). */
export function monthsAfter(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(year, monthNumber - 1 + count, 1);
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}`;
}
