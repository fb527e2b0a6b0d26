import {
  ADULT_MINIMUM_WAGE_AGE,
  MINIMUM_WAGE_TABLE,
  MinimumWagePeriod,
  WEEKS_PER_MONTH,
  YOUNGEST_MINIMUM_WAGE_AGE,
} from './agreement-rules.config';

/** Age in whole years on a date (both YYYY-MM-DD); a 29 February birthday counts on 1 March. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The table row in force on a date; the earliest row for dates before the table starts. */
export function minimumWagePeriodOn(
  date: string,
  table: readonly MinimumWagePeriod[] = MINIMUM_WAGE_TABLE,
): MinimumWagePeriod {
  const sorted = [...table].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((p) => p.effectiveFrom <= date).pop() ?? sorted[0];
}

export interface MinimumWage {
  /** The age the rate was chosen for; null when no date of birth was known (adult rate). */
  age: number | null;
  rateAge: number;
  effectiveFrom: string;
  hourlyCents: number;
  monthlyCents: number;
}

/**
 * The statutory gross monthly minimum for a contract: the hourly minimum for the student's age
 * on `date` times the weekly hours times 52/12, rounded up to a whole cent.
 */
export function minimumMonthlyWage(
  date: string,
  hoursPerWeek: number,
  dateOfBirth: string | null,
  table: readonly MinimumWagePeriod[] = MINIMUM_WAGE_TABLE,
): MinimumWage {
  const period = minimumWagePeriodOn(date, table);
  const age = dateOfBirth ? ageOn(dateOfBirth, date) : null;
  const rateAge =
    age === null
      ? ADULT_MINIMUM_WAGE_AGE
      : Math.max(YOUNGEST_MINIMUM_WAGE_AGE, Math.min(ADULT_MINIMUM_WAGE_AGE, age));
  const hourlyCents = period.hourlyCentsByAge[rateAge];
  return {
    age,
    rateAge,
    effectiveFrom: period.effectiveFrom,
    hourlyCents,
    monthlyCents: Math.ceil(hourlyCents * hoursPerWeek * WEEKS_PER_MONTH),
  };
}

/** The day in `year` on which the student's age goes up (a 29 February birthday counts on 1 March, as in ageOn). */
export function birthdayIn(dateOfBirth: string, year: number): string {
  const [, m, d] = dateOfBirth.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, d)).toISOString().slice(0, 10);
}

export type MinimumWageRiseReason = 'birthday' | 'rate_change';

/**
 * A date inside the contract from which the statutory minimum is above the agreed salary: the
 * salary must rise to at least `minimumMonthlyCents` by then. Persisted with the agreement
 * version, shown in its view and printed in its PDF.
 */
export interface MinimumWageRise {
  /** From this date (YYYY-MM-DD) on. */
  from: string;
  /** A birthday (youth rates rise each year until 21), a new period of the table, or both. */
  reasons: MinimumWageRiseReason[];
  /** The student's age on `from`; null without a date of birth (adult rate throughout). */
  age: number | null;
  /** The table period whose rates apply on `from`. */
  effectiveFrom: string;
  hourlyCents: number;
  minimumMonthlyCents: number;
}

/**
 * Every date in (start, end] on which the minimum can change: the student's birthdays that still
 * change the youth rate (up to the adult age) and the first day of each later period of the table
 * (indexation on 1 January and 1 July). With the reasons each date has.
 */
export function minimumWageChangeDates(
  start: string,
  end: string,
  dateOfBirth: string | null,
  table: readonly MinimumWagePeriod[] = MINIMUM_WAGE_TABLE,
): { date: string; reasons: MinimumWageRiseReason[] }[] {
  const dates = new Map<string, MinimumWageRiseReason[]>();
  const add = (date: string, reason: MinimumWageRiseReason) => {
    if (date > start && date <= end) dates.set(date, [...(dates.get(date) ?? []), reason]);
  };
  if (dateOfBirth) {
    for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) {
      const birthday = birthdayIn(dateOfBirth, year);
      const turns = ageOn(dateOfBirth, birthday);
      if (turns > YOUNGEST_MINIMUM_WAGE_AGE && turns <= ADULT_MINIMUM_WAGE_AGE)
        add(birthday, 'birthday');
    }
  }
  for (const period of table) add(period.effectiveFrom, 'rate_change');
  return [...dates.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, reasons]) => ({ date, reasons }));
}

/**
 * Where a salary that is legal on `start` falls below the minimum later in the contract: each
 * date in (start, end] on which the minimum rises above the salary and above the minimum before
 * it (so every step the salary must take is listed once). Rates after the table's last period
 * are not known yet; the last known ones apply, so later indexations come on top of these.
 */
export function minimumWageRises(
  salaryMonthlyCents: number,
  hoursPerWeek: number,
  start: string,
  end: string,
  dateOfBirth: string | null,
  table: readonly MinimumWagePeriod[] = MINIMUM_WAGE_TABLE,
): MinimumWageRise[] {
  let previous = minimumMonthlyWage(start, hoursPerWeek, dateOfBirth, table).monthlyCents;
  const rises: MinimumWageRise[] = [];
  for (const { date, reasons } of minimumWageChangeDates(start, end, dateOfBirth, table)) {
    const min = minimumMonthlyWage(date, hoursPerWeek, dateOfBirth, table);
    if (min.monthlyCents > previous && min.monthlyCents > salaryMonthlyCents) {
      rises.push({
        from: date,
        reasons,
        age: min.age,
        effectiveFrom: min.effectiveFrom,
        hourlyCents: min.hourlyCents,
        minimumMonthlyCents: min.monthlyCents,
      });
    }
    previous = Math.max(previous, min.monthlyCents);
  }
  return rises;
}
