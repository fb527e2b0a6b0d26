/**
 * Loads a generated matching data set (bench/matching-data.ts) into a migrated database, one
 * INSERT … SELECT FROM unnest(…) per table: each column travels as one array parameter, so
 * 50,000 students are two statements rather than thousands of multi-row VALUES. Rows whose
 * values are arrays (sectors, preferences) travel as array literals and are cast per row.
 */
import type { Client } from 'pg';
import type { MatchingData } from './matching-data';

interface Column {
  name: string;
  /** The element type of the array parameter. */
  type: string;
  values: unknown[];
  /** Cast of each element on the way in (e.g. text -> text[] for a literal '{C,F}'). */
  cast?: string;
}

async function insertColumns(db: Client, table: string, columns: Column[]): Promise<void> {
  if (columns[0].values.length === 0) return;
  const aliases = columns.map((_, i) => `c${i}`);
  await db.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT ${columns.map((c, i) => (c.cast ? `${aliases[i]}::${c.cast}` : aliases[i])).join(', ')}
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${aliases.join(', ')})`,
    columns.map((c) => c.values),
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
  const col = (name: string, type: string, values: unknown[], cast?: string): Column => ({
    name,
    type,
    values,
    cast,
  });
  await insertColumns(db, 'universities', [
    col('id', 'uuid', [universityId]),
    col('name', 'text', ['Hogeschool Bench']),
    col('brin_code', 'text', ['99BM']),
  ]);
  const p = r.programmes;
  await insertColumns(db, 'programmes', [
    col(
      'id',
      'uuid',
      p.map((x) => x.id),
    ),
    col(
      'university_id',
      'uuid',
      p.map(() => universityId),
    ),
    col(
      'name',
      'text',
      p.map((x) => x.name),
    ),
    col(
      'croho_code',
      'text',
      p.map((_, i) => String(80000 + i)),
    ),
    col(
      'degree',
      'text',
      p.map(() => 'associate'),
    ),
    col(
      'level',
      'int',
      p.map(() => 5),
    ),
    col(
      'nominal_years',
      'int',
      p.map(() => 2),
    ),
  ]);
  const c = r.companies;
  await insertColumns(db, 'companies', [
    col(
      'id',
      'uuid',
      c.map((x) => x.id),
    ),
    col(
      'name',
      'text',
      c.map((x) => x.name),
    ),
    col(
      'kvk_number',
      'text',
      c.map((_, i) => String(10_000_000 + i)),
    ),
    col(
      'sbi_code',
      'text',
      c.map((x) => x.sector),
    ),
    col(
      'employee_count',
      'int',
      c.map(() => 40),
    ),
    col(
      'postcode',
      'text',
      c.map((x) => x.postcode),
    ),
    col(
      'city',
      'text',
      c.map((x) => x.city),
    ),
    col(
      'latitude',
      'numeric',
      c.map((x) => x.latitude),
    ),
    col(
      'longitude',
      'numeric',
      c.map((x) => x.longitude),
    ),
  ]);
  const v = r.vacancies;
  await insertColumns(db, 'vacancies', [
    col(
      'id',
      'uuid',
      v.map((x) => x.id),
    ),
    col(
      'company_id',
      'uuid',
      v.map((x) => x.companyId),
    ),
    col(
      'title',
      'text',
      v.map((x) => x.title),
    ),
    col(
      'capacity',
      'int',
      v.map((x) => x.capacity),
    ),
    col(
      'seats_taken',
      'int',
      v.map((x) => x.seatsTaken),
    ),
    col(
      'hours_per_week',
      'int',
      v.map((x) => x.hoursPerWeek),
    ),
    col(
      'salary_min_cents',
      'int',
      v.map(() => 280_000),
    ),
    col(
      'salary_max_cents',
      'int',
      v.map(() => 320_000),
    ),
    col(
      'start_from',
      'date',
      v.map((x) => x.startDate),
    ),
    col(
      'start_to',
      'date',
      v.map((x) => x.startWindowEnd),
    ),
    col(
      'postcode',
      'text',
      v.map((x) => x.postcode),
    ),
    col(
      'latitude',
      'numeric',
      v.map((x) => x.latitude),
    ),
    col(
      'longitude',
      'numeric',
      v.map((x) => x.longitude),
    ),
    col(
      'sector',
      'text',
      v.map((x) => x.sector),
    ),
    col(
      'status',
      'text',
      v.map((x) => (x.seatsTaken >= x.capacity ? 'filled' : 'open')),
    ),
  ]);
  const links = v.flatMap((x) => x.programmeIds.map((programmeId) => [x.id, programmeId]));
  await insertColumns(db, 'vacancy_programmes', [
    col(
      'vacancy_id',
      'uuid',
      links.map((l) => l[0]),
    ),
    col(
      'programme_id',
      'uuid',
      links.map((l) => l[1]),
    ),
  ]);
  const s = r.students;
  await insertColumns(db, 'students', [
    col(
      'id',
      'uuid',
      s.map((x) => x.id),
    ),
    col(
      'university_id',
      'uuid',
      s.map(() => universityId),
    ),
    col(
      'programme_id',
      'uuid',
      s.map((x) => x.programmeId),
    ),
    col(
      'student_number',
      'text',
      s.map((x) => x.studentNumber),
    ),
    col(
      'first_name',
      'text',
      s.map((x) => x.firstName),
    ),
    col(
      'last_name',
      'text',
      s.map((x) => x.lastName),
    ),
    col(
      'email',
      'text',
      s.map((x) => x.email),
    ),
    col(
      'intake_group',
      'text',
      s.map(() => 'mbo4_graduate'),
    ),
    col(
      'prior_education',
      'text',
      s.map(() => 'mbo4'),
    ),
    col(
      'cohort',
      'int',
      s.map(() => 2026),
    ),
    col(
      'date_of_birth',
      'date',
      s.map(() => '2003-05-01'),
    ),
  ]);
  await insertColumns(db, 'student_seeking', [
    col(
      'student_id',
      'uuid',
      s.map((x) => x.id),
    ),
    col(
      'start_date',
      'date',
      s.map((x) => x.startDate),
    ),
    col(
      'postcode',
      'text',
      s.map((x) => x.postcode),
    ),
    col(
      'latitude',
      'numeric',
      s.map((x) => x.latitude),
    ),
    col(
      'longitude',
      'numeric',
      s.map((x) => x.longitude),
    ),
    col(
      'max_travel_km',
      'int',
      s.map((x) => x.maxTravelKm),
    ),
    col(
      'hours_per_week',
      'int',
      s.map((x) => x.hoursPerWeek),
    ),
    col(
      'sectors',
      'text',
      s.map((x) => arrayLiteral(x.sectors)),
      'text[]',
    ),
    col(
      'preferences',
      'text',
      s.map((x) => arrayLiteral(x.preferences)),
      'uuid[]',
    ),
  ]);
  const ranks = v.flatMap((x) =>
    x.candidateRanking.map((studentId, i) => [x.id, studentId, i + 1]),
  );
  await insertColumns(db, 'vacancy_rankings', [
    col(
      'vacancy_id',
      'uuid',
      ranks.map((x) => x[0]),
    ),
    col(
      'student_id',
      'uuid',
      ranks.map((x) => x[1]),
    ),
    col(
      'rank',
      'int',
      ranks.map((x) => x[2]),
    ),
  ]);
  await db.query('ANALYZE');
}
