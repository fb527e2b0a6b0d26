import { DataSource } from 'typeorm';
import { bearer, createTenant, TestApi, uniq, userToken } from './api';
import { createProgramme, createStudent } from './directory';
import {
  companyRepToken,
  createCompany,
  createFoundation,
  foundationStaffToken,
} from './organisations';

/** Fixtures for agreement tests, made through the API (one tenant of their own per call). */

export interface AgreementWorld {
  universityId: string;
  coordinatorToken: string;
  studentId: string;
  studentToken: string;
  companyId: string;
  companyRepToken: string;
  supervisorId: string;
}

export interface FoundationWorld extends AgreementWorld {
  foundationId: string;
  foundationStaffToken: string;
  hostCompanyId: string;
  hostRepToken: string;
  hostSupervisorId: string;
}

async function post(api: TestApi, token: string, path: string, body: object) {
  const res = await api.http.post(path).set(bearer(token)).send(body);
  if (res.status !== 201)
    throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createSupervisor(
  api: TestApi,
  companyId: string,
  hoursPerWeek = 4,
): Promise<string> {
  const body = await post(api, api.adminToken, `/api/v1/companies/${companyId}/supervisors`, {
    name: `Praktijkbegeleider ${uniq()}`,
    email: `begeleider-${uniq()}@test.local`,
    hoursPerWeek,
    trained: true,
  });
  return body.id;
}

export async function agreementWorld(
  api: TestApi,
  studentOverrides: Record<string, unknown> = {},
): Promise<AgreementWorld> {
  const tenant = await createTenant(api);
  const programme = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
  const student = await createStudent(
    api,
    tenant.coordinatorToken,
    tenant.universityId,
    programme.id,
    { dateOfBirth: '2000-03-15', ...studentOverrides },
  );
  const company = await createCompany(api);
  return {
    universityId: tenant.universityId,
    coordinatorToken: tenant.coordinatorToken,
    studentId: student.id,
    studentToken: await userToken(api, api.adminToken, { role: 'student', studentId: student.id }),
    companyId: company.id,
    companyRepToken: await companyRepToken(api, company.id),
    supervisorId: await createSupervisor(api, company.id),
  };
}

/** A foundation employs; a member company hosts (with its own supervisor and representative). */
export async function foundationWorld(api: TestApi): Promise<FoundationWorld> {
  const world = await agreementWorld(api);
  const foundation = await createFoundation(api);
  const host = await createCompany(api);
  const res = await api.http
    .post(`/api/v1/foundations/${foundation.id}/members`)
    .set(bearer(api.adminToken))
    .send({ companyIds: [host.id] });
  if (res.status >= 300) throw new Error(`add member: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    ...world,
    foundationId: foundation.id,
    foundationStaffToken: await foundationStaffToken(api, foundation.id),
    hostCompanyId: host.id,
    hostRepToken: await companyRepToken(api, host.id),
    hostSupervisorId: await createSupervisor(api, host.id),
  };
}

export function termsBody(supervisorId: string, overrides: Record<string, unknown> = {}) {
  return {
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    employment: {
      contractType: 'fixed_term',
      contractMonths: 24,
      hoursPerWeek: 32,
      grossMonthlySalaryCents: 280_000,
      functionTitle: 'Werkvoorbereider',
    },
    workplace: { location: 'Eindhoven', supervisorId },
    studySupport: {
      paidStudyHoursPerWeek: 8,
      tuitionReimbursedPercent: 100,
      costsCovered: ['laptop'],
      schoolDays: ['friday'],
    },
    repayment: null,
    monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
    competences: [
      { name: 'Werkvoorbereiding', assessment: 'Portfolio en assessment op de werkplek' },
    ],
    termination: { noticeWeeks: 4, earlyTerminationGrounds: ['Beëindiging van de opleiding'] },
    ...overrides,
  };
}

export function agreementBody(world: AgreementWorld) {
  return {
    studentId: world.studentId,
    employer: { type: 'company', id: world.companyId },
    language: 'nl',
    terms: termsBody(world.supervisorId),
  };
}

export function foundationAgreementBody(world: FoundationWorld) {
  return {
    studentId: world.studentId,
    employer: { type: 'foundation', id: world.foundationId },
    hostCompanyId: world.hostCompanyId,
    language: 'nl',
    terms: termsBody(world.hostSupervisorId),
  };
}

export async function createAgreement(api: TestApi, token: string, body: object) {
  return post(api, token, '/api/v1/agreements', body);
}

/** A submitted (pending) company agreement; returns its id and content hash. */
export async function pendingAgreement(
  api: TestApi,
  world: AgreementWorld,
): Promise<{ id: string; contentHash: string }> {
  const created = await createAgreement(api, world.coordinatorToken, agreementBody(world));
  const res = await api.http
    .post(`/api/v1/agreements/${created.id}/submit`)
    .set(bearer(world.coordinatorToken));
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: created.id, contentHash: res.body.currentVersion.contentHash };
}

export function sign(api: TestApi, token: string, id: string, contentHash: string, party?: string) {
  return api.http
    .post(`/api/v1/agreements/${id}/signatures`)
    .set(bearer(token))
    .send({ contentHash, ...(party ? { party } : {}) });
}

/** Job rows with this key (one per product: asking twice makes none new). */
export async function jobCount(api: TestApi, key: string): Promise<number> {
  const rows = await api.app
    .get(DataSource)
    .query('SELECT count(*)::int AS n FROM jobs WHERE key = $1', [key]);
  return rows[0].n;
}

/**
 * n agreements signed by all three parties, each party's signatures racing the others'. Ten
 * agreements at a time: more concurrent requests than the pool has connections would wait longer
 * than DATABASE_CONNECT_TIMEOUT_MS on a busy machine and be shed with a 503 (by design).
 */
export async function fullySigned(api: TestApi, world: AgreementWorld, n: number): Promise<string[]> {
  const pending = [];
  for (let i = 0; i < n; i += 1) pending.push(await pendingAgreement(api, world));
  const tokens = [world.studentToken, world.companyRepToken, world.coordinatorToken];
  for (let i = 0; i < pending.length; i += 10) {
    const results = await Promise.all(
      pending
        .slice(i, i + 10)
        .flatMap(({ id, contentHash }) => tokens.map((t) => sign(api, t, id, contentHash))),
    );
    const refused = results.filter((r) => r.status !== 201);
    if (refused.length) throw new Error(`signing failed: ${refused[0].status} ${JSON.stringify(refused[0].body)}`);
  }
  return pending.map((p) => p.id);
}
