const DAY_MS = 24 * 60 * 60 * 1000;

export const days = (count: number) => count * DAY_MS;

/** Adds business days (Monday to Friday, in UTC), as banks count settlement time. */
export function addBusinessDays(timestamp: number, count: number): number {
  let result = timestamp;
  let remaining = count;
  while (remaining > 0) {
    result += DAY_MS;
    const weekday = new Date(result).getUTCDay();
    if (weekday !== 0 && weekday !== 6) remaining--;
  }
  return result;
}

/** The first instant of the calendar month (UTC) that contains the timestamp. */
export function startOfMonth(timestamp: number): number {
  const date = new Date(timestamp);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
