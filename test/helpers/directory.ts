import { randomBytes } from 'node:crypto';
import { bearer, randomKvk, TestApi, uniq, userToken } from './api';

/** Helpers for programmes, routes, sector associations and students (bodies, creation, logins). */

export function randomCroho(): string {
  return String(10_000 + (randomBytes(4).readUInt32BE() % 90_000));
}

export interface Created {
  id: string;
  version: number;
  [field: string]: unknown;
}

async function post(api: TestApi, token: string, path: string, body: object): Promise<Created> {
  const res = await api.http.post(path).set(bearer(token)).send(body);
  if (res.status !== 201)
    throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function programmeBody(universityId: string, overrides: Record<string, unknown> = {}) {
  return {
    universityId,
    name: `Ad Bouwkunde ${uniq()}`,
    crohoCode: randomCroho(),
    degree: 'associate',
    level: 5,
    nominalYears: 2,
    ...overrides,
  };
}

export function createProgramme(
  api: TestApi,
  token: string,
  universityId: string,
  overrides: Record<string, unknown> = {},
): Promise<Created> {
  return post(api, token, '/api/v1/programmes', programmeBody(universityId, overrides));
}

export function createSectorAssociation(
  api: TestApi,
  token: string = api.adminToken,
  overrides: Record<string, unknown> = {},
): Promise<Created> {
  return post(api, token, '/api/v1/sector-associations', {
    name: `Brancheorganisatie ${uniq()}`,
    sector: 'construction',
    ...overrides,
  });
}

export function createRoute(
  api: TestApi,
  token: string,
  programmeId: string,
  overrides: Record<string, unknown> = {},
): Promise<Created> {
  return post(api, token, '/api/v1/routes', {
    programmeId,
    name: `Mkb-route ${uniq()}`,
    phase: 'pilot',
    sectorAssociationIds: [],
    ...overrides,
  });
}

export function studentBody(
  universityId: string,
  programmeId: string,
  overrides: Record<string, unknown> = {},
) {
  const tag = uniq();
  return {
    universityId,
    programmeId,
    studentNumber: `S${tag}`,
    externalId: `osiris-${tag}`,
    firstName: 'Sanne',
    lastName: `de Vries ${tag}`,
    email: `sanne.${tag}@student.test.local`,
    intakeGroup: 'mbo4_graduate',
    priorEducation: 'mbo4',
    cohort: 2026,
    ...overrides,
  };
}

export function createStudent(
  api: TestApi,
  token: string,
  universityId: string,
  programmeId: string,
  overrides: Record<string, unknown> = {},
): Promise<Created> {
  return post(api, token, '/api/v1/students', studentBody(universityId, programmeId, overrides));
}

/** An integration key of the university (made by its coordinator); send it as X-Api-Key. */
export async function createApiKey(
  api: TestApi,
  coordinatorToken: string,
  universityId: string,
): Promise<string> {
  const res = await post(api, coordinatorToken, '/api/v1/api-keys', {
    name: `SIS ${uniq()}`,
    universityId,
  });
  return res.key as string;
}

export const apiKeyHeader = (key: string) => ({ 'X-Api-Key': key });

/** A company (through the companies API) with a representative who is logged in. */
export async function companyRepToken(api: TestApi): Promise<string> {
  const company = await post(api, api.adminToken, '/api/v1/companies', {
    name: `Bouwbedrijf ${uniq()}`,
    kvkNumber: randomKvk(),
    sbiCode: '4120',
    employeeCount: 35,
    postcode: '5611 AB',
  });
  return userToken(api, api.adminToken, { role: 'company_rep', companyId: company.id });
}

/** A foundation (through the foundations API) with a staff member who is logged in. */
export async function foundationStaffToken(api: TestApi): Promise<string> {
  const foundation = await post(api, api.adminToken, '/api/v1/foundations', {
    name: `Stichting Talent ${uniq()}`,
    kvkNumber: randomKvk(),
    region: 'Noord-Brabant',
  });
  return userToken(api, api.adminToken, { role: 'foundation_staff', foundationId: foundation.id });
}

/** A login for an existing student. */
export function studentLogin(api: TestApi, studentId: string): Promise<string> {
  return userToken(api, api.adminToken, { role: 'student', studentId });
}
