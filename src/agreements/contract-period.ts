import type { AgreementTerms } from './agreement-terms.types';

/**
 * Calendar arithmetic on YYYY-MM-DD dates for agreement and contract periods. Pure, UTC only: a
 * calendar date has no time zone, so nothing here may depend on the machine's.
 */

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date plus whole years (29 February rolls over to 1 March). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  return iso(Date.UTC(y + years, m - 1, d));
}

/** A date plus (or minus) whole days. */
export function addDaysTo(date: string, days: number): string {
  return iso(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

/** The day before a date. */
export function dayBefore(date: string): string {
  return addDaysTo(date, -1);
}

/** Whole months from `start` up to and including `end` (2026-09-01 … 2028-08-31 is 24). */
export function monthsCovered(start: string, end: string): number {
  const [y1, m1, d1] = parts(start);
  const [y2, m2, d2] = parts(addDaysTo(end, 1));
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/**
 * The last day of a period of `months` months from `start`: the day before the same day of the
 * month `months` later; when that month has no such day (31 January + 1 month), the last day of
 * that month. The usual reading of a contract "for N months"; it agrees with monthsCovered. So
 * 2026-09-01 + 24 → 2028-08-31, 2026-01-31 + 1 → 2026-02-28.
 */
export function lastDayOfMonths(start: string, months: number): string {
  const [y, m, d] = parts(start);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  if (d > lastDay) return iso(Date.UTC(y, m - 1 + months, lastDay));
  return dayBefore(iso(Date.UTC(y, m - 1 + months, d)));
}

/**
 * When the employment contract of these terms ends: a fixed-term contract after its contract
 * months from the start date, a permanent one never (null).
 */
export function contractEndDate(
  terms: Pick<AgreementTerms, 'startDate'> & {
    employment: Pick<AgreementTerms['employment'], 'contractType' | 'contractMonths'>;
  },
): string | null {
  if (terms.employment.contractType === 'permanent') return null;
  return lastDayOfMonths(terms.startDate, terms.employment.contractMonths);
}
