import { randomUUID } from 'node:crypto';
import {
  MatrixEntry,
  V1,
  all,
  only,
  per,
  HIDDEN,
  LIST,
  UNIVERSITY,
  COMPANY_READ,
  COMPANY_EDIT,
  FOUNDATION_READ,
  FOUNDATION_EDIT,
  get,
  reason,
} from './expectations';

/** Public operations, identity and the directory. */
export const PUBLIC_IDENTITY_DIRECTORY: Record<string, MatrixEntry> = {
  // Public: B holds no signing token of A's, so a made-up one; a login with a wrong password.
  'POST /api/v1/auth/login': {
    request: () => ({
      method: 'post',
      path: `${V1}/auth/login`,
      body: { email: 'nobody@test.local', password: 'wrong-password' },
    }),
    expect: all(401),
  },
  'GET /api/v1/health/live': { request: get('/health/live'), expect: all(200) },
  'GET /api/v1/health/ready': { request: get('/health/ready'), expect: all(200) },
  'POST /api/v1/verify': {
    request: () => ({
      method: 'post',
      path: `${V1}/verify`,
      body: Buffer.from('%PDF-1.7 not sealed'),
      contentType: 'application/pdf',
    }),
    expect: all(200),
  },
  'GET /api/v1/signing/{token}': {
    request: () => ({ method: 'get', path: `${V1}/signing/${randomUUID()}` }),
    expect: HIDDEN,
  },
  'POST /api/v1/signing/{token}/sign': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/signing/${randomUUID()}/sign`,
      body: { contentHash: a.pendingHash, name: 'X', consent: true },
    }),
    expect: HIDDEN,
  },
  'POST /api/v1/signing/{token}/decline': {
    request: () => ({
      method: 'post',
      path: `${V1}/signing/${randomUUID()}/decline`,
      body: reason,
    }),
    expect: HIDDEN,
  },

  // Identity
  'GET /api/v1/auth/me': { request: get('/auth/me'), expect: all(200) },
  // A user's own mail preferences: no tenant's data in them; an API key has none (403).
  'GET /api/v1/users/me/mail-preferences': {
    request: get('/users/me/mail-preferences'),
    expect: per(200, { integration: 403 }),
  },
  'PUT /api/v1/users/me/mail-preferences': {
    request: () => ({
      method: 'put',
      path: `${V1}/users/me/mail-preferences`,
      body: { overdueDigest: true },
    }),
    expect: per(200, { integration: 403 }),
  },
  'POST /api/v1/users': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/users`,
      body: {
        email: `probe-${randomUUID()}@test.local`,
        name: 'Probe',
        password: 'a-long-probe-password',
        role: 'company_rep',
        companyId: a.companyId,
        universityId: a.universityId,
      },
    }),
    expect: all(403),
  },
  'GET /api/v1/users': {
    request: (a) => get(`/users?universityId=${a.universityId}`)(),
    expect: LIST,
  },
  'GET /api/v1/users/{id}': {
    request: (a) => get(`/users/${a.coordinatorUserId}`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/api-keys': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/api-keys`,
      body: { name: 'probe', universityId: a.universityId },
    }),
    expect: all(403),
  },
  'GET /api/v1/api-keys': {
    request: (a) => get(`/api-keys?universityId=${a.universityId}`)(),
    expect: only(['coordinator'], 200),
  },
  'DELETE /api/v1/api-keys/{id}': {
    request: (a) => ({ method: 'delete', path: `${V1}/api-keys/${a.apiKeyId}` }),
    expect: only(['coordinator'], 404),
  },
  'GET /api/v1/admin/queues': { request: get('/admin/queues'), expect: all(403) },
  'GET /api/v1/admin/jobs': { request: get('/admin/jobs?state=failed'), expect: all(403) },
  'GET /api/v1/admin/jobs/metrics': { request: get('/admin/jobs/metrics'), expect: all(403) },
  'GET /api/v1/admin/jobs/{id}': { request: get(`/admin/jobs/${randomUUID()}`), expect: all(403) },
  'POST /api/v1/admin/jobs/{id}/retry': {
    request: () => ({
      method: 'post',
      path: `${V1}/admin/jobs/${randomUUID()}/retry`,
      body: reason,
    }),
    expect: all(403),
  },

  // Directory
  'POST /api/v1/universities': {
    request: () => ({
      method: 'post',
      path: `${V1}/universities`,
      body: { name: 'Probe', brinCode: '99ZZ' },
    }),
    expect: all(403),
  },
  'GET /api/v1/universities': { request: get('/universities'), expect: LIST },
  // Foundations work across universities: their staff read every university (not a limited one).
  'GET /api/v1/universities/{id}': {
    request: (a) => get(`/universities/${a.universityId}`)(),
    expect: per(404, { foundation_staff: 200 }),
  },
  'PATCH /api/v1/universities/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/universities/${a.universityId}`,
      body: { city: 'Probe' },
    }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/programmes': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/programmes`,
      body: {
        universityId: a.universityId,
        name: 'Probe',
        crohoCode: '80123',
        degree: 'associate',
        level: 5,
        nominalYears: 2,
      },
    }),
    expect: all(403),
  },
  'GET /api/v1/programmes': {
    request: (a) => get(`/programmes?universityId=${a.universityId}`)(),
    expect: LIST,
  },
  'GET /api/v1/programmes/{id}': {
    request: (a) => get(`/programmes/${a.programmeId}`)(),
    expect: HIDDEN,
  },
  'PATCH /api/v1/programmes/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/programmes/${a.programmeId}`,
      body: { name: 'Probe' },
    }),
    expect: only(UNIVERSITY, 404),
  },
  'POST /api/v1/routes': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/routes`,
      body: { programmeId: a.programmeId, name: 'Probe', phase: 'pilot' },
    }),
    expect: only(UNIVERSITY, 422),
  },
  'GET /api/v1/routes': {
    request: (a) => get(`/routes?programmeId=${a.programmeId}`)(),
    expect: LIST,
  },
  'GET /api/v1/routes/{id}': { request: (a) => get(`/routes/${a.routeId}`)(), expect: HIDDEN },
  'PATCH /api/v1/routes/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/routes/${a.routeId}`,
      body: { name: 'Probe' },
    }),
    expect: only(UNIVERSITY, 404),
  },
  'POST /api/v1/sector-associations': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/sector-associations`,
      body: { name: a.sectorAssociationName },
    }),
    expect: only(['coordinator'], 409),
  },
  'GET /api/v1/sector-associations': { request: get('/sector-associations'), expect: LIST },
  'GET /api/v1/sector-associations/{id}': {
    request: (a) => get(`/sector-associations/${a.sectorAssociationId}`)(),
    expect: all(200),
  },
  'PATCH /api/v1/sector-associations/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/sector-associations/${a.sectorAssociationId}`,
      body: { sector: 'probe' },
    }),
    expect: all(403),
  },
  'POST /api/v1/companies': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/companies`,
      body: {
        name: 'Probe',
        kvkNumber: a.companyKvk,
        sbiCode: '4120',
        employeeCount: 5,
        postcode: '5611 AB',
      },
    }),
    expect: only(['coordinator'], 409),
  },
  'GET /api/v1/companies': { request: get('/companies'), expect: LIST },
  'GET /api/v1/companies/{id}': {
    request: (a) => get(`/companies/${a.companyId}`)(),
    expect: COMPANY_READ,
  },
  'PATCH /api/v1/companies/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/companies/${a.companyId}`,
      body: { city: 'Probe' },
    }),
    expect: COMPANY_EDIT,
  },
  'POST /api/v1/companies/{companyId}/supervisors': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/companies/${a.companyId}/supervisors`,
      body: {
        name: 'Probe',
        email: `probe-${randomUUID()}@test.local`,
        hoursPerWeek: 2,
        trained: true,
      },
    }),
    expect: COMPANY_EDIT,
  },
  'GET /api/v1/companies/{companyId}/supervisors': {
    request: (a) => get(`/companies/${a.companyId}/supervisors`)(),
    expect: COMPANY_READ,
  },
  'GET /api/v1/companies/{companyId}/supervisors/{supervisorId}': {
    request: (a) => get(`/companies/${a.companyId}/supervisors/${a.supervisorId}`)(),
    expect: COMPANY_READ,
  },
  'PATCH /api/v1/companies/{companyId}/supervisors/{supervisorId}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/companies/${a.companyId}/supervisors/${a.supervisorId}`,
      body: { trained: false },
    }),
    expect: COMPANY_EDIT,
  },
  'POST /api/v1/foundations': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/foundations`,
      body: { name: 'Probe', kvkNumber: a.foundationKvk, region: 'Probe' },
    }),
    expect: only(['coordinator'], 409),
  },
  'GET /api/v1/foundations': { request: get('/foundations'), expect: LIST },
  'GET /api/v1/foundations/{id}': {
    request: (a) => get(`/foundations/${a.foundationId}`)(),
    expect: FOUNDATION_READ,
  },
  'PATCH /api/v1/foundations/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/foundations/${a.foundationId}`,
      body: { region: 'Probe' },
    }),
    expect: FOUNDATION_EDIT,
  },
  'POST /api/v1/foundations/{foundationId}/members': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/foundations/${a.foundationId}/members`,
      body: { companyIds: [a.companyId] },
    }),
    expect: FOUNDATION_EDIT,
  },
  'GET /api/v1/foundations/{foundationId}/members': {
    request: (a) => get(`/foundations/${a.foundationId}/members`)(),
    expect: FOUNDATION_READ,
  },
  'DELETE /api/v1/foundations/{foundationId}/members/{companyId}': {
    request: (a) => ({
      method: 'delete',
      path: `${V1}/foundations/${a.foundationId}/members/${a.hostCompanyId}`,
    }),
    expect: FOUNDATION_EDIT,
  },
};
