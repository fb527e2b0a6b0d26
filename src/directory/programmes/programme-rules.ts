import { daysBetween, isCalendarDate } from '@app/common';
import type { FieldError } from '@app/common';
import type { AcademicQuarter, Degree } from './programme.entity';

/**
 * What each degree fixes (DOMAIN.md, glossary): an Associate degree is EQF/NLQF level 5 and
 * takes 2 years; a Bachelor is level 6 and takes 4 years. Accelerated 3-year bachelor tracks are
 * out of scope for now.
 */
export const DEGREE_RULES: Record<Degree, { label: string; level: number; nominalYears: number }> =
  {
    associate: { label: 'an Associate degree', level: 5, nominalYears: 2 },
    bachelor: { label: 'a Bachelor', level: 6, nominalYears: 4 },
  };

export interface ProgrammeRuleInput {
  degree: Degree;
  level: number;
  nominalYears: number;
  academicCalendar?: readonly AcademicQuarter[] | null;
}

/** Every rule a programme breaks, as field errors a coordinator can act on; empty when it is fine. */
export function programmeRuleErrors(programme: ProgrammeRuleInput): FieldError[] {
  return [...degreeErrors(programme), ...academicCalendarErrors(programme.academicCalendar ?? [])];
}

export function degreeErrors({ degree, level, nominalYears }: ProgrammeRuleInput): FieldError[] {
  const rule = DEGREE_RULES[degree];
  if (!rule)
    return [{ field: 'degree', message: `must be one of ${Object.keys(DEGREE_RULES).join(', ')}` }];
  const errors: FieldError[] = [];
  if (level !== rule.level) {
    errors.push({
      field: 'level',
      message: `must be ${rule.level} for ${rule.label} (EQF/NLQF level ${rule.level}), not ${level}`,
    });
  }
  if (nominalYears !== rule.nominalYears) {
    errors.push({
      field: 'nominalYears',
      message: `must be ${rule.nominalYears} for ${rule.label} (its nominal duration is ${rule.nominalYears} years), not ${nominalYears}`,
    });
  }
  return errors;
}

/**
 * The academic calendar lists its quarters in order: each ends after it starts, the next starts
 * after the previous one ends (no overlap), and its teaching and exam weeks fit inside it.
 */
export function academicCalendarErrors(quarters: readonly AcademicQuarter[]): FieldError[] {
  const errors: FieldError[] = [];
  let previous: { name: string; endDate: string } | null = null;
  quarters.forEach((quarter, index) => {
    const at = `academicCalendar.${index}`;
    const label = quarter.name ? `quarter "${quarter.name}"` : `quarter ${index + 1}`;
    const startValid = isCalendarDate(quarter.startDate);
    const endValid = isCalendarDate(quarter.endDate);
    if (!startValid)
      errors.push({ field: `${at}.startDate`, message: 'must be a date written as YYYY-MM-DD' });
    if (!endValid)
      errors.push({ field: `${at}.endDate`, message: 'must be a date written as YYYY-MM-DD' });
    if (!startValid || !endValid) {
      previous = null;
      return;
    }
    const length = daysBetween(quarter.startDate, quarter.endDate);
    if (length <= 0) {
      errors.push({
        field: `${at}.endDate`,
        message: `${label} must end after it starts (${quarter.startDate}), not on ${quarter.endDate}`,
      });
    } else {
      const weeksAvailable = Math.ceil((length + 1) / 7);
      const weeksPlanned = quarter.teachingWeeks + quarter.examWeeks;
      if (weeksPlanned > weeksAvailable) {
        errors.push({
          field: `${at}.teachingWeeks`,
          message: `${label} has ${quarter.teachingWeeks} teaching and ${quarter.examWeeks} exam weeks, more than the ${weeksAvailable} weeks from ${quarter.startDate} to ${quarter.endDate}`,
        });
      }
    }
    if (previous && daysBetween(previous.endDate, quarter.startDate) <= 0) {
      errors.push({
        field: `${at}.startDate`,
        message: `${label} must start after the previous quarter "${previous.name}" ends (${previous.endDate}): list quarters in order, without overlap`,
      });
    }
    previous = { name: quarter.name, endDate: quarter.endDate };
  });
  return errors;
}
