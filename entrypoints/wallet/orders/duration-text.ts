import { uiLocale } from '@/components/i18n';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const unitText = (value: number, unit: 'day' | 'hour' | 'minute') =>
  new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);

/** "3 days, 4 hours": time left, to the two largest units, with the language's own plurals. */
export function durationText(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
  const parts =
    days > 0
      ? [unitText(days, 'day'), ...(hours > 0 ? [unitText(hours, 'hour')] : [])]
      : hours > 0
        ? [unitText(hours, 'hour'), ...(minutes > 0 ? [unitText(minutes, 'minute')] : [])]
        : [unitText(Math.ceil(ms / MINUTE_MS), 'minute')];
  return new Intl.ListFormat(uiLocale(), { style: 'narrow', type: 'unit' }).format(parts);
}
