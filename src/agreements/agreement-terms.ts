import type { AgreementTerms } from './agreement-terms.types';
import type { FieldError } from '@app/common';
import { COSTS_COVERED, LIMITS, SCHOOL_WEEKDAYS, SOURCES } from './agreement-rules.config';
import { addYears, contractEndDate, dayBefore, monthsCovered } from './contract-period';
import { minimumMonthlyWage, MinimumWageRise, minimumWageRises } from './minimum-wage';

export type { AgreementTerms };
export { addYears, monthsCovered };

/** What the rules need besides the terms; the service looks it up. */
export interface TermsContext {
  /** The student's date of birth, for the youth minimum wage; null → the adult rate. */
  studentDateOfBirth: string | null;
  /** The company the student works at: the employer company, or the host when seconded. */
  workplaceCompanyId: string | null;
  /** The supervisor named in the terms, or null when no such supervisor exists. */
  supervisor: { companyId: string; hoursPerWeek: number } | null;
  /** The nominal duration of the student's programme in years (Ad 2, Bachelor 4), if known. */
  programmeNominalYears: number | null;
}

export interface TermsCheck {
  /** Blocking: the terms cannot be saved or submitted. */
  errors: FieldError[];
  /** Advice only (e.g. a contract shorter than advised). */
  warnings: FieldError[];
  /**
   * Dates inside the contract from which the salary is below the statutory minimum (a birthday
   * or a new rate), each also a warning. Persisted with the version: the view and PDF show them.
   */
  minimumWageRises: MinimumWageRise[];
}

type Rule = (terms: AgreementTerms, ctx: TermsContext, out: TermsCheck) => void;

const euro = (cents: number) => `€${(cents / 100).toFixed(2)}`;
const between = (v: number, min: number, max: number) => v >= min && v <= max;

/**
 * The period of work (WHW 7.7(5)): the end after the start. An end before the programme's nominal
 * duration is allowed (exemptions, a second agreement later: DOMAIN "unless stated") but flagged,
 * so the coordinator states it deliberately rather than by a typo.
 */
const periodRule: Rule = (t, c, out) => {
  if (t.endDate <= t.startDate) {
    out.errors.push({
      field: 'terms.endDate',
      message: `must be after the start date ${t.startDate}: the agreement must state the period of work (${SOURCES.whw775})`,
    });
    return;
  }
  if (!c.programmeNominalYears) return;
  const nominalEnd = dayBefore(addYears(t.startDate, c.programmeNominalYears));
  if (t.endDate < nominalEnd) {
    out.warnings.push({
      field: 'terms.endDate',
      message: `ends before the programme's nominal duration of ${c.programmeNominalYears} years would (${nominalEnd}); that is allowed when intended (e.g. exemptions, or a follow-up agreement), so check it`,
    });
  }
};

const employmentRule: Rule = (t, _c, out) => {
  const e = t.employment;
  const m = LIMITS.contractMonths;
  const field = 'terms.employment.contractMonths';
  const period = t.endDate > t.startDate ? monthsCovered(t.startDate, t.endDate) : 0;
  if (!between(e.contractMonths, m.min, m.max)) {
    out.errors.push({ field, message: `must be between ${m.min} and ${m.max} months` });
  } else if (e.contractType === 'fixed_term' && e.contractMonths < period) {
    out.warnings.push({
      field,
      message: `a fixed-term contract of ${e.contractMonths} months ends before the agreement's ${period} months: the student may lose the workplace mid-programme (advised ${m.advised} months or the whole period; ${SOURCES.routeGuide})`,
    });
  } else if (e.contractMonths < m.advised) {
    out.warnings.push({
      field,
      message: `${e.contractMonths} months is shorter than the advised ${m.advised}: the contract may end before the programme does (${SOURCES.routeGuide})`,
    });
  }
  const h = LIMITS.hoursPerWeek;
  if (!between(e.hoursPerWeek, h.min, h.max)) {
    out.errors.push({
      field: 'terms.employment.hoursPerWeek',
      message: `must be between ${h.min} and ${h.max} hours a week (${SOURCES.arbeidstijdenwet})`,
    });
  }
};

/**
 * Statutory minimum wage (Wet minimumloon). Below the rate on the start date the terms are
 * refused. Youth rates rise at every birthday until 21 and the rates are indexed on 1 January and
 * 1 July, so a salary that is legal at the start can underpay later: every such date inside the
 * contract (a fixed-term contract's months; a permanent one up to the agreement's end) becomes a
 * warning naming the date and the monthly amount the salary must rise to.
 */
const minimumWageRule: Rule = (t, c, out) => {
  const e = t.employment;
  if (!between(e.hoursPerWeek, LIMITS.hoursPerWeek.min, LIMITS.hoursPerWeek.max)) return;
  const field = 'terms.employment.grossMonthlySalaryCents';
  const min = minimumMonthlyWage(t.startDate, e.hoursPerWeek, c.studentDateOfBirth);
  if (e.grossMonthlySalaryCents < min.monthlyCents) {
    const who =
      min.age === null
        ? 'the adult rate, because the student has no date of birth on record (add it to apply a youth rate)'
        : `the rate for age ${min.rateAge}${min.rateAge === 21 ? ' and older' : ''} (the student is ${min.age} on ${t.startDate})`;
    out.errors.push({
      field,
      message: `${euro(e.grossMonthlySalaryCents)} a month is below the statutory minimum of ${euro(min.monthlyCents)} for ${e.hoursPerWeek} hours a week at ${euro(min.hourlyCents)} an hour, ${who}; rates from ${min.effectiveFrom} (${SOURCES.minimumWage})`,
    });
  }
  const end = contractPeriodEnd(t);
  if (!end) return;
  const rises = minimumWageRises(
    e.grossMonthlySalaryCents,
    e.hoursPerWeek,
    t.startDate,
    end,
    c.studentDateOfBirth,
  );
  for (const rise of rises) {
    const why = [
      rise.reasons.includes('birthday') ? `the student turns ${rise.age}` : null,
      rise.reasons.includes('rate_change') ? `new rates from ${rise.effectiveFrom}` : null,
    ].filter(Boolean);
    out.warnings.push({
      field,
      message: `from ${rise.from} (${why.join(' and ')}) the statutory minimum is ${euro(rise.minimumMonthlyCents)} a month for ${e.hoursPerWeek} hours a week at ${euro(rise.hourlyCents)} an hour: the salary of ${euro(e.grossMonthlySalaryCents)} must rise to at least that by then (rates known today; later indexations add to it; ${SOURCES.minimumWage})`,
    });
  }
  out.minimumWageRises.push(...rises);
};

/**
 * The last day the salary of these terms is paid under this agreement: a fixed-term contract's
 * last day, a permanent contract's up to the agreement's end date. Null when the terms are too
 * broken to say (other rules report that).
 */
function contractPeriodEnd(t: AgreementTerms): string | null {
  if (t.endDate <= t.startDate) return null;
  const months = t.employment.contractMonths;
  if (t.employment.contractType === 'fixed_term' && !between(months, 1, LIMITS.contractMonths.max))
    return null;
  return contractEndDate(t) ?? t.endDate;
}

const studySupportRule: Rule = (t, _c, out) => {
  const s = t.studySupport;
  if (s.paidStudyHoursPerWeek < 0 || s.paidStudyHoursPerWeek > t.employment.hoursPerWeek) {
    out.errors.push({
      field: 'terms.studySupport.paidStudyHoursPerWeek',
      message: `must be between 0 and the ${t.employment.hoursPerWeek} contract hours a week: paid study hours are part of the contract hours`,
    });
  }
  const p = LIMITS.tuitionReimbursedPercent;
  if (!between(s.tuitionReimbursedPercent, p.min, p.max)) {
    out.errors.push({
      field: 'terms.studySupport.tuitionReimbursedPercent',
      message: `must be a percentage between ${p.min} and ${p.max}`,
    });
  }
  const unknownCost = s.costsCovered.find((x) => !(COSTS_COVERED as readonly string[]).includes(x));
  if (unknownCost !== undefined) {
    out.errors.push({
      field: 'terms.studySupport.costsCovered',
      message: `"${unknownCost}" is not a cost we know; use ${COSTS_COVERED.join(', ')}`,
    });
  }
  const notWeekday = s.schoolDays.find((d) => !(SCHOOL_WEEKDAYS as readonly string[]).includes(d));
  if (notWeekday !== undefined) {
    out.errors.push({
      field: 'terms.studySupport.schoolDays',
      message: `"${notWeekday}" is not a weekday on which the university teaches (${SCHOOL_WEEKDAYS.join(', ')})`,
    });
  }
};

const supervisorRule: Rule = (_t, c, out) => {
  const field = 'terms.workplace.supervisorId';
  if (!c.supervisor) {
    out.errors.push({
      field,
      message: `names no known supervisor: the agreement must say who supervises the student (${SOURCES.whw775})`,
    });
  } else if (c.supervisor.companyId !== c.workplaceCompanyId) {
    out.errors.push({
      field,
      message:
        'is not a supervisor of the company where the student works (the employer company, or the host company when seconded)',
    });
  } else if (!(c.supervisor.hoursPerWeek > 0)) {
    out.errors.push({
      field,
      message: `this supervisor has no coaching hours per week; supervision must be real (${SOURCES.whw775})`,
    });
  }
};

const minimumContentsRule: Rule = (t, _c, out) => {
  if (
    t.competences.length === 0 ||
    t.competences.some((x) => !x.name.trim() || !x.assessment.trim())
  ) {
    out.errors.push({
      field: 'terms.competences',
      message: `name at least one competence reached at work, each with how it is assessed (${SOURCES.whw775})`,
    });
  }
  if (t.termination.earlyTerminationGrounds.filter((g) => g.trim()).length === 0) {
    out.errors.push({
      field: 'terms.termination.earlyTerminationGrounds',
      message: `state at least one ground on which the agreement can end early (${SOURCES.whw775})`,
    });
  }
  if (t.termination.noticeWeeks < LIMITS.noticeWeeks.min) {
    out.errors.push({ field: 'terms.termination.noticeWeeks', message: 'must be 0 or more weeks' });
  }
  const pm = LIMITS.progressMeetingEveryWeeks;
  if (!between(t.monitoring.progressMeetingEveryWeeks, pm.min, pm.max)) {
    out.errors.push({
      field: 'terms.monitoring.progressMeetingEveryWeeks',
      message: `must be every ${pm.min} to ${pm.max} weeks: how the student is supervised is part of the agreement (${SOURCES.whw775})`,
    });
  }
  if (t.monitoring.workplaceVisitsPerYear < LIMITS.workplaceVisitsPerYear.min) {
    out.errors.push({
      field: 'terms.monitoring.workplaceVisitsPerYear',
      message: `the university must visit the workplace at least once a year (${SOURCES.whw775})`,
    });
  }
};

const repaymentRule: Rule = (t, _c, out) => {
  const r = t.repayment;
  if (!r) return;
  if (r.trainingMandatedBy !== 'none') {
    out.errors.push({
      field: 'terms.repayment',
      message: `a repayment clause is void for training the employer must provide by ${r.trainingMandatedBy}; remove the clause (${SOURCES.bw7611a})`,
    });
  }
  const p = LIMITS.repaymentPercent;
  if (!between(r.percent, p.min, p.max)) {
    out.errors.push({
      field: 'terms.repayment.percent',
      message: `must be a percentage between ${p.min} and ${p.max} of the actual study costs`,
    });
  }
  const m = LIMITS.repaymentMonthsAfterGraduation;
  if (!between(r.monthsAfterGraduation, m.min, m.max)) {
    out.errors.push({
      field: 'terms.repayment.monthsAfterGraduation',
      message: `the benefit period must be between ${m.min} and ${m.max} months after graduation (${SOURCES.mullerVanOpzeeland})`,
    });
  }
  if (r.linearDecline !== true) {
    out.errors.push({
      field: 'terms.repayment.linearDecline',
      message: `the amount to repay must decline pro rata over the benefit period (${SOURCES.mullerVanOpzeeland})`,
    });
  }
};

export const TERMS_RULES: readonly Rule[] = [
  periodRule,
  employmentRule,
  minimumWageRule,
  studySupportRule,
  supervisorRule,
  minimumContentsRule,
  repaymentRule,
];

/** Every rule over the terms; the order of the result follows the order of the rules. */
export function checkTerms(terms: AgreementTerms, context: TermsContext): TermsCheck {
  const out: TermsCheck = { errors: [], warnings: [], minimumWageRises: [] };
  for (const rule of TERMS_RULES) rule(terms, context, out);
  return out;
}
