import { DataSource } from 'typeorm';
import { bearer, createTenant, randomBrin, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  createProgramme,
  createSectorAssociation,
  programmeBody,
  studentBody,
} from '../helpers/directory';
import {
  companyBody,
  createCompany,
  createFoundation,
  foundationBody,
} from '../helpers/organisations';

/** One create operation: who posts what where, another body, and how many rows it made. */
interface CreateCase {
  path: string;
  token: string;
  body: object;
  /** A different body for the same key: 422, nothing created. */
  other: object;
  /** SQL counting the rows the create made (`n`), with its parameters. */
  rows: [sql: string, params: unknown[]];
}

type Setup = (api: TestApi, tenant: Tenant) => Promise<CreateCase>;

const CASES: [string, Setup][] = [
  [
    'POST /universities',
    async (api) => {
      const body = { name: `Idem ${uniq()}`, brinCode: randomBrin() };
      return {
        path: '/api/v1/universities',
        token: api.adminToken,
        body,
        other: { ...body, city: 'Other' },
        rows: ['SELECT count(*)::int AS n FROM universities WHERE brin_code = $1', [body.brinCode]],
      };
    },
  ],
  [
    'POST /programmes',
    async (_api, tenant) => {
      const body = programmeBody(tenant.universityId);
      return {
        path: '/api/v1/programmes',
        token: tenant.coordinatorToken,
        body,
        other: { ...body, name: `Other ${uniq()}` },
        rows: [
          'SELECT count(*)::int AS n FROM programmes WHERE university_id = $1 AND croho_code = $2',
          [tenant.universityId, body.crohoCode],
        ],
      };
    },
  ],
  [
    'POST /routes',
    async (api, tenant) => {
      const programme = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
      const partner = await createSectorAssociation(api);
      const body = {
        programmeId: programme.id,
        name: `Idem ${uniq()}`,
        phase: 'in_development',
        sectorAssociationIds: [partner.id],
      };
      return {
        path: '/api/v1/routes',
        token: tenant.coordinatorToken,
        body,
        other: { ...body, phase: 'pilot' },
        rows: ['SELECT count(*)::int AS n FROM routes WHERE programme_id = $1', [programme.id]],
      };
    },
  ],
  [
    'POST /sector-associations',
    async (_api, tenant) => {
      const body = { name: `Idem ${uniq()}`, sector: 'ict' };
      return {
        path: '/api/v1/sector-associations',
        token: tenant.coordinatorToken,
        body,
        other: { ...body, sector: 'construction' },
        rows: ['SELECT count(*)::int AS n FROM sector_associations WHERE name = $1', [body.name]],
      };
    },
  ],
  [
    'POST /companies',
    async (api) => {
      const body = companyBody();
      return {
        path: '/api/v1/companies',
        token: api.adminToken,
        body,
        other: { ...body, city: 'Other' },
        rows: ['SELECT count(*)::int AS n FROM companies WHERE kvk_number = $1', [body.kvkNumber]],
      };
    },
  ],
  [
    'POST /companies/:id/supervisors',
    async (api) => {
      const company = await createCompany(api);
      const body = {
        name: `Begeleider ${uniq()}`,
        email: `sup-${uniq()}@bedrijf.nl`,
        hoursPerWeek: 2.5,
        trained: true,
      };
      return {
        path: `/api/v1/companies/${company.id}/supervisors`,
        token: api.adminToken,
        body,
        other: { ...body, trained: false },
        rows: ['SELECT count(*)::int AS n FROM supervisors WHERE company_id = $1', [company.id]],
      };
    },
  ],
  [
    'POST /foundations',
    async (api) => {
      const body = foundationBody();
      return {
        path: '/api/v1/foundations',
        token: api.adminToken,
        body,
        other: { ...body, region: 'Utrecht' },
        rows: [
          'SELECT count(*)::int AS n FROM foundations WHERE kvk_number = $1',
          [body.kvkNumber],
        ],
      };
    },
  ],
  [
    'POST /foundations/:id/members',
    async (api) => {
      const [foundation, company, another] = await Promise.all([
        createFoundation(api),
        createCompany(api),
        createCompany(api),
      ]);
      return {
        path: `/api/v1/foundations/${foundation.id}/members`,
        token: api.adminToken,
        body: { companyIds: [company.id] },
        other: { companyIds: [company.id, another.id] },
        rows: [
          'SELECT count(*)::int AS n FROM foundation_members WHERE foundation_id = $1',
          [foundation.id],
        ],
      };
    },
  ],
  [
    'POST /students',
    async (api, tenant) => {
      const programme = await createProgramme(api, tenant.coordinatorToken, tenant.universityId);
      const body = studentBody(tenant.universityId, programme.id);
      return {
        path: '/api/v1/students',
        token: tenant.coordinatorToken,
        body,
        other: { ...body, firstName: 'Other' },
        rows: [
          'SELECT count(*)::int AS n FROM students WHERE university_id = $1 AND student_number = $2',
          [tenant.universityId, body.studentNumber],
        ],
      };
    },
  ],
];

/**
 * `Idempotency-Key` is one guard for every POST; this table holds one case per create, so a new
 * create is one row here rather than another copy of the same test. (The concurrent replay is
 * test/platform/concurrency.e2e-spec.ts; the student import's in its own file.)
 */
describe('Idempotency-Key on creates', () => {
  let api: TestApi;
  let tenant: Tenant;

  beforeAll(async () => {
    api = await startApi();
    tenant = await createTenant(api);
  });
  afterAll(() => api.close());

  it.each(CASES)(
    '%s: the same key and body replay the first response and create one row; another body is 422',
    async (_operation, setup) => {
      const { path, token, body, other, rows } = await setup(api, tenant);
      const key = `idem-${uniq()}`;
      const post = (sent: object) =>
        api.http.post(path).set(bearer(token)).set('Idempotency-Key', key).send(sent);

      const first = await post(body).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await post(body).expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');

      const reused = await post(other).expect(422);
      expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(reused.body.type).toMatch(/idempotency-key-reused$/);

      const [{ n }] = await api.app.get(DataSource).query(...rows);
      expect(n).toBe(1);
    },
  );
});
