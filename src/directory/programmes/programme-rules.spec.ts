import { academicCalendarErrors, degreeErrors, programmeRuleErrors } from './programme-rules';
import type { AcademicQuarter } from './programme.entity';

const quarter = (
  name: string,
  startDate: string,
  endDate: string,
  teachingWeeks = 8,
  examWeeks = 2,
): AcademicQuarter => ({
  name,
  startDate,
  endDate,
  teachingWeeks,
  examWeeks,
});

/** A realistic 2026-2027 calendar: four quarters of ten weeks, with holidays in between. */
const calendar2026: AcademicQuarter[] = [
  quarter('Q1', '2026-08-31', '2026-11-06'),
  quarter('Q2', '2026-11-09', '2027-01-29'),
  quarter('Q3', '2027-02-01', '2027-04-16'),
  quarter('Q4', '2027-04-19', '2027-07-09'),
];

describe('degree rules', () => {
  it('accepts an Associate degree at level 5 over 2 years and a Bachelor at level 6 over 4 years', () => {
    expect(degreeErrors({ degree: 'associate', level: 5, nominalYears: 2 })).toEqual([]);
    expect(degreeErrors({ degree: 'bachelor', level: 6, nominalYears: 4 })).toEqual([]);
  });

  it('names level and nominalYears when an Associate degree says otherwise', () => {
    const errors = degreeErrors({ degree: 'associate', level: 6, nominalYears: 4 });
    expect(errors.map((e) => e.field)).toEqual(['level', 'nominalYears']);
    expect(errors[0].message).toBe('must be 5 for an Associate degree (EQF/NLQF level 5), not 6');
    expect(errors[1].message).toContain('must be 2 for an Associate degree');
  });

  it('keeps a Bachelor at 4 years (accelerated 3-year tracks are not supported)', () => {
    expect(degreeErrors({ degree: 'bachelor', level: 6, nominalYears: 3 })).toEqual([
      expect.objectContaining({
        field: 'nominalYears',
        message: expect.stringContaining('must be 4 for a Bachelor'),
      }),
    ]);
    expect(degreeErrors({ degree: 'bachelor', level: 5, nominalYears: 4 })).toEqual([
      expect.objectContaining({ field: 'level' }),
    ]);
  });
});

describe('academic calendar rules', () => {
  it('accepts an empty calendar and a calendar of ordered, non-overlapping quarters', () => {
    expect(academicCalendarErrors([])).toEqual([]);
    expect(academicCalendarErrors(calendar2026)).toEqual([]);
  });

  it('accepts a quarter whose weeks exactly fill it', () => {
    // Monday 2026-08-31 to Friday 2026-11-06 spans 10 calendar weeks.
    expect(academicCalendarErrors([quarter('Q1', '2026-08-31', '2026-11-06', 9, 1)])).toEqual([]);
  });

  it('refuses a quarter that ends on or before its start', () => {
    expect(academicCalendarErrors([quarter('Q1', '2026-09-01', '2026-09-01', 0, 0)])).toEqual([
      {
        field: 'academicCalendar.0.endDate',
        message: 'quarter "Q1" must end after it starts (2026-09-01), not on 2026-09-01',
      },
    ]);
    expect(academicCalendarErrors([quarter('Q1', '2026-09-01', '2026-08-01', 0, 0)])[0].field).toBe(
      'academicCalendar.0.endDate',
    );
  });

  it('refuses overlapping quarters and quarters out of order, naming the later quarter', () => {
    const overlapping = [
      quarter('Q1', '2026-08-31', '2026-11-06'),
      quarter('Q2', '2026-11-06', '2027-01-29'),
    ];
    expect(academicCalendarErrors(overlapping)).toEqual([
      {
        field: 'academicCalendar.1.startDate',
        message:
          'quarter "Q2" must start after the previous quarter "Q1" ends (2026-11-06): list quarters in order, without overlap',
      },
    ]);
    const outOfOrder = [calendar2026[1], calendar2026[0]];
    expect(academicCalendarErrors(outOfOrder).map((e) => e.field)).toEqual([
      'academicCalendar.1.startDate',
    ]);
  });

  it('refuses more teaching and exam weeks than the quarter holds', () => {
    const errors = academicCalendarErrors([quarter('Q1', '2026-08-31', '2026-11-06', 9, 2)]);
    expect(errors).toEqual([
      {
        field: 'academicCalendar.0.teachingWeeks',
        message:
          'quarter "Q1" has 9 teaching and 2 exam weeks, more than the 10 weeks from 2026-08-31 to 2026-11-06',
      },
    ]);
  });

  it('refuses dates that do not exist', () => {
    const errors = academicCalendarErrors([quarter('Q1', '2026-02-30', '2026-13-01')]);
    expect(errors.map((e) => e.field)).toEqual([
      'academicCalendar.0.startDate',
      'academicCalendar.0.endDate',
    ]);
  });

  it('reports every broken rule at once, degree and calendar together', () => {
    const errors = programmeRuleErrors({
      degree: 'associate',
      level: 5,
      nominalYears: 4,
      academicCalendar: [
        quarter('Q1', '2026-09-01', '2026-08-01', 0, 0),
        quarter('Q2', '2026-07-01', '2026-09-30', 8, 2),
      ],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'nominalYears',
      'academicCalendar.0.endDate',
      'academicCalendar.1.startDate',
    ]);
  });
});
