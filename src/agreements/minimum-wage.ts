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
