import { addDays, FieldError } from '@app/common';
import type { AbsenceReason } from './entities/guidance-week.entity';
import { OpenPeriod, periodLabel } from './periods';

/** Weeks one PUT may carry: a little more than a year, so a whole academic year fits in one call. */
export const MAX_WEEKS_PER_CALL = 60;
/** Hours a supervisor can give in a week (a full working week). */
export const MAX_SUPERVISOR_HOURS = 40;

export interface GuidanceWeekInput {
  weekStart: string;
  guided: boolean;
  absenceReason?: AbsenceReason | null;
  supervisorHours?: number | null;
}

/** Whether a calendar date (YYYY-MM-DD) is a Monday. */
export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}

/**
 * A week belongs to the employment when it shares a day with it: an employment starting on a
 * Wednesday has its first week from the Monday before, and an open-ended one has no last week.
 */
export function weekInside(weekStart: string, employment: OpenPeriod): boolean {
  const sunday = addDays(weekStart, 6);
  return (
    sunday >= employment.startDate &&
    (employment.endDate === null || weekStart <= employment.endDate)
  );
}

/**
 * What is wrong with a bulk upsert of weeks, each error naming the week's index (`weeks[3].…`):
 * not a Monday, outside the employment, given twice, an absence without reason or a guided week
 * with one. Empty when the whole set may be written.
 */
export function guidanceWeekErrors(
  weeks: GuidanceWeekInput[],
  employment: OpenPeriod,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  weeks.forEach((week, i) => {
    const field = (name: string) => `weeks[${i}].${name}`;
    if (!isMonday(week.weekStart)) {
      errors.push({ field: field('weekStart'), message: `${week.weekStart} is not a Monday` });
    } else if (!weekInside(week.weekStart, employment)) {
      errors.push({
        field: field('weekStart'),
        message: `the week of ${week.weekStart} lies outside the employment (${periodLabel(employment)})`,
      });
    }
    const first = seen.get(week.weekStart);
    if (first !== undefined) {
      errors.push({
        field: field('weekStart'),
        message: `the week of ${week.weekStart} is also weeks[${first}]; send each week once`,
      });
    } else seen.set(week.weekStart, i);
    if (week.guided && week.absenceReason) {
      errors.push({
        field: field('absenceReason'),
        message: 'a guided week has no absence reason',
      });
    }
    if (!week.guided && !week.absenceReason) {
      errors.push({
        field: field('absenceReason'),
        message: 'is required for a week without guidance (illness, holiday or other)',
      });
    }
  });
  return errors;
}
