/**
 * Loads a generated matching data set (bench/matching-data.ts) into a migrated database, one
 * INSERT … SELECT FROM unnest(…) per table: each column travels as one array parameter, so
 * 50,000 students are two statements rather than thousands of multi-row VALUES. Values that are
 * arrays themselves (sectors, preferences) travel as array literals and are cast per row.
 */
import type { Client } from 'pg';
import type { MatchingData } from './matching-data';

/** Column name -> [element type of its array parameter, value of a row, cast per row?]. */
type Columns<T> = Record<
  string,
  [type: string, value: (row: T, i: number) => unknown, cast?: string]
>;

async function insertRows<T>(
  db: Client,
  table: string,
  rows: readonly T[],
  columns: Columns<T>,
): Promise<void> {
  if (rows.length === 0) return;
  const entries = Object.entries(columns);
  const alias = (i: number) => `c${i}`;
  await db.query(
    `INSERT INTO ${table} (${entries.map(([name]) => name).join(', ')})
     SELECT ${entries.map(([, [, , cast]], i) => (cast ? `${alias(i)}::${cast}` : alias(i))).join(', ')}
       FROM unnest(${entries.map(([, [type]], i) => `$${i + 1}::${type}[]`).join(', ')})
         AS u(${entries.map((_, i) => alias(i)).join(', ')})`,
    entries.map(([, [, value]]) => rows.map(value)),
  );
}

/** `{a,b}`: ids and sector letters need no quoting. */
const arrayLiteral = (items: readonly string[]): string => `{${items.join(',')}}`;

export async function loadMatchingData(
  db: Client,
  data: MatchingData,
  universityId: string,
): Promise<void> {
  const r = data.rows;
  await insertRows(db, 'universities', [universityId], {
    id: ['uuid', (id) => id],
    name: ['text', () => 'Hogeschool Bench'],
    brin_code: ['text', () => '99BM'],
  });
  await insertRows(db, 'programmes', r.programmes, {
    id: ['uuid', (p) => p.id],
    university_id: ['uuid', () => universityId],
    name: ['text', (p) => p.name],
    croho_code: ['text', (_, i) => String(80000 + i)],
    degree: ['text', () => 'associate'],
    level: ['int', () => 5],
    nominal_years: ['int', () => 2],
  });
  await insertRows(db, 'companies', r.companies, {
    id: ['uuid', (c) => c.id],
    name: ['text', (c) => c.name],
    kvk_number: ['text', (_, i) => String(10_000_000 + i)],
    sbi_code: ['text', (c) => c.sector],
    employee_count: ['int', () => 40],
    postcode: ['text', (c) => c.postcode],
    city: ['text', (c) => c.city],
    latitude: ['numeric', (c) => c.latitude],
    longitude: ['numeric', (c) => c.longitude],
  });
  await insertRows(db, 'vacancies', r.vacancies, {
    id: ['uuid', (v) => v.id],
    company_id: ['uuid', (v) => v.companyId],
    title: ['text', (v) => v.title],
    capacity: ['int', (v) => v.capacity],
    seats_taken: ['int', (v) => v.seatsTaken],
    hours_per_week: ['int', (v) => v.hoursPerWeek],
    salary_min_cents: ['int', () => 280_000],
    salary_max_cents: ['int', () => 320_000],
    start_from: ['date', (v) => v.startDate],
    start_to: ['date', (v) => v.startWindowEnd],
    postcode: ['text', (v) => v.postcode],
    latitude: ['numeric', (v) => v.latitude],
    longitude: ['numeric', (v) => v.longitude],
    sector: ['text', (v) => v.sector],
    status: ['text', (v) => (v.seatsTaken >= v.capacity ? 'filled' : 'open')],
  });
  const links = r.vacancies.flatMap((v) => v.programmeIds.map((p) => ({ v: v.id, p })));
  await insertRows(db, 'vacancy_programmes', links, {
    vacancy_id: ['uuid', (l) => l.v],
    programme_id: ['uuid', (l) => l.p],
  });
  await insertRows(db, 'students', r.students, {
    id: ['uuid', (s) => s.id],
    university_id: ['uuid', () => universityId],
    programme_id: ['uuid', (s) => s.programmeId],
    student_number: ['text', (s) => s.studentNumber],
    first_name: ['text', (s) => s.firstName],
    last_name: ['text', (s) => s.lastName],
    email: ['text', (s) => s.email],
    intake_group: ['text', () => 'mbo4_graduate'],
    prior_education: ['text', () => 'mbo4'],
    cohort: ['int', () => 2026],
    date_of_birth: ['date', () => '2003-05-01'],
  });
  await insertRows(db, 'student_seeking', r.students, {
    student_id: ['uuid', (s) => s.id],
    start_date: ['date', (s) => s.startDate],
    postcode: ['text', (s) => s.postcode],
    latitude: ['numeric', (s) => s.latitude],
    longitude: ['numeric', (s) => s.longitude],
    max_travel_km: ['int', (s) => s.maxTravelKm],
    hours_per_week: ['int', (s) => s.hoursPerWeek],
    sectors: ['text', (s) => arrayLiteral(s.sectors), 'text[]'],
    preferences: ['text', (s) => arrayLiteral(s.preferences), 'uuid[]'],
  });
  const ranks = r.vacancies.flatMap((v) =>
    v.candidateRanking.map((studentId, i) => ({ v: v.id, studentId, rank: i + 1 })),
  );
  await insertRows(db, 'vacancy_rankings', ranks, {
    vacancy_id: ['uuid', (x) => x.v],
    student_id: ['uuid', (x) => x.studentId],
    rank: ['int', (x) => x.rank],
  });
  await db.query('ANALYZE');
}
