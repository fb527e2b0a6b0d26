/**
 * The data set of `npm run bench:api`: two universities with STUDENTS students each (the other
 * university's rows make the scope condition do real work), a coordinator of the first, and the
 * paths the load spreads over: a single read of any of its students, and a page of 50 starting
 * at any of them.
 * The students are written in one SQL statement (seconds, not the minutes 20,000 POSTs take);
 * the university, programme and coordinator go through the API.
 */
import { encodeCursor, newId } from '@app/common';
import { Client } from 'pg';

export const PAGE_SIZE = 50;

export interface BenchData {
  /** Bearer token of a coordinator of the first university. */
  token: string;
  /** Paths of GET /students/:id over every student of that university. */
  singlePaths: string[];
  /** Paths of GET /students?limit=50 whose page is full (a cursor from the first N-50 ids). */
  listPaths: string[];
}

type Call = <T>(method: string, path: string, token: string | null, body?: unknown) => Promise<T>;

export function apiClient(base: string): Call {
  return async function call<T>(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function universityWithProgramme(
  call: Call,
  admin: string,
  name: string,
  brinCode: string,
): Promise<{ universityId: string; programmeId: string }> {
  const university = await call<{ id: string }>('POST', '/api/v1/universities', admin, {
    name,
    brinCode,
  });
  const programme = await call<{ id: string }>('POST', '/api/v1/programmes', admin, {
    universityId: university.id,
    name: `Ad ${name}`,
    crohoCode: '80001',
    degree: 'associate',
    level: 5,
    nominalYears: 2,
  });
  return { universityId: university.id, programmeId: programme.id };
}

const INTAKE = ['mbo4_graduate', 'employee_mbo_level', 'career_switcher', 'havo_vwo_graduate'];
const PRIOR = ['mbo4', 'havo', 'vwo', 'bachelor', 'other'];

/** Students of one university with the given ids, in one INSERT. */
async function insertStudents(
  db: Client,
  universityId: string,
  programmeId: string,
  ids: string[],
  tag: string,
): Promise<void> {
  const i = [...ids.keys()];
  await db.query(
    `INSERT INTO students (id, university_id, programme_id, student_number, external_id,
       first_name, last_name, email, intake_group, prior_education, cohort, date_of_birth,
       worked_for_employer_before, months_with_employer_before)
     SELECT t.id, $1, $2, t.number, 'sis-' || t.number, t.first_name, t.last_name,
       lower(t.first_name) || '.' || t.number || '@student.example.nl', t.intake, t.prior,
       t.cohort, t.born::date, t.months IS NOT NULL, t.months
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::int[], $10::text[], $11::int[])
       AS t(id, number, first_name, last_name, intake, prior, cohort, born, months)`,
    [
      universityId,
      programmeId,
      ids,
      i.map((n) => `${tag}${String(n).padStart(6, '0')}`),
      i.map((n) => ['Sanne', 'Daan', 'Zoë', 'Mohammed', 'Anaïs', 'Luuk'][n % 6]),
      i.map((n) => `van der Achternaam ${n}`),
      i.map((n) => INTAKE[n % INTAKE.length]),
      i.map((n) => PRIOR[n % PRIOR.length]),
      i.map((n) => 2024 + (n % 3)),
      i.map((n) => (n % 5 === 0 ? null : `${1990 + (n % 12)}-0${1 + (n % 9)}-1${n % 9}`)),
      i.map((n) => (n % 4 === 0 ? n % 48 : null)),
    ],
  );
}

/**
 * Creates the data set through `call` (an admin's login) and `databaseUrl`; the coordinator's
 * login is the returned token.
 */
export async function seedBenchData(
  call: Call,
  databaseUrl: string,
  admin: { email: string; password: string },
  students: number,
): Promise<BenchData> {
  const { accessToken: adminToken } = await call<{ accessToken: string }>(
    'POST',
    '/api/v1/auth/login',
    null,
    admin,
  );
  const ours = await universityWithProgramme(call, adminToken, 'Hogeschool Bench', '99BE');
  const other = await universityWithProgramme(call, adminToken, 'Hogeschool Ander', '99AN');
  const coordinator = { email: 'bench-coordinator@bench.local', password: 'bench-coordinator-pw' };
  await call('POST', '/api/v1/users', adminToken, {
    ...coordinator,
    name: 'Bench Coordinator',
    role: 'coordinator',
    universityId: ours.universityId,
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let ids: string[];
  try {
    // Ids (time-ordered UUIDv7) alternate between the universities, as registrations over time
    // do: a page of one university's students is then not a contiguous stretch of the key.
    const all = Array.from({ length: 2 * students }, () => newId()).sort();
    ids = all.filter((_, n) => n % 2 === 0);
    const others = all.filter((_, n) => n % 2 === 1);
    await insertStudents(db, ours.universityId, ours.programmeId, ids, 'B');
    await insertStudents(db, other.universityId, other.programmeId, others, 'A');
    await db.query('VACUUM ANALYZE students');
  } finally {
    await db.end();
  }
  const { accessToken } = await call<{ accessToken: string }>(
    'POST',
    '/api/v1/auth/login',
    null,
    coordinator,
  );
  return {
    token: accessToken,
    singlePaths: ids.map((id) => `/api/v1/students/${id}`),
    listPaths: ids
      .slice(0, ids.length - PAGE_SIZE)
      .map((id) => `/api/v1/students?limit=${PAGE_SIZE}&cursor=${encodeCursor(id)}`),
  };
}
