import {
  addYears,
  AgreementTerms,
  checkTerms,
  monthsCovered,
  TermsContext,
} from './agreement-terms';
import { ageOn, minimumMonthlyWage, minimumWageChangeDates } from './minimum-wage';
import { validTerms } from './terms.fixture';

const COMPANY = 'company-1';

const ctx = (over: Partial<TermsContext> = {}): TermsContext => ({
  studentDateOfBirth: '2000-01-01',
  workplaceCompanyId: COMPANY,
  supervisor: { companyId: COMPANY, hoursPerWeek: 4 },
  programmeNominalYears: 2,
  ...over,
});

type Mutate = (t: AgreementTerms) => void;
const check = (mutate: Mutate, c: TermsContext = ctx()) => {
  const t = validTerms();
  mutate(t);
  return checkTerms(t, c);
};
const fields = (mutate: Mutate, c?: TermsContext) => check(mutate, c).errors.map((e) => e.field);

describe('agreement terms', () => {
  it('accepts valid terms without warnings', () => {
    expect(checkTerms(validTerms(), ctx())).toEqual({
      errors: [],
      warnings: [],
      minimumWageRises: [],
    });
  });

  it('wants the end date after the start date (WHW 7.7(5) period of work)', () => {
    expect(fields((t) => (t.endDate = t.startDate))).toEqual(['terms.endDate']);
    expect(check((t) => (t.endDate = '2026-01-01')).errors[0].message).toMatch(
      /WHW art\. 7\.7\(5\)/,
    );
  });

  it('bounds contract months to 1–60 and advises 24 without blocking', () => {
    expect(fields((t) => (t.employment.contractMonths = 0))).toEqual([
      'terms.employment.contractMonths',
    ]);
    expect(fields((t) => (t.employment.contractMonths = 61))).toEqual([
      'terms.employment.contractMonths',
    ]);
    const short = check((t) => (t.employment.contractMonths = 12));
    expect(short.errors).toEqual([]);
    expect(short.warnings.map((w) => w.field)).toEqual(['terms.employment.contractMonths']);
    expect(short.warnings[0].message).toMatch(/advised 24/);
  });

  it("flags an end before the programme's nominal duration, without blocking", () => {
    const early = check((t) => (t.endDate = '2027-08-31'));
    expect(early.errors).toEqual([]);
    expect(early.warnings.map((w) => w.field)).toContain('terms.endDate');
    expect(early.warnings.find((w) => w.field === 'terms.endDate')!.message).toMatch(
      /nominal duration of 2 years would \(2028-08-31\)/,
    );
    expect(check(() => undefined, ctx({ programmeNominalYears: null })).warnings).toEqual([]);
  });

  it('counts whole months covered and adds years on the calendar', () => {
    expect(monthsCovered('2026-09-01', '2028-08-31')).toBe(24);
    expect(monthsCovered('2026-09-15', '2026-10-14')).toBe(1);
    expect(monthsCovered('2026-09-15', '2026-10-13')).toBe(0);
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });

  it('warns when a fixed-term contract ends before the agreement does', () => {
    const w = check((t) => (t.employment.contractMonths = 18)).warnings;
    expect(w.map((x) => x.field)).toEqual(['terms.employment.contractMonths']);
    expect(w[0].message).toMatch(/18 months ends before the agreement's 24 months/);
    const permanent = check((t) => {
      t.employment.contractType = 'permanent';
      t.employment.contractMonths = 24;
    });
    expect(permanent.warnings).toEqual([]);
  });

  it('bounds hours per week to 1–40', () => {
    expect(fields((t) => (t.employment.hoursPerWeek = 0))).toContain(
      'terms.employment.hoursPerWeek',
    );
    expect(fields((t) => (t.employment.hoursPerWeek = 41))).toContain(
      'terms.employment.hoursPerWeek',
    );
    expect(fields((t) => (t.employment.hoursPerWeek = 40))).toEqual([]);
  });

  describe('minimum wage (Wet minimumloon; Rijksoverheid "Bedragen minimumloon 2026")', () => {
    it('computes age on the start date, birthdays included', () => {
      expect(ageOn('2006-09-01', '2026-09-01')).toBe(20);
      expect(ageOn('2006-09-02', '2026-09-01')).toBe(19);
    });

    it('uses the adult hourly rate times hours times 52/12', () => {
      const min = minimumMonthlyWage('2026-09-01', 40, null);
      expect(min).toMatchObject({
        age: null,
        rateAge: 21,
        effectiveFrom: '2026-01-01',
        hourlyCents: 1471,
      });
      expect(min.monthlyCents).toBe(Math.ceil((1471 * 40 * 52) / 12));
    });

    it('uses the period in force on the start date', () => {
      expect(minimumMonthlyWage('2025-08-01', 40, null).hourlyCents).toBe(1440);
    });

    it('refuses a salary below the adult minimum and says why the adult rate applies', () => {
      const r = check(
        (t) => (t.employment.grossMonthlySalaryCents = 150_000),
        ctx({ studentDateOfBirth: null }),
      );
      expect(r.errors.map((e) => e.field)).toEqual(['terms.employment.grossMonthlySalaryCents']);
      expect(r.errors[0].message).toMatch(/adult rate, because the student has no date of birth/);
      expect(r.errors[0].message).toMatch(/Bedragen minimumloon 2026/);
    });

    it('applies the youth rate for an 18-year-old', () => {
      const young = ctx({ studentDateOfBirth: '2008-03-01' });
      const salary =
        (cents: number): Mutate =>
        (t) =>
          (t.employment.grossMonthlySalaryCents = cents);
      const youthMin = minimumMonthlyWage('2026-09-01', 32, '2008-03-01');
      expect(youthMin.rateAge).toBe(18);
      expect(fields(salary(youthMin.monthlyCents), young)).toEqual([]);
      expect(check(salary(youthMin.monthlyCents - 1), young).errors[0].message).toMatch(
        /rate for age 18/,
      );
    });
  });

  describe('minimum wage over the contract (youth rates rise at each birthday until 21)', () => {
    const monthly = (hourlyCents: number, hours = 32) => Math.ceil((hourlyCents * hours * 52) / 12);
    const salary =
      (cents: number, more: Mutate = () => undefined): Mutate =>
      (t) => {
        t.employment.grossMonthlySalaryCents = cents;
        more(t);
      };
    const born2008 = ctx({ studentDateOfBirth: '2008-03-01' }); // 18 on 2026-09-01

    it('warns at each birthday inside the contract from which the salary must rise, with date and amount', () => {
      const r = check(salary(monthly(736)), born2008); // legal at 18, 2026 rates
      expect(r.errors).toEqual([]);
      expect(r.minimumWageRises).toEqual([
        {
          from: '2027-03-01',
          reasons: ['birthday'],
          age: 19,
          effectiveFrom: '2026-01-01',
          hourlyCents: 883,
          minimumMonthlyCents: monthly(883),
        },
        {
          from: '2028-03-01',
          reasons: ['birthday'],
          age: 20,
          effectiveFrom: '2026-01-01',
          hourlyCents: 1177,
          minimumMonthlyCents: monthly(1177),
        },
      ]);
      const wage = r.warnings.filter((w) => w.field === 'terms.employment.grossMonthlySalaryCents');
      expect(wage).toHaveLength(2);
      expect(wage[0].message).toMatch(/^from 2027-03-01 \(the student turns 19\)/);
      expect(wage[0].message).toContain(`€${(monthly(883) / 100).toFixed(2)} a month`);
    });

    it('lists nothing when the salary covers every birthday of the contract', () => {
      const r = check(salary(monthly(1177)), born2008);
      expect(r).toMatchObject({ errors: [], warnings: [], minimumWageRises: [] });
    });

    it('still refuses a salary below the rate on the start date', () => {
      const r = check(salary(monthly(736) - 1), born2008);
      expect(r.errors.map((e) => e.field)).toEqual(['terms.employment.grossMonthlySalaryCents']);
      expect(r.minimumWageRises.map((x) => x.from)).toEqual(['2027-03-01', '2028-03-01']);
    });

    it("looks only inside the contract: a fixed-term contract's months, a permanent one up to the end date", () => {
      const sixMonths = check(
        salary(monthly(736), (t) => (t.employment.contractMonths = 6)), // ends 2027-02-28
        born2008,
      );
      expect(sixMonths.minimumWageRises).toEqual([]);
      const sevenMonths = check(
        salary(monthly(736), (t) => (t.employment.contractMonths = 7)), // ends 2027-03-31
        born2008,
      );
      expect(sevenMonths.minimumWageRises.map((x) => x.from)).toEqual(['2027-03-01']);
      const permanent = check(
        salary(monthly(736), (t) => {
          t.employment.contractType = 'permanent';
          t.employment.contractMonths = 6; // says nothing about when a permanent contract ends
        }),
        born2008,
      );
      expect(permanent.minimumWageRises.map((x) => x.from)).toEqual(['2027-03-01', '2028-03-01']);
    });

    it('uses the rate in force on each birthday, and counts new rates (1 January, 1 July) too', () => {
      // 17 on 2025-09-01 (2025-07-01 rates), 18 on 2025-12-15, new rates on 2026-01-01.
      const r = check(
        salary(monthly(569), (t) => {
          t.startDate = '2025-09-01';
          t.endDate = '2026-08-31';
          t.employment.contractMonths = 12;
        }),
        ctx({ studentDateOfBirth: '2007-12-15', programmeNominalYears: 1 }),
      );
      expect(r.errors).toEqual([]);
      expect(
        r.minimumWageRises.map(({ from, reasons, age, hourlyCents }) => ({
          from,
          reasons,
          age,
          hourlyCents,
        })),
      ).toEqual([
        { from: '2025-12-15', reasons: ['birthday'], age: 18, hourlyCents: 720 },
        { from: '2026-01-01', reasons: ['rate_change'], age: 18, hourlyCents: 736 },
      ]);
      const adult = check(
        salary(monthly(1440), (t) => {
          t.startDate = '2025-09-01';
          t.endDate = '2026-08-31';
          t.employment.contractMonths = 12;
        }),
        ctx({ studentDateOfBirth: null, programmeNominalYears: 1 }),
      );
      expect(adult.minimumWageRises).toEqual([
        expect.objectContaining({ from: '2026-01-01', reasons: ['rate_change'], age: null }),
      ]);
      expect(
        adult.warnings.find((w) => w.field === 'terms.employment.grossMonthlySalaryCents')!.message,
      ).toMatch(/^from 2026-01-01 \(new rates from 2026-01-01\)/);
    });

    it('knows on which dates the minimum can change (29 February counts on 1 March)', () => {
      expect(minimumWageChangeDates('2026-09-01', '2029-08-31', '2008-02-29')).toEqual([
        { date: '2027-03-01', reasons: ['birthday'] },
        { date: '2028-02-29', reasons: ['birthday'] },
        { date: '2029-03-01', reasons: ['birthday'] },
      ]);
      expect(
        minimumWageChangeDates('2025-06-01', '2026-06-30', '2006-01-01').map((d) => d.reasons),
      ).toEqual([['rate_change'], ['birthday', 'rate_change']]);
      // Past 21 a birthday changes nothing.
      expect(minimumWageChangeDates('2026-09-01', '2030-08-31', '2000-01-01')).toEqual([]);
    });
  });

  it('keeps paid study hours within the contract hours', () => {
    expect(fields((t) => (t.studySupport.paidStudyHoursPerWeek = 33))).toEqual([
      'terms.studySupport.paidStudyHoursPerWeek',
    ]);
    expect(fields((t) => (t.studySupport.paidStudyHoursPerWeek = 32))).toEqual([]);
  });

  it('bounds tuition reimbursed to 0–100 percent', () => {
    expect(fields((t) => (t.studySupport.tuitionReimbursedPercent = 101))).toEqual([
      'terms.studySupport.tuitionReimbursedPercent',
    ]);
    expect(fields((t) => (t.studySupport.tuitionReimbursedPercent = -1))).toEqual([
      'terms.studySupport.tuitionReimbursedPercent',
    ]);
  });

  it('knows only laptop, books, travel and exam fees as costs', () => {
    expect(fields((t) => (t.studySupport.costsCovered = ['yacht' as never]))).toEqual([
      'terms.studySupport.costsCovered',
    ]);
  });

  it('wants school days on weekdays', () => {
    expect(fields((t) => (t.studySupport.schoolDays = ['saturday']))).toEqual([
      'terms.studySupport.schoolDays',
    ]);
  });

  it('wants a supervisor of the workplace company with coaching hours', () => {
    expect(fields(() => undefined, ctx({ supervisor: null }))).toEqual([
      'terms.workplace.supervisorId',
    ]);
    expect(
      fields(() => undefined, ctx({ supervisor: { companyId: 'other', hoursPerWeek: 4 } })),
    ).toEqual(['terms.workplace.supervisorId']);
    expect(
      fields(() => undefined, ctx({ supervisor: { companyId: COMPANY, hoursPerWeek: 0 } })),
    ).toEqual(['terms.workplace.supervisorId']);
  });

  describe('minimum contents (WHW art. 7.7(5))', () => {
    it('wants at least one competence with its assessment', () => {
      expect(fields((t) => (t.competences = []))).toEqual(['terms.competences']);
      expect(fields((t) => (t.competences = [{ name: 'Plannen', assessment: ' ' }]))).toEqual([
        'terms.competences',
      ]);
    });
    it('wants at least one early-termination ground', () => {
      expect(fields((t) => (t.termination.earlyTerminationGrounds = []))).toEqual([
        'terms.termination.earlyTerminationGrounds',
      ]);
    });
    it('wants notice of 0 weeks or more', () => {
      expect(fields((t) => (t.termination.noticeWeeks = -1))).toEqual([
        'terms.termination.noticeWeeks',
      ]);
    });
    it('bounds progress meetings to every 1–26 weeks', () => {
      expect(fields((t) => (t.monitoring.progressMeetingEveryWeeks = 0))).toEqual([
        'terms.monitoring.progressMeetingEveryWeeks',
      ]);
      expect(fields((t) => (t.monitoring.progressMeetingEveryWeeks = 27))).toEqual([
        'terms.monitoring.progressMeetingEveryWeeks',
      ]);
    });
    it('wants at least one workplace visit a year', () => {
      expect(fields((t) => (t.monitoring.workplaceVisitsPerYear = 0))).toEqual([
        'terms.monitoring.workplaceVisitsPerYear',
      ]);
    });
  });

  describe('repayment clause', () => {
    const clause = {
      trainingMandatedBy: 'none' as const,
      percent: 50,
      monthsAfterGraduation: 24,
      linearDecline: true,
    };
    it('accepts a lawful clause', () => {
      expect(fields((t) => (t.repayment = clause))).toEqual([]);
    });
    it.each(['law', 'cao', 'regulation'] as const)(
      'refuses a clause for training mandated by %s (BW 7:611a)',
      (by) => {
        const r = check((t) => (t.repayment = { ...clause, trainingMandatedBy: by }));
        expect(r.errors.map((e) => e.field)).toEqual(['terms.repayment']);
        expect(r.errors[0].message).toMatch(/ECLI:NL:HR:2025:1386/);
      },
    );
    it('bounds percent and benefit period', () => {
      expect(fields((t) => (t.repayment = { ...clause, percent: 101 }))).toEqual([
        'terms.repayment.percent',
      ]);
      expect(fields((t) => (t.repayment = { ...clause, monthsAfterGraduation: 0 }))).toEqual([
        'terms.repayment.monthsAfterGraduation',
      ]);
      expect(fields((t) => (t.repayment = { ...clause, monthsAfterGraduation: 61 }))).toEqual([
        'terms.repayment.monthsAfterGraduation',
      ]);
    });
    it('wants a linear decline (Muller/Van Opzeeland)', () => {
      const r = check((t) => (t.repayment = { ...clause, linearDecline: false }));
      expect(r.errors[0]).toMatchObject({ field: 'terms.repayment.linearDecline' });
      expect(r.errors[0].message).toMatch(/Muller\/Van Opzeeland/);
    });
  });
});
