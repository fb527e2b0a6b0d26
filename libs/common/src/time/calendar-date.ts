/** Pure helpers for calendar dates written as YYYY-MM-DD (no time, no zone). */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in YYYY-MM-DD form (2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be calendar dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return toCalendarDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** The UTC calendar date of an instant, as YYYY-MM-DD. */
export function toCalendarDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
