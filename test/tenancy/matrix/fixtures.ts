import { bearer, createTenant, login, TestApi, uniq, userToken } from '../../helpers/api';
import { createSupervisor, sign, termsBody } from '../../helpers/agreements';
import {
  apiKeyHeader,
  createProgramme,
  createRoute,
  createSectorAssociation,
  createStudent,
} from '../../helpers/directory';
import { createCompany, createFoundation } from '../../helpers/organisations';

/**
 * The two tenants of the tenant matrix, made through the API. Tenant A holds one of every
 * resource; tenant B holds one caller per role, plus the two accounts its coordinator may invite
 * for A's organisations (a company rep and a foundation staff member limited to university B).
 */

export const ROLES = [
  'coordinator',
  'integration',
  'company_rep',
  'foundation_staff',
  'student',
  'invited_rep',
  'invited_staff',
] as const;
export type Role = (typeof ROLES)[number];

export interface TenantA {
  universityId: string;
  coordinatorUserId: string;
  apiKeyId: string;
  programmeId: string;
  routeId: string;
  sectorAssociationId: string;
  sectorAssociationName: string;
  studentId: string;
  studentEmail: string;
  student2Id: string;
  companyId: string;
  companyKvk: string;
  supervisorId: string;
  foundationId: string;
  foundationKvk: string;
  hostCompanyId: string;
  vacancyId: string;
  matchId: string;
  runId: string;
  importId: string;
  employmentId: string;
  secondmentId: string;
  /** Foundation agreement, signed by all: active, with a preview and a signed document. */
  agreementId: string;
  previewDocumentId: string;
  signedDocumentId: string;
  /** Company agreement of the second student, awaiting signatures, with a signing link. */
  pendingAgreementId: string;
  pendingHash: string;
  signingToken: string;
  /** A webhook endpoint of A, and one delivery to it (of A's agreements' events). */
  webhookEndpointId: string;
  webhookDeliveryId: string;
}

/** What must never come back to a caller of tenant B (in any 2xx, or in an error it did not send). */
export function secretsOf(a: TenantA): string[] {
  // The university's id is not among them: foundation staff read every university (reference data).
  return [
    a.coordinatorUserId,
    a.apiKeyId,
    a.routeId,
    a.studentId,
    a.studentEmail,
    a.student2Id,
    a.matchId,
    a.runId,
    a.importId,
    a.employmentId,
    a.secondmentId,
    a.agreementId,
    a.previewDocumentId,
    a.signedDocumentId,
    a.pendingAgreementId,
    a.pendingHash,
    a.signingToken,
    a.webhookEndpointId,
    a.webhookDeliveryId,
  ];
}

async function call(
  api: TestApi,
  token: string,
  method: 'post' | 'put',
  path: string,
  body: object,
) {
  const res = await api.http[method](path).set(bearer(token)).send(body);
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function buildTenantA(api: TestApi): Promise<TenantA> {
  const t = await createTenant(api);
  const coord = t.coordinatorToken;
  const me = await api.http.get('/api/v1/auth/me').set(bearer(coord));
  const key = await call(api, coord, 'post', '/api/v1/api-keys', {
    name: `SIS ${uniq()}`,
    universityId: t.universityId,
  });
  // Before any agreement: its events make deliveries (127.0.0.1:9 discards; no worker here sends).
  const webhook = await call(api, coord, 'post', '/api/v1/webhook-endpoints', {
    url: 'http://127.0.0.1:9/tenant-a',
    events: ['agreement.submitted', 'agreement.signed'],
  });
  const programme = await createProgramme(api, coord, t.universityId);
  const association = await createSectorAssociation(api, coord);
  const route = await createRoute(api, coord, programme.id, {
    sectorAssociationIds: [association.id],
  });
  const born = { dateOfBirth: '2000-03-15' };
  const student = await createStudent(api, coord, t.universityId, programme.id, born);
  const student2 = await createStudent(api, coord, t.universityId, programme.id, born);
  const studentToken = await userToken(api, api.adminToken, {
    role: 'student',
    studentId: student.id,
  });

  const company = await createCompany(api, {}, coord);
  const supervisorId = await createSupervisor(api, company.id);
  const repToken = await userToken(api, api.adminToken, {
    role: 'company_rep',
    companyId: company.id,
  });
  const foundation = await createFoundation(api, {}, coord);
  const host = await createCompany(api, {}, coord);
  await call(api, coord, 'post', `/api/v1/foundations/${foundation.id}/members`, {
    companyIds: [host.id],
  });
  const hostSupervisorId = await createSupervisor(api, host.id);
  const staffToken = await userToken(api, api.adminToken, {
    role: 'foundation_staff',
    foundationId: foundation.id,
  });
  const hostRepToken = await userToken(api, api.adminToken, {
    role: 'company_rep',
    companyId: host.id,
  });

  await call(api, coord, 'put', `/api/v1/students/${student.id}/seeking`, {
    startDate: '2026-09-01',
    postcode: '5611 AB',
    maxTravelKm: 50,
    hoursPerWeek: 32,
    sectors: [],
    preferences: [],
  });
  const vacancy = await call(api, repToken, 'post', '/api/v1/vacancies', {
    companyId: company.id,
    title: `Werkplek ${uniq()}`,
    programmeIds: [programme.id],
    capacity: 2,
    hoursPerWeek: 32,
    startDate: '2026-08-15',
    startLatest: '2026-10-01',
    postcode: '5612 AA',
  });
  const match = await call(api, coord, 'post', '/api/v1/matches', {
    studentId: student.id,
    vacancyId: vacancy.id,
  });
  const run = await call(api, coord, 'post', '/api/v1/matching-runs', {
    universityId: t.universityId,
  });
  const imported = await call(api, coord, 'post', '/api/v1/imports/students', {
    students: [
      {
        programmeId: programme.id,
        studentNumber: `I${uniq()}`,
        externalId: `x-${uniq()}`,
        firstName: 'Ima',
        lastName: 'Port',
        email: `ima-${uniq()}@test.local`,
        intakeGroup: 'mbo4_graduate',
        priorEducation: 'mbo4',
        cohort: 2026,
      },
    ],
  });

  const period = {
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    contractType: 'fixed_term',
    hoursPerWeek: 32,
  };
  const employment = await call(api, coord, 'post', '/api/v1/employments', {
    studentId: student.id,
    employer: { type: 'foundation', id: foundation.id },
    ...period,
  });
  const secondment = await call(
    api,
    staffToken,
    'post',
    `/api/v1/employments/${employment.id}/secondments`,
    {
      hostCompanyId: host.id,
      startDate: '2026-09-01',
      endDate: '2027-08-31',
    },
  );

  const agreement = await call(api, coord, 'post', '/api/v1/agreements', {
    studentId: student.id,
    employer: { type: 'foundation', id: foundation.id },
    hostCompanyId: host.id,
    language: 'nl',
    terms: termsBody(hostSupervisorId),
  });
  const submitted = await call(api, coord, 'post', `/api/v1/agreements/${agreement.id}/submit`, {});
  for (const token of [studentToken, staffToken, hostRepToken, coord]) {
    const res = await sign(api, token, agreement.id, submitted.currentVersion.contentHash);
    if (res.status !== 201) throw new Error(`sign: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const docs = (
    await api.http.get(`/api/v1/agreements/${agreement.id}/documents`).set(bearer(coord))
  ).body.data;
  const doc = (kind: string) => docs.find((d: { kind: string }) => d.kind === kind).id as string;

  const pending = await call(api, coord, 'post', '/api/v1/agreements', {
    studentId: student2.id,
    employer: { type: 'company', id: company.id },
    language: 'nl',
    terms: termsBody(supervisorId),
  });
  const pendingSubmitted = await call(
    api,
    coord,
    'post',
    `/api/v1/agreements/${pending.id}/submit`,
    {},
  );
  const link = await call(api, coord, 'post', `/api/v1/agreements/${pending.id}/signing-links`, {
    party: 'employer',
    email: 'directeur@bedrijf.test',
    name: 'Directeur',
  });

  return {
    universityId: t.universityId,
    coordinatorUserId: me.body.id,
    apiKeyId: key.id,
    programmeId: programme.id,
    routeId: route.id,
    sectorAssociationId: association.id,
    sectorAssociationName: association.name as string,
    studentId: student.id,
    studentEmail: student.email as string,
    student2Id: student2.id,
    companyId: company.id,
    companyKvk: company.kvkNumber,
    supervisorId,
    foundationId: foundation.id,
    foundationKvk: foundation.kvkNumber,
    hostCompanyId: host.id,
    vacancyId: vacancy.id,
    matchId: match.id,
    runId: run.id,
    importId: imported.id,
    employmentId: employment.id,
    secondmentId: secondment.id,
    agreementId: agreement.id,
    previewDocumentId: doc('preview'),
    signedDocumentId: doc('signed'),
    pendingAgreementId: pending.id,
    pendingHash: pendingSubmitted.currentVersion.contentHash,
    signingToken: link.token,
    webhookEndpointId: webhook.id,
    webhookDeliveryId: (
      await api.http.get(`/api/v1/webhook-endpoints/${webhook.id}/deliveries`).set(bearer(coord))
    ).body.data[0].id,
  };
}

/** Tenant B's callers, as request headers, one per role. */
export async function buildTenantB(
  api: TestApi,
  a: TenantA,
): Promise<Record<Role, Record<string, string>>> {
  const t = await createTenant(api);
  const coord = t.coordinatorToken;
  const key = await call(api, coord, 'post', '/api/v1/api-keys', {
    name: `SIS ${uniq()}`,
    universityId: t.universityId,
  });
  const company = await createCompany(api, {}, coord);
  const foundation = await createFoundation(api, {}, coord);
  const programme = await createProgramme(api, coord, t.universityId);
  const student = await createStudent(api, coord, t.universityId, programme.id);
  const invite = async (body: object) => {
    const email = `invited-${uniq()}@test.local`;
    await call(api, coord, 'post', '/api/v1/users', {
      email,
      name: 'Invited',
      password: 'a-long-test-password',
      ...body,
    });
    return login(api.http, email, 'a-long-test-password');
  };
  const tokens = {
    coordinator: coord,
    company_rep: await userToken(api, api.adminToken, {
      role: 'company_rep',
      companyId: company.id,
    }),
    foundation_staff: await userToken(api, api.adminToken, {
      role: 'foundation_staff',
      foundationId: foundation.id,
    }),
    student: await userToken(api, api.adminToken, { role: 'student', studentId: student.id }),
    invited_rep: await invite({ role: 'company_rep', companyId: a.companyId }),
    invited_staff: await invite({ role: 'foundation_staff', foundationId: a.foundationId }),
  };
  const headers: Record<string, Record<string, string>> = { integration: apiKeyHeader(key.key) };
  for (const [role, token] of Object.entries(tokens)) headers[role] = bearer(token);
  return headers as Record<Role, Record<string, string>>;
}
