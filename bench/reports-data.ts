/**
 * The national data set of `npm run bench:reports`, written by SQL in a few statements (a
 * 100,000-agreement set through the API would take hours): UNIVERSITIES universities with
 * ROUTES_PER_UNIVERSITY programmes of one route each, COMPANIES companies with a supervisor
 * each, STUDENTS students spread over the routes and five cohorts, each with one agreement
 * and its version, an employment under it and 40 weeks of guidance log. Statuses are mixed as a national programme's would be: most active, then
 * completed (on time or late, most staying), dropouts (some staying on), other terminations.
 * A tenth of the students had an earlier agreement with another employer (switches).
 */
import { Client } from 'pg';
import { REBUILD_OUTCOME_FACTS } from '../migrations/1796440000000-AgreementRoute';
import { insertSubsidyEmployer } from './subsidy-data';

export interface NationalScale {
  universities: number;
  routesPerUniversity: number;
  companies: number;
  students: number;
  /** Placements of the one employer whose subsidy report is measured (bench/subsidy-data.ts). */
  subsidyPlacements: number;
}

export interface NationalData {
  /** By name. */
  universities: string[];
  subsidyCompanyId: string;
}

const TERMS = `jsonb_build_object(
  'startDate', '2024-09-01', 'endDate', '2026-08-31',
  'employment', jsonb_build_object('contractType', 'fixed_term', 'contractMonths', 24,
    'hoursPerWeek', 32, 'grossMonthlySalaryCents', 280000,
    'functionTitle', CASE WHEN n % 7 = 0 THEN 'Uitvoerder' ELSE 'Werkvoorbereider' END),
  'workplace', jsonb_build_object('location', 'Utrecht', 'supervisorId', sup.id),
  'studySupport', jsonb_build_object('paidStudyHoursPerWeek', 4 + n % 5,
    'tuitionReimbursedPercent', (n % 5) * 25, 'costsCovered', '[]'::jsonb, 'schoolDays', '["friday"]'::jsonb),
  'repayment', NULL,
  'monitoring', jsonb_build_object('progressMeetingEveryWeeks', 10, 'workplaceVisitsPerYear', 2),
  'competences', '[]'::jsonb,
  'termination', jsonb_build_object('noticeWeeks', 4, 'earlyTerminationGrounds', '[]'::jsonb))`;

export async function seedNationalScale(db: Client, scale: NationalScale): Promise<NationalData> {
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO universities (id, name, brin_code)
     SELECT gen_random_uuid(), 'Hogeschool ' || u, lpad(u::text, 2, '0') || 'BN'
     FROM generate_series(1, $1) u`,
    [scale.universities],
  );
  await db.query(
    `INSERT INTO programmes (id, university_id, name, croho_code, degree, level, nominal_years)
     SELECT gen_random_uuid(), u.id, 'Ad programma ' || p, (80000 + p)::text, 'associate', 5, 2
     FROM universities u, generate_series(1, $1) p`,
    [scale.routesPerUniversity],
  );
  await db.query(
    `INSERT INTO routes (id, university_id, programme_id, name, phase)
     SELECT gen_random_uuid(), university_id, id, 'Mkb-route ' || name, 'running' FROM programmes`,
  );
  await db.query(
    `INSERT INTO companies (id, name, kvk_number, sbi_code, employee_count, postcode)
     SELECT gen_random_uuid(), 'Bedrijf ' || c, lpad(c::text, 8, '0'), '41', 20 + c % 200, '3511AB'
     FROM generate_series(1, $1) c`,
    [scale.companies],
  );
  await db.query(
    `INSERT INTO supervisors (id, company_id, name, email, hours_per_week, trained)
     SELECT gen_random_uuid(), id, 'Begeleider', 'begeleider@' || kvk_number || '.nl',
       2 + (hashtext(id::text) & 7), true FROM companies`,
  );
  // Bulk load: the per-row triggers (one refresh and advisory lock per student) are off while
  // the agreements are written, and the fact rows are rebuilt set-based afterwards, exactly as
  // the migration does for existing data.
  await db.query(`SET LOCAL session_replication_role = replica`);
  await insertStudentsAndAgreements(db, scale);
  const first = await db.query('SELECT id FROM universities ORDER BY name LIMIT 1');
  const subsidyCompanyId = await insertSubsidyEmployer(
    db,
    first.rows[0].id,
    scale.subsidyPlacements,
  );
  await db.query(`SET LOCAL session_replication_role = DEFAULT`);
  await db.query('DELETE FROM agreement_outcome_facts');
  await db.query(REBUILD_OUTCOME_FACTS);
  await db.query('COMMIT');
  for (const t of [
    'universities',
    'programmes',
    'routes',
    'companies',
    'supervisors',
    'students',
    'agreements',
    'agreement_versions',
    'agreement_outcome_facts',
    'employments',
    'guidance_weeks',
  ]) {
    await db.query(`VACUUM ANALYZE ${t}`);
  }
  const universities = await db.query('SELECT id FROM universities ORDER BY name');
  return { universities: universities.rows.map((r) => r.id), subsidyCompanyId };
}

async function insertStudentsAndAgreements(db: Client, scale: NationalScale): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE bench_routes AS
     SELECT row_number() OVER (ORDER BY id) - 1 AS k, id AS programme_id, university_id FROM programmes`,
  );
  await db.query(
    `CREATE TEMP TABLE bench_companies AS
     SELECT row_number() OVER (ORDER BY c.id) - 1 AS k, c.id, s.id AS supervisor_id
     FROM companies c JOIN supervisors s ON s.company_id = c.id`,
  );
  await db.query(
    `INSERT INTO students (id, university_id, programme_id, student_number, first_name, last_name,
       email, intake_group, prior_education, cohort, worked_for_employer_before)
     SELECT gen_random_uuid(), r.university_id, r.programme_id, 'N' || n, 'Zoë', 'de Vries ' || n,
       'student' || n || '@example.nl',
       (ARRAY['mbo4_graduate','employee_mbo_level','employee_hbo_level','career_switcher','havo_vwo_graduate','fulltime_dropout'])[1 + n % 6],
       'mbo4', 2021 + n % 5, n % 3 = 0
     FROM generate_series(0, $1 - 1) n
     JOIN bench_routes r ON r.k = n % (SELECT count(*) FROM bench_routes)`,
    [scale.students],
  );
  // A tenth of the students first had an agreement with another company, ended by a switch.
  // "Latest" is the greatest id (UUIDv7 in the application): the earlier agreements get ids
  // with a low prefix, the later ones a high prefix.
  await db.query(
    `CREATE TEMP TABLE bench_students AS
     SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, university_id FROM students`,
  );
  await insertAgreements(db, `n % 10 = 0`, `'terminated'`, 1, 'earlier');
  await insertAgreements(
    db,
    'true',
    `CASE WHEN n % 20 < 11 THEN 'active' WHEN n % 20 < 17 THEN 'completed' ELSE 'terminated' END`,
    0,
    'latest',
  );
  await insertEmploymentsWithGuidance(db);
}

/**
 * Each student's employment under their latest agreement, with 40 weeks of guidance log from
 * the first Monday of their period: every tenth week an absence (illness or holiday, no hours),
 * the others guided with the supervisor's 2 to 5 hours. The log's totals are kept on the
 * employment, as the log's write does (GuidanceWeeksService).
 */
async function insertEmploymentsWithGuidance(db: Client): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE bench_employments AS
     SELECT gen_random_uuid() AS id, a.id AS agreement_id, a.student_id, a.university_id,
       a.employer_company_id AS company_id, s.n
     FROM agreements a JOIN bench_students s ON s.id = a.student_id
     WHERE a.id >= 'ffffffff-0000-0000-0000-000000000000'`,
  );
  await db.query(
    `INSERT INTO employments (id, student_id, university_id, employer_type, employer_company_id,
       start_date, end_date, contract_type, hours_per_week, agreement_id)
     SELECT id, student_id, university_id, 'company', company_id, '2024-09-01', '2026-08-31',
       'fixed_term', 32, agreement_id
     FROM bench_employments`,
  );
  await db.query(
    `INSERT INTO guidance_weeks (id, employment_id, week_start, guided, absence_reason, supervisor_hours)
     SELECT gen_random_uuid(), e.id, DATE '2024-09-02' + 7 * w, w % 10 <> 9,
       CASE WHEN w % 10 = 9 THEN (ARRAY['illness','holiday'])[1 + e.n % 2] END,
       CASE WHEN w % 10 <> 9 THEN 2 + (e.n + w) % 4 END
     FROM bench_employments e, generate_series(0, 39) w`,
  );
  await db.query(
    `UPDATE employments e SET guided_hours_sum = t.hours_sum, guided_hours_weeks = t.weeks
     FROM (SELECT employment_id, sum(supervisor_hours) AS hours_sum,
             count(supervisor_hours) AS weeks
           FROM guidance_weeks GROUP BY employment_id) t
     WHERE t.employment_id = e.id AND e.id IN (SELECT id FROM bench_employments)`,
  );
}

/** One agreement (with its one active version) per selected student; `shift` picks another company. */
async function insertAgreements(
  db: Client,
  where: string,
  status: string,
  shift: number,
  kind: 'earlier' | 'latest',
): Promise<void> {
  // UUIDv7-like ordering: the later agreement's id must sort above the earlier one's.
  const id =
    kind === 'earlier'
      ? `('00000000' || substr(gen_random_uuid()::text, 9))::uuid`
      : `('ffffffff' || substr(gen_random_uuid()::text, 9))::uuid`;
  await db.query(
    `WITH src AS (
       SELECT ${id} AS id, s.n, s.id AS student_id, s.university_id, c.id AS company_id, c.supervisor_id,
         ${status} AS status
       FROM bench_students s
       JOIN bench_companies c ON c.k = (s.n * 7 + ${shift}) % (SELECT count(*) FROM bench_companies)
       WHERE ${where}
     ), a AS (
       INSERT INTO agreements (id, student_id, university_id, employer_type, employer_company_id,
         language, status, current_version_number, in_force_version_number, outcome,
         stayed_with_employer, termination_reason, employment_continued, closed_at)
       SELECT id, student_id, university_id, 'company', company_id, 'nl', status, 1, 1,
         CASE WHEN status = 'completed' THEN CASE WHEN n % 3 = 0 THEN 'graduated_with_delay' ELSE 'graduated_on_time' END END,
         CASE WHEN status = 'completed' THEN n % 4 <> 0 END,
         CASE WHEN status = 'terminated' THEN CASE WHEN ${kind === 'earlier' ? 'true' : 'false'} THEN 'employer_switch' WHEN n % 20 < 19 THEN 'dropout' ELSE 'terminated_by_employer' END END,
         CASE WHEN status = 'terminated' THEN n % 2 = 0 END,
         CASE WHEN status <> 'active' THEN now() END
       FROM src RETURNING id
     )
     INSERT INTO agreement_versions (id, agreement_id, number, status, terms, language, content_hash, activated_at)
     SELECT gen_random_uuid(), src.id, 1, 'active', ${TERMS.replace(/sup\.id/g, 'src.supervisor_id')}, 'nl',
       md5(src.id::text), now()
     FROM src`,
  );
}
