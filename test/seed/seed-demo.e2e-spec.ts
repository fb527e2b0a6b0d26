import { DataSource } from 'typeorm';
import { DEMO_FIRST_REMINDER_SECONDS } from '../../src/cli/demo-agreements';
import { seedDemoWorldStandalone } from '../../src/cli/demo-world';
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
import { startWorker, TestWorker, waitFor } from '../helpers/worker';

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
  'vacancies',
  'student_seeking',
  'matches',
  'matching_runs',
  'employments',
  'secondments',
  'agreements',
  'progress_meetings',
  'guidance_weeks',
];

describe('demo data (npm run seed:demo, npm start)', () => {
  let dataSource: DataSource;
  /** Two seeders racing on the empty database: the first thing that happens to it. */
  let racingSeeds: SeedResult[];
  /** Started once the data is there: computes the demo matching run and seals the signed agreement. */
  let worker: TestWorker;

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
    // The world comes with seedDemoIfEmpty only: whichever seeder won the race, it is there now.
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM agreements');
    if (n === 0) await seedDemoWorldStandalone(url);
    worker = await startWorker();
    // Settled before any test looks: the worker has computed the run and sealed the agreement.
    await waitFor(async () => {
      const [settled] = await dataSource.query(
        `SELECT (SELECT bool_and(status = 'completed') FROM matching_runs) AND
                (SELECT bool_and(status = 'ready') FROM documents) AS done`,
      );
      return settled.done;
    }, 90_000);
  });

  afterAll(async () => {
    await worker?.close();
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

  it('builds the matching and placement world through the real use cases', async () => {
    const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);

    expect(
      await q(`SELECT (foundation_id IS NOT NULL) AS foundation, (host_company_id IS NOT NULL) AS host,
                      capacity, seats_taken AS "seatsTaken", status
                 FROM vacancies ORDER BY foundation_id IS NULL, host_company_id IS NULL, title`),
    ).toEqual([
      { foundation: true, host: true, capacity: 1, seatsTaken: 0, status: 'open' },
      { foundation: true, host: true, capacity: 2, seatsTaken: 0, status: 'open' },
      { foundation: true, host: true, capacity: 2, seatsTaken: 1, status: 'open' },
      { foundation: true, host: false, capacity: 2, seatsTaken: 1, status: 'open' },
      { foundation: false, host: false, capacity: 1, seatsTaken: 0, status: 'open' },
      { foundation: false, host: false, capacity: 2, seatsTaken: 0, status: 'open' },
    ]);
    const [{ seeking }] = await q('SELECT count(*)::int AS seeking FROM student_seeking');
    expect(seeking).toBe(12);
    expect(
      await q(`SELECT status, run_id IS NULL AS "byHand" FROM matches WHERE run_id IS NULL`),
    ).toEqual([
      { status: 'accepted', byHand: true },
      { status: 'accepted', byHand: true },
    ]);
    // Asked for; the worker computes it (whenever this test runs relative to the next one).
    expect(await q(`SELECT seed FROM matching_runs`)).toEqual([{ seed: 'demo-2026' }]);

    // The demo student: employed by the foundation, seconded, then re-seconded to another member.
    const [placed] = await q(
      `SELECT e.id, e.employer_type AS "employerType", e.agreement_id AS "agreementId"
         FROM employments e JOIN users u ON u.student_id = e.student_id WHERE u.email = $1`,
      [DEMO_EMAILS.student],
    );
    expect(placed.employerType).toBe('foundation');
    const [rep] = await q('SELECT company_id FROM users WHERE email = $1', [
      DEMO_EMAILS.company_rep,
    ]);
    const periods = await q(
      `SELECT host_company_id AS host, to_char(start_date, 'YYYY-MM-DD') AS "from",
              to_char(end_date, 'YYYY-MM-DD') AS "to", ended_at IS NOT NULL AS ended
         FROM secondments WHERE employment_id = $1 ORDER BY start_date`,
      [placed.id],
    );
    expect(periods).toEqual([
      { host: rep.company_id, from: '2026-09-01', to: '2027-01-31', ended: true },
      { host: expect.any(String), from: '2027-02-01', to: '2030-08-31', ended: false },
    ]);
    expect(periods[1].host).not.toBe(rep.company_id);
    // Its agreement: signed by all four parties (in force), with the re-secondment's amendment drafted.
    const versions = await q(
      `SELECT number, status, host_company_id AS host FROM agreement_versions WHERE agreement_id = $1 ORDER BY number`,
      [placed.agreementId],
    );
    expect(versions).toEqual([
      { number: 1, status: 'active', host: rep.company_id },
      { number: 2, status: 'draft', host: periods[1].host },
    ]);
    const [{ signatures }] = await q(
      `SELECT count(*)::int AS signatures FROM agreement_signatures s JOIN agreement_versions v ON v.id = s.version_id
        WHERE v.agreement_id = $1 AND v.number = 1`,
      [placed.agreementId],
    );
    expect(signatures).toBe(4);

    // The other foundation placement starts on the bench: no secondment, its draft awaits a host.
    // (Placements come from matches; the reports' employments are recorded directly.)
    const bench = await q(
      `SELECT e.id, (SELECT count(*)::int FROM secondments s WHERE s.employment_id = e.id) AS periods
         FROM employments e WHERE e.id <> $1 AND e.match_id IS NOT NULL`,
      [placed.id],
    );
    expect(bench).toEqual([{ id: expect.any(String), periods: 0 }]);
    // This world's agreements: the placed student's and those not (yet) in force; the signed
    // ones of the reports' cases are checked in the reports test below.
    const thisWorld = `(a.in_force_version_number IS NULL OR a.id = '${placed.agreementId}')`;
    expect(
      await q(
        `SELECT status, language, employer_type, host_company_id IS NOT NULL AS host
           FROM agreements a WHERE ${thisWorld} ORDER BY status, employer_type, language`,
      ),
    ).toEqual([
      { status: 'active', language: 'nl', employer_type: 'foundation', host: true },
      { status: 'draft', language: 'nl', employer_type: 'company', host: false },
      { status: 'draft', language: 'nl', employer_type: 'foundation', host: false },
      { status: 'pending_signatures', language: 'en', employer_type: 'company', host: false },
    ]);
    expect(
      await q(
        `SELECT d.kind FROM documents d JOIN agreements a ON a.id = d.agreement_id
          WHERE ${thisWorld} ORDER BY d.kind`,
      ),
    ).toEqual([{ kind: 'preview' }, { kind: 'preview' }, { kind: 'signed' }]);
  });

  it("e-mails the pending agreement's company signer a link, its first reminder due shortly after seeding", async () => {
    const rows = await dataSource.query(
      `SELECT m.kind, m.recipient_email, r.reminders_sent, r.token_sealed IS NOT NULL AS sealed,
              extract(epoch FROM r.next_reminder_at - m.created_at)::float AS due_after
         FROM signing_reminders r
         JOIN messages m ON m.id = r.message_id
         JOIN agreements a ON a.id = r.agreement_id
        WHERE a.status = 'pending_signatures'`,
    );
    expect(rows).toEqual([
      {
        kind: 'signing.requested',
        recipient_email: 'hr@demo.local',
        reminders_sent: 0,
        sealed: true,
        due_after: expect.any(Number),
      },
    ]);
    // A minute after seeding, not SIGNING_REMINDER_HOURS (72 by default).
    expect(rows[0].due_after).toBeGreaterThanOrEqual(DEMO_FIRST_REMINDER_SECONDS);
    expect(rows[0].due_after).toBeLessThan(3600);
  });

  it("the worker computes the matching run into proposals and seals the placed student's agreement", async () => {
    const run = await waitFor(async () => {
      const [r] = await dataSource.query(`SELECT id, status, stats FROM matching_runs`);
      return r.status === 'completed' ? r : null;
    }, 60_000);
    // The same on every machine: the data, the seeking and the run's seed are fixed.
    expect(run.stats).toMatchObject({
      students: 10,
      seats: 8,
      matched: 6,
      unmatched: 4,
      blockingPairs: 0,
      capacityViolations: 0,
    });
    const [{ proposals }] = await dataSource.query(
      `SELECT count(*)::int AS proposals FROM matches WHERE run_id = $1 AND status = 'proposed'`,
      [run.id],
    );
    expect(proposals).toBe(run.stats.matched);
    await waitFor(async () => {
      const [doc] = await dataSource.query(`SELECT status FROM documents WHERE kind = 'signed'`);
      return doc.status === 'ready';
    }, 60_000);
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

    it('shows each demo user their part of the matching and placement world', async () => {
      const token = (email: string) => login(api.http, email, DEMO_PASSWORD);
      const get = async (t: string, path: string) => {
        const res = await api.http.get(`/api/v1${path}`).set(bearer(t));
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        return res.body;
      };
      const coordinator = await token(DEMO_EMAILS.coordinator);
      const runs = await get(coordinator, '/matching-runs');
      expect(runs.data).toHaveLength(1);
      await waitFor(
        async () =>
          (await get(coordinator, `/matching-runs/${runs.data[0].id}`)).status === 'completed',
        60_000,
      );
      const proposals = await get(coordinator, `/matches?runId=${runs.data[0].id}`);
      expect(proposals.data.length).toBeGreaterThan(0); // computed by the worker
      expect((await get(coordinator, '/vacancies')).data).toHaveLength(6);

      const [staff] = await dataSource.query('SELECT foundation_id FROM users WHERE email = $1', [
        DEMO_EMAILS.foundation_staff,
      ]);
      const foundation = await token(DEMO_EMAILS.foundation_staff);
      const overview = await get(
        foundation,
        `/foundations/${staff.foundation_id}/overview?until=2026-12-01`,
      );
      // The two placements from matches and the foundation's cohort-2025 student (demo-outcomes.ts).
      expect(overview.data).toHaveLength(3);
      const bench = await get(
        foundation,
        `/foundations/${staff.foundation_id}/bench-days?until=2026-12-01`,
      );
      expect(bench.data).toEqual([
        expect.objectContaining({ startDate: '2026-09-01', endDate: '2026-12-01', days: 92 }),
      ]);
      expect((await get(foundation, '/vacancies')).data).toHaveLength(4);

      const student = await token(DEMO_EMAILS.student);
      const own = await get(student, '/matches');
      expect(own.data.map((m: { status: string }) => m.status)).toEqual(['accepted']);
      const company = await token(DEMO_EMAILS.company_rep);
      // Its own two vacancies and the foundation's vacancy it hosts.
      expect((await get(company, '/vacancies')).data).toHaveLength(3);
    });

    it('shows real figures in the outcome, monitoring and subsidy reports', async () => {
      const token = (email: string) => login(api.http, email, DEMO_PASSWORD);
      const get = async (t: string, path: string) => {
        const res = await api.http.get(`/api/v1${path}`).set(bearer(t));
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        return res.body;
      };
      const [ids] = await dataSource.query(
        `SELECT (SELECT university_id FROM users WHERE email = $1) AS university,
                (SELECT foundation_id FROM users WHERE email = $2) AS foundation,
                (SELECT company_id FROM users WHERE email = $3) AS company`,
        [DEMO_EMAILS.coordinator, DEMO_EMAILS.foundation_staff, DEMO_EMAILS.company_rep],
      );
      const coordinator = await token(DEMO_EMAILS.coordinator);
      const outcomes = await get(coordinator, `/reports/outcomes?universityId=${ids.university}`);
      expect(outcomes.totals.inProgress).toBeGreaterThan(0);
      expect(outcomes.totals.graduatedOnTime).toBeGreaterThan(0);
      expect(outcomes.totals.graduatedWithDelay).toBeGreaterThan(0);
      expect(outcomes.totals.droppedOut).toBeGreaterThan(0);
      expect(new Set(outcomes.rows.map((r: { cohort: number }) => r.cohort))).toEqual(
        new Set([2025, 2026]),
      );
      // The country's figures come from the summary the worker built once the demo was in.
      const state = await waitFor(async () => {
        const [row] = await dataSource.query(
          `SELECT refreshed_at, students FROM outcome_summary_state WHERE refreshed_at IS NOT NULL`,
        );
        return row;
      }, 30_000);
      const national = await get(api.adminToken, '/reports/outcomes');
      expect(national.figuresAsOf).toBe(new Date(state.refreshed_at).toISOString());
      expect(national.totals.students).toBe(state.students);
      expect(national.totals.students).toBeGreaterThanOrEqual(outcomes.totals.students);

      const overdue = await get(coordinator, '/monitoring/due?overdue=true');
      expect(overdue.data.length).toBeGreaterThan(0);
      for (const item of overdue.data) expect(item.daysOverdue).toBeGreaterThan(0);
      // One assessment was held without the employer: recorded, and not complete.
      expect(
        await dataSource.query(
          `SELECT kind, complete, count(*)::int AS n FROM progress_meetings
            WHERE kind = 'assessment' GROUP BY kind, complete ORDER BY complete`,
        ),
      ).toEqual([
        { kind: 'assessment', complete: false, n: 1 },
        { kind: 'assessment', complete: true, n: 2 },
      ]);

      const year = 'academicYear=2025';
      const foundation = await token(DEMO_EMAILS.foundation_staff);
      const foundationReport = await get(
        foundation,
        `/reports/subsidy?employerType=foundation&employerId=${ids.foundation}&${year}`,
      );
      expect(
        foundationReport.placements.filter(
          (p: { eligible: boolean; maxAmountCents: number }) => p.eligible && p.maxAmountCents > 0,
        ).length,
      ).toBeGreaterThan(0);
      const company = await token(DEMO_EMAILS.company_rep);
      const companyReport = await get(
        company,
        `/reports/subsidy?employerType=company&employerId=${ids.company}&${year}`,
      );
      expect(companyReport.totals.maxAmountCents).toBeGreaterThan(0);
      // Guided weeks with illness and holidays; one student's sector the subsidy does not cover.
      const absent = companyReport.placements.map(
        (p: { weeksAbsent: { illness: number; holiday: number } }) => p.weeksAbsent,
      );
      expect(absent.some((a: { illness: number }) => a.illness > 0)).toBe(true);
      expect(absent.some((a: { holiday: number }) => a.holiday > 0)).toBe(true);
      expect(companyReport.placements.filter((p: { eligible: boolean }) => !p.eligible)).toEqual([
        expect.objectContaining({ maxAmountCents: 0, reasons: expect.any(Array) }),
      ]);
    });
  });
});
