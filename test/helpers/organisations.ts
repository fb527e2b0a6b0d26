import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, randomKvk, TestApi, uniq, userToken } from './api';

export interface CompanyBody {
  name: string;
  kvkNumber: string;
  sbiCode: string;
  employeeCount: number;
  postcode: string;
  city?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** A valid company body with a fresh KvK number; override what the test is about. */
export function companyBody(overrides: Partial<CompanyBody> = {}): CompanyBody {
  return {
    name: `Bouwbedrijf ${uniq()}`,
    kvkNumber: randomKvk(),
    sbiCode: '4120',
    employeeCount: 35,
    postcode: '5611 AB',
    ...overrides,
  };
}

/** Creates a company (as the admin unless told otherwise) and returns the response body. */
export async function createCompany(
  api: TestApi,
  overrides: Partial<CompanyBody> = {},
  token: string = api.adminToken,
): Promise<{ id: string; version: number } & CompanyBody> {
  const res = await api.http
    .post('/api/v1/companies')
    .set(bearer(token))
    .send(companyBody(overrides));
  if (res.status !== 201)
    throw new Error(`create company: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface FoundationBody {
  name: string;
  kvkNumber: string;
  region: string;
}

export function foundationBody(overrides: Partial<FoundationBody> = {}): FoundationBody {
  return {
    name: `Stichting Talent ${uniq()}`,
    kvkNumber: randomKvk(),
    region: 'Noord-Brabant',
    ...overrides,
  };
}

export async function createFoundation(
  api: TestApi,
  overrides: Partial<FoundationBody> = {},
  token: string = api.adminToken,
): Promise<{ id: string; version: number } & FoundationBody> {
  const res = await api.http
    .post('/api/v1/foundations')
    .set(bearer(token))
    .send(foundationBody(overrides));
  if (res.status !== 201)
    throw new Error(`create foundation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function companyRepToken(api: TestApi, companyId: string): Promise<string> {
  return userToken(api, api.adminToken, { role: 'company_rep', companyId });
}

export function foundationStaffToken(api: TestApi, foundationId: string): Promise<string> {
  return userToken(api, api.adminToken, { role: 'foundation_staff', foundationId });
}

/**
 * A student of the university with a login. The rows are inserted directly (a programme and a
 * student): these tests are about organisations, not about how students are registered.
 */
export async function studentToken(api: TestApi, universityId: string): Promise<string> {
  const db = api.app.get(DataSource);
  const programmeId = randomUUID();
  const studentId = randomUUID();
  const croho = String(30000 + Math.floor(Math.random() * 60000));
  await db.query(
    `INSERT INTO programmes (id, university_id, name, croho_code, degree, level, nominal_years)
     VALUES ($1, $2, $3, $4, 'associate', 5, 2)`,
    [programmeId, universityId, `Ad Bouwkunde ${uniq()}`, croho],
  );
  await db.query(
    `INSERT INTO students (id, university_id, programme_id, student_number, first_name, last_name, email,
       intake_group, prior_education, cohort)
     VALUES ($1, $2, $3, $4, 'Sam', 'Student', $5, 'mbo4_graduate', 'mbo4', 2026)`,
    [studentId, universityId, programmeId, `S${uniq()}`, `student-${uniq()}@test.local`],
  );
  return userToken(api, api.adminToken, { role: 'student', studentId });
}

/** An integration key of the university (created by its coordinator), to send as X-Api-Key. */
export async function apiKey(
  api: TestApi,
  coordinatorToken: string,
  universityId: string,
): Promise<string> {
  const res = await api.http
    .post('/api/v1/api-keys')
    .set(bearer(coordinatorToken))
    .send({ name: `SIS ${uniq()}`, universityId });
  if (res.status !== 201)
    throw new Error(`create api key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key;
}
