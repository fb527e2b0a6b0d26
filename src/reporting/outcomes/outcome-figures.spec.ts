import { AggregateRow, foldAggregate, GROUP } from './outcome-figures';

const row = (grp: number, over: Partial<AggregateRow>): AggregateRow => ({
  grp,
  route_id: null,
  route_name: null,
  cohort: null,
  intake_group: null,
  students: '0',
  in_progress: '0',
  dropped_out: '0',
  graduated_on_time: '0',
  graduated_with_delay: '0',
  graduated_stayed: '0',
  dropped_out_stayed: '0',
  function_switches: '0',
  employer_switches: '0',
  worked_for_employer_before: '0',
  companies: '0',
  supervisor_hours_avg: null,
  supervisor_hours_n: '0',
  tuition_avg: null,
  tuition_n: '0',
  paid_study_hours_avg: null,
  paid_study_hours_n: '0',
  ...over,
});

describe('foldAggregate', () => {
  it('arranges grouping-set rows into report rows with their intake groups, and totals', () => {
    const r1 = { route_id: 'r1', route_name: 'Bouw', cohort: 2025 };
    const r2 = { route_id: 'r2', route_name: 'Agro', cohort: 2025 };
    const out = foldAggregate([
      row(GROUP.routeCohort, {
        ...r1,
        students: '3',
        supervisor_hours_avg: '4.3333',
        supervisor_hours_n: '3',
      }),
      row(GROUP.routeCohort, { ...r2, students: '1' }),
      row(GROUP.routeCohortIntake, { ...r1, intake_group: 'mbo4_graduate', students: '2' }),
      row(GROUP.routeCohortIntake, { ...r1, intake_group: 'career_switcher', students: '1' }),
      row(GROUP.routeCohortIntake, { ...r2, intake_group: 'mbo4_graduate', students: '1' }),
      row(GROUP.intake, { intake_group: 'mbo4_graduate', students: '3' }),
      row(GROUP.intake, { intake_group: 'career_switcher', students: '1' }),
      row(GROUP.all, { students: '4', companies: '2' }),
    ]);
    expect(out.rows.map((r) => r.routeName)).toEqual(['Agro', 'Bouw']);
    expect(out.rows[1]).toMatchObject({
      students: 3,
      supervisorHoursPerWeekAvg: 4.33,
      supervisorHoursPerWeekN: 3,
      tuitionReimbursedPercentAvg: null,
      tuitionReimbursedPercentN: 0,
      intakeGroups: { mbo4_graduate: 2, career_switcher: 1 },
    });
    expect(out.totals).toMatchObject({
      students: 4,
      companies: 2,
      intakeGroups: { mbo4_graduate: 3, career_switcher: 1 },
    });
  });

  it('gives zero figures and no rows for an empty scope', () => {
    const out = foldAggregate([row(GROUP.all, {})]);
    expect(out.rows).toEqual([]);
    expect(out.totals).toMatchObject({
      students: 0,
      supervisorHoursPerWeekAvg: null,
      intakeGroups: {},
    });
  });
});
