import { randomBytes } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { bearer, randomKvk, TestApi, uniq, userToken } from './api';
import { waitFor } from './worker';

/** Helpers for student-import tests: a programme, an integration key, generated rows, polling. */

export async function createProgrammeFor(
  api: TestApi,
  token: string,
  universityId: string,
): Promise<string> {
  const res = await api.http
    .post('/api/v1/programmes')
    .set(bearer(token))
    .send({
      universityId,
      name: `Ad Bouwkunde ${uniq()}`,
      crohoCode: String(10_000 + (randomBytes(4).readUInt32BE() % 90_000)),
      degree: 'associate',
      level: 5,
      nominalYears: 2,
    });
  if (res.status !== 201)
    throw new Error(`create programme: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** An integration key of the university, made by its coordinator; send it as X-Api-Key. */
export async function createIntegrationKey(
  api: TestApi,
  coordinatorToken: string,
  universityId: string,
): Promise<string> {
  const res = await api.http
    .post('/api/v1/api-keys')
    .set(bearer(coordinatorToken))
    .send({ name: `SIS ${uniq()}`, universityId });
  if (res.status !== 201)
    throw new Error(`create API key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key;
}

export const apiKey = (key: string) => ({ 'X-Api-Key': key });

export async function companyRep(api: TestApi): Promise<string> {
  const company = await api.http
    .post('/api/v1/companies')
    .set(bearer(api.adminToken))
    .send({
      name: `Bouwbedrijf ${uniq()}`,
      kvkNumber: randomKvk(),
      sbiCode: '4120',
      employeeCount: 35,
      postcode: '5611 AB',
    });
  if (company.status !== 201)
    throw new Error(`create company: ${company.status} ${JSON.stringify(company.body)}`);
  return userToken(api, api.adminToken, { role: 'company_rep', companyId: company.body.id });
}

/** `count` valid import rows with externalIds and student numbers unique to this call. */
export function studentRows(
  programmeId: string,
  count: number,
  tag = uniq(),
): Record<string, unknown>[] {
  const intake = ['mbo4_graduate', 'employee_mbo_level', 'career_switcher', 'havo_vwo_graduate'];
  const prior = ['mbo4', 'havo', 'vwo', 'other'];
  return Array.from({ length: count }, (_, i) => ({
    externalId: `sis-${tag}-${i}`,
    programmeId,
    studentNumber: `${tag}${String(i).padStart(5, '0')}`,
    firstName: `Student${i}`,
    lastName: `Tester ${tag}`,
    email: `Student.${tag}.${i}@Example.NL`,
    intakeGroup: intake[i % intake.length],
    priorEducation: prior[i % prior.length],
    cohort: 2024 + (i % 3),
    ...(i % 2 === 0 ? { dateOfBirth: `200${i % 8}-0${1 + (i % 9)}-1${i % 10}` } : {}),
    ...(i % 5 === 0 ? { workedForEmployerBefore: true, monthsWithEmployerBefore: i % 36 } : {}),
  }));
}

export interface ImportResource {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { index: number; field: string; message: string }[];
  failureReason: string | null;
  [field: string]: unknown;
}

/** Polls GET /imports/:id until the import is completed or failed. */
export function waitForImport(
  http: TestAgent,
  id: string,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ImportResource> {
  return waitFor(async () => {
    const res = await http.get(`/api/v1/imports/${id}`).set(headers);
    if (res.status !== 200)
      throw new Error(`GET import: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.status === 'completed' || res.body.status === 'failed'
      ? (res.body as ImportResource)
      : null;
  }, timeoutMs);
}
