import { DataSource } from 'typeorm';
import { seedDemoAgreementsStandalone } from '../../src/cli/demo-agreements';
import {
  DEMO_EMAILS,
  DEMO_PASSWORD,
  seedDemo,
  seedDemoIfEmpty,
  SeedResult,
} from '../../src/cli/seed-demo';
import { loadAppConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/config/data-source';
import { bearer, login, startApi, TestApi } from '../helpers/api';

/**
 * The demo data set on this file's own database (migrated, empty: test/setup/file-database.ts),
 * so no other test file ever sees it.
 */
const url = process.env.DATABASE_URL!;

const TABLES = [
  'universities',
  'programmes',
  'routes',
  'route_sector_associations',
  'sector_associations',
  'companies',
  'supervisors',
  'foundations',
  'foundation_members',
  'students',
  'users',
];

describe('demo data (npm run seed:demo, npm start)', () => {
  let dataSource: DataSource;
  /** Two seeders racing on the empty database: the first thing that happens to it. */
  let racingSeeds: SeedResult[];

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      result[table] = count;
    }
    return result;
  }

  beforeAll(async () => {
    dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } } as ReturnType<
      typeof dataSourceOptions
    >);
    await dataSource.initialize();
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    // Here rather than in the first test: every test below needs the data, in any order.
    const config = { ...loadAppConfig(), databaseUrl: url };
    racingSeeds = await Promise.all([seedDemoIfEmpty(config), seedDemo(dataSource)]);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await dataSource?.destroy();
  });

  it('seeds an empty database exactly once, even when two processes start at the same time', async () => {
    const results = racingSeeds;
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const seeded = results.find((r) => r.seeded)!;
    expect(seeded.logins.map((l) => l.email).sort()).toEqual(Object.values(DEMO_EMAILS).sort());
  });

  it('holds universities, programmes, routes, ~50 companies, a foundation and ~300 students', async () => {
    const c = await counts();
    expect(c.universities).toBeGreaterThanOrEqual(3);
    expect(c.programmes).toBeGreaterThanOrEqual(c.universities * 3);
    expect(c.routes).toBeGreaterThan(0);
    expect(c.route_sector_associations).toBeGreaterThanOrEqual(c.routes);
    expect(c.companies).toBeGreaterThanOrEqual(45);
    expect(c.companies).toBeLessThanOrEqual(55);
    expect(c.supervisors).toBeGreaterThanOrEqual(c.companies);
    expect(c.foundations).toBe(1);
    expect(c.foundation_members).toBe(10);
    expect(c.students).toBeGreaterThanOrEqual(280);
    expect(c.students).toBeLessThanOrEqual(320);
    const roles: { role: string; count: number }[] = await dataSource.query(
      // The bootstrap admin is not demo data (the API below creates it, whenever it starts).
      `SELECT role, count(*)::int AS count FROM users WHERE role <> 'admin' GROUP BY role ORDER BY role`,
    );
    expect(roles).toEqual([
      { role: 'company_rep', count: 1 },
      { role: 'coordinator', count: 1 },
      { role: 'foundation_staff', count: 1 },
      { role: 'student', count: 1 },
    ]);
    const [calendar] = await dataSource.query(
      `SELECT jsonb_array_length(academic_calendar) AS quarters FROM programmes LIMIT 1`,
    );
    expect(calendar.quarters).toBe(4);
  });

  it('adds nothing when it runs again', async () => {
    const before = await counts();
    const again = await seedDemoIfEmpty({ ...loadAppConfig(), databaseUrl: url });
    expect(again.seeded).toBe(false);
    expect(again.logins).toHaveLength(4); // still printed, read back from the database
    expect((await seedDemo(dataSource)).seeded).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('adds demo agreements through the real use cases: one fully signed, one pending, one draft', async () => {
    // Whichever seeder won the race above: the agreements come with seedDemoIfEmpty only.
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM agreements');
    if (n === 0) expect(await seedDemoAgreementsStandalone(url)).toBe(3);
    const rows: { status: string; language: string; employer_type: string }[] =
      await dataSource.query(
        'SELECT status, language, employer_type FROM agreements ORDER BY status',
      );
    expect(rows).toEqual([
      { status: 'active', language: 'nl', employer_type: 'foundation' },
      { status: 'draft', language: 'nl', employer_type: 'company' },
      { status: 'pending_signatures', language: 'en', employer_type: 'company' },
    ]);
    const documents = await dataSource.query(
      `SELECT kind, status FROM documents ORDER BY kind, status`,
    );
    expect(documents).toEqual([
      { kind: 'preview', status: 'queued' },
      { kind: 'preview', status: 'queued' },
      { kind: 'signed', status: 'queued' },
    ]);
    const [student] = await dataSource.query(
      `SELECT a.id FROM agreements a JOIN users u ON u.student_id = a.student_id WHERE u.email = $1`,
      [DEMO_EMAILS.student],
    );
    expect(student).toBeDefined(); // the demo student can open their own sealed agreement
  });

  describe('the demo logins against the API', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startApi(); // creates the bootstrap admin in this database and logs in
    });

    afterAll(async () => {
      await api?.close();
    });

    it('lets every demo user log in and see their own scope', async () => {
      const [avans] = await dataSource.query(
        `SELECT id FROM universities WHERE brin_code = '07GR'`,
      );
      const coordinator = await login(api.http, DEMO_EMAILS.coordinator, DEMO_PASSWORD);
      const uni = await api.http.get(`/api/v1/universities/${avans.id}`).set(bearer(coordinator));
      expect(uni.status).toBe(200);
      expect(uni.body.brinCode).toBe('07GR');

      const [student] = await dataSource.query(`SELECT student_id FROM users WHERE email = $1`, [
        DEMO_EMAILS.student,
      ]);
      const studentToken = await login(api.http, DEMO_EMAILS.student, DEMO_PASSWORD);
      const self = await api.http
        .get(`/api/v1/students/${student.student_id}`)
        .set(bearer(studentToken));
      expect(self.status).toBe(200);
      expect(self.body.universityId).toBe(avans.id);

      await expect(login(api.http, DEMO_EMAILS.foundation_staff, DEMO_PASSWORD)).resolves.toEqual(
        expect.any(String),
      );
      await expect(login(api.http, DEMO_EMAILS.company_rep, DEMO_PASSWORD)).resolves.toEqual(
        expect.any(String),
      );
      expect(api.adminToken).toEqual(expect.any(String));
    });
  });
});
