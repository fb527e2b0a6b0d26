import { AggregateRow, foldAggregate } from './outcome-figures';

const row = (over: Partial<AggregateRow>): AggregateRow => ({
  route_id: null,
  route_name: null,
  cohort: 2025,
  intake_group: 'mbo4_graduate',
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
  supervisor_hours_sum: null,
  supervisor_hours_n: '0',
  tuition_sum: null,
  tuition_n: '0',
  paid_study_hours_sum: null,
  paid_study_hours_n: '0',
  companies: '0',
  companies_total: '0',
  ...over,
});

describe('foldAggregate', () => {
  const bouw = {
    route_id: 'r1',
    route_name: 'Bouw',
    cohort: 2025,
    companies: '2',
    companies_total: '2',
  };
  const agro = {
    route_id: 'r2',
    route_name: 'Agro',
    cohort: 2025,
    companies: '1',
    companies_total: '2',
  };

  it('adds the finest rows up to report rows with their intake groups, and totals', () => {
    const out = foldAggregate([
      row({
        ...bouw,
        students: '2',
        in_progress: '1',
        supervisor_hours_sum: '9',
        supervisor_hours_n: '2',
      }),
      row({
        ...bouw,
        intake_group: 'career_switcher',
        students: '1',
        supervisor_hours_sum: '4',
        supervisor_hours_n: '1',
      }),
      row({ ...agro, students: '1', dropped_out: '1', tuition_sum: '50', tuition_n: '1' }),
    ]);
    expect(out.rows.map((r) => r.routeName)).toEqual(['Agro', 'Bouw']);
    expect(out.rows[1]).toMatchObject({
      students: 3,
      inProgress: 1,
      companies: 2,
      supervisorHoursPerWeekAvg: 4.33,
      supervisorHoursPerWeekN: 3,
      tuitionReimbursedPercentAvg: null,
      tuitionReimbursedPercentN: 0,
      intakeGroups: { mbo4_graduate: 2, career_switcher: 1 },
    });
    expect(out.totals).toMatchObject({
      students: 4,
      droppedOut: 1,
      companies: 2,
      intakeGroups: { mbo4_graduate: 3, career_switcher: 1 },
      supervisorHoursPerWeekAvg: 4.33,
      tuitionReimbursedPercentAvg: 50,
      tuitionReimbursedPercentN: 1,
    });
  });

  it('gives zero figures and no rows for an empty scope', () => {
    const out = foldAggregate([]);
    expect(out.rows).toEqual([]);
    expect(out.totals).toMatchObject({
      students: 0,
      companies: 0,
      supervisorHoursPerWeekAvg: null,
      intakeGroups: {},
    });
  });
});
