/**
 * The subsidy case of `npm run bench:reports`: one company with PLACEMENTS placements in
 * academic year 2025 (2025-09-01 .. 2026-08-31), each a student of a dual technology programme
 * (an eligible CROHO sector) with an active, fully signed agreement with the company, an
 * employment under it and 40 guided weeks from the year's first Monday. Written by SQL inside
 * seedNationalScale's transaction (triggers off; the outcome facts are rebuilt afterwards).
 */
import { Client } from 'pg';

const TERMS = `jsonb_build_object(
  'startDate', '2025-09-01', 'endDate', '2027-08-31',
  'employment', jsonb_build_object('contractType', 'fixed_term', 'contractMonths', 24,
    'hoursPerWeek', 32, 'grossMonthlySalaryCents', 280000, 'functionTitle', 'Werkvoorbereider'),
  'workplace', jsonb_build_object('location', 'Utrecht', 'supervisorId', src.supervisor_id),
  'studySupport', jsonb_build_object('paidStudyHoursPerWeek', 4, 'tuitionReimbursedPercent', 100,
    'costsCovered', '[]'::jsonb, 'schoolDays', '["friday"]'::jsonb),
  'repayment', NULL,
  'monitoring', jsonb_build_object('progressMeetingEveryWeeks', 10, 'workplaceVisitsPerYear', 2),
  'competences', '[]'::jsonb,
  'termination', jsonb_build_object('noticeWeeks', 4, 'earlyTerminationGrounds', '[]'::jsonb))`;

/** Returns the company's id. */
export async function insertSubsidyEmployer(
  db: Client,
  universityId: string,
  placements: number,
): Promise<string> {
  const company = await db.query(
    `INSERT INTO companies (id, name, kvk_number, sbi_code, employee_count, postcode)
     VALUES (gen_random_uuid(), 'Subsidiebedrijf Zoë', '99000001', '41', 900, '3511AB') RETURNING id`,
  );
  const companyId: string = company.rows[0].id;
  await db.query(
    `INSERT INTO supervisors (id, company_id, name, email, hours_per_week, trained)
     VALUES (gen_random_uuid(), $1, 'Begeleider', 'begeleider@subsidie.nl', 4, true)`,
    [companyId],
  );
  // The university's first programme becomes a dual technology programme: eligible.
  const programme = await db.query(
    `UPDATE programmes SET croho_sector = 'technology', study_mode = 'dual'
     WHERE id = (SELECT id FROM programmes WHERE university_id = $1 ORDER BY id LIMIT 1)
     RETURNING id`,
    [universityId],
  );
  await db.query(
    `CREATE TEMP TABLE bench_subsidy AS
     SELECT n, gen_random_uuid() AS student_id,
       ('ffffffff' || substr(gen_random_uuid()::text, 9))::uuid AS agreement_id,
       gen_random_uuid() AS employment_id,
       (SELECT id FROM supervisors WHERE company_id = $1) AS supervisor_id
     FROM generate_series(1, $2) n`,
    [companyId, placements],
  );
  await db.query(
    `INSERT INTO students (id, university_id, programme_id, student_number, first_name, last_name,
       email, intake_group, prior_education, cohort)
     SELECT student_id, $1, $2, 'SUB' || n, 'Zoë', 'Çelik ' || n, 'subsidie' || n || '@example.nl',
       'mbo4_graduate', 'mbo4', 2025
     FROM bench_subsidy`,
    [universityId, programme.rows[0].id],
  );
  await db.query(
    `INSERT INTO agreements (id, student_id, university_id, employer_type, employer_company_id,
       language, status, current_version_number, in_force_version_number)
     SELECT agreement_id, student_id, $1, 'company', $2, 'nl', 'active', 1, 1 FROM bench_subsidy`,
    [universityId, companyId],
  );
  await db.query(
    `INSERT INTO agreement_versions (id, agreement_id, number, status, terms, language, content_hash, activated_at)
     SELECT gen_random_uuid(), src.agreement_id, 1, 'active', ${TERMS}, 'nl',
       encode(sha256(src.agreement_id::text::bytea), 'hex'), now()
     FROM bench_subsidy src`,
  );
  await db.query(
    `INSERT INTO employments (id, student_id, university_id, employer_type, employer_company_id,
       start_date, end_date, contract_type, hours_per_week, agreement_id)
     SELECT employment_id, student_id, $1, 'company', $2, '2025-09-01', '2027-08-31',
       'fixed_term', 32, agreement_id
     FROM bench_subsidy`,
    [universityId, companyId],
  );
  await db.query(
    `INSERT INTO guidance_weeks (id, employment_id, week_start, guided, supervisor_hours)
     SELECT gen_random_uuid(), employment_id, DATE '2025-09-01' + 7 * w, true, 4
     FROM bench_subsidy, generate_series(0, 39) w`,
  );
  // The totals the guidance log's write keeps on each employment (40 weeks of 4 hours).
  await db.query(
    `UPDATE employments SET guided_hours_sum = 160, guided_hours_weeks = 40
      WHERE id IN (SELECT employment_id FROM bench_subsidy)`,
  );
  return companyId;
}
