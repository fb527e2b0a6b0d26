import { addDays, daysBetween } from '@app/common';

/** Date periods as the placement rules need them: inclusive YYYY-MM-DD ranges. */
export interface Period {
  startDate: string;
  endDate: string;
}

/** A period that may have no end (a permanent employment contract): endDate null. */
export interface OpenPeriod {
  startDate: string;
  endDate: string | null;
}

/** "2026-09-01 – 2028-08-31", or "2026-09-01 – (no end date)" for an open period. */
export const periodLabel = (p: OpenPeriod): string =>
  `${p.startDate} – ${p.endDate ?? '(no end date)'}`;

/** Days in an inclusive period. */
export const lengthInDays = (p: Period): number => daysBetween(p.startDate, p.endDate) + 1;

/** Whether `a` starts on or before `end`; an open end is after every date. */
const startsBy = (a: OpenPeriod, end: string | null) => end === null || a.startDate <= end;

export const overlaps = (a: OpenPeriod, b: OpenPeriod): boolean =>
  startsBy(a, b.endDate) && startsBy(b, a.endDate);

export const inside = (inner: OpenPeriod, outer: OpenPeriod): boolean =>
  inner.startDate >= outer.startDate &&
  (outer.endDate === null || (inner.endDate !== null && inner.endDate <= outer.endDate));

/**
 * The days of `within` (up to `until`) not covered by any of `covered`: for a foundation
 * employment, the "bench" days without a host, when the study must still go on.
 */
export function gaps(within: OpenPeriod, covered: Period[], until: string): Period[] {
  const end = within.endDate === null || until < within.endDate ? until : within.endDate;
  if (end < within.startDate) return [];
  const sorted = [...covered].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const out: Period[] = [];
  let cursor = within.startDate;
  for (const p of sorted) {
    if (p.endDate < cursor) continue;
    if (p.startDate > end) break;
    if (p.startDate > cursor) out.push({ startDate: cursor, endDate: addDays(p.startDate, -1) });
    cursor = addDays(p.endDate, 1);
    if (cursor > end) return out;
  }
  if (cursor <= end) out.push({ startDate: cursor, endDate: end });
  return out;
}

/** The SELECT list of a row's start_date/end_date as "startDate"/"endDate" strings (YYYY-MM-DD). */
export const periodColumns = (alias = '') =>
  `to_char(${alias}start_date, 'YYYY-MM-DD') AS "startDate", to_char(${alias}end_date, 'YYYY-MM-DD') AS "endDate"`;
