import { DataSource } from 'typeorm';
import { StudentImportRunner } from '../../src/integrations/student-import.runner';
import { bearer, createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import {
  apiKey,
  companyRep,
  createIntegrationKey,
  createProgrammeFor,
  ImportResource,
  studentRows,
  waitForImport,
} from '../helpers/imports';
import { startWorker, TestWorker } from '../helpers/worker';

interface StudentView {
  id: string;
  version: number;
  externalId: string;
  studentNumber: string;
  email: string;
  lastName: string;
  dateOfBirth: string | null;
  [field: string]: unknown;
}

describe('student import (POST /imports/students, real worker)', () => {
  let api: TestApi;
  let worker: TestWorker;
  let db: DataSource;
  let uniA: Tenant;
  let uniB: Tenant;
  let programmeA: string;
  let programmeB: string;
  let keyA: Record<string, string>;
  let keyB: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    db = api.app.get(DataSource);
    [uniA, uniB] = await Promise.all([createTenant(api), createTenant(api)]);
    [programmeA, programmeB] = await Promise.all([
      createProgrammeFor(api, uniA.coordinatorToken, uniA.universityId),
      createProgrammeFor(api, uniB.coordinatorToken, uniB.universityId),
    ]);
    keyA = apiKey(await createIntegrationKey(api, uniA.coordinatorToken, uniA.universityId));
    keyB = apiKey(await createIntegrationKey(api, uniB.coordinatorToken, uniB.universityId));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function postImport(headers: Record<string, string>, body: object, status = 202) {
    const res = await api.http.post('/api/v1/imports/students').set(headers).send(body);
    if (res.status !== status)
      throw new Error(`POST import: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  async function runImport(
    headers: Record<string, string>,
    students: object[],
  ): Promise<ImportResource> {
    const res = await postImport(headers, { students });
    expect(res.body).toMatchObject({ status: 'queued', totalRows: students.length });
    return waitForImport(api.http, res.body.id, headers);
  }

  /** Every student of a programme, through GET /students (pages of 200). */
  async function studentsOf(
    programmeId: string,
    headers: Record<string, string>,
  ): Promise<StudentView[]> {
    const all: StudentView[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: StudentView[]; nextCursor: string | null } } = await api.http
        .get('/api/v1/students')
        .query({ programmeId, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(headers)
        .expect(200);
      all.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    return all;
  }

  // The first import happens before the tests, which then run in any order: each leaves the
  // batch as it found it.
  describe('a batch of 1,000', () => {
    const tag = uniq();
    let rows: Record<string, unknown>[];
    let firstImportId: string;
    let accepted: Record<string, unknown>;
    let done: ImportResource;

    beforeAll(async () => {
      rows = studentRows(programmeA, 1000, tag);
      const res = await postImport(keyA, { students: rows });
      accepted = res.body;
      firstImportId = res.body.id;
      done = await waitForImport(api.http, firstImportId, keyA);
    });

    it('is accepted with 202, imported by the worker, and the students are readable', async () => {
      expect(accepted).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'queued',
        universityId: uniA.universityId,
        totalRows: 1000,
      });
      expect(done).toMatchObject({
        status: 'completed',
        created: 1000,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        errors: [],
      });
      expect(done.startedAt).toEqual(expect.any(String));
      expect(done.finishedAt).toEqual(expect.any(String));

      const students = await studentsOf(programmeA, keyA);
      const imported = students.filter((s) => s.externalId.startsWith(`sis-${tag}-`));
      expect(imported).toHaveLength(1000);
      const third = imported.find((s) => s.externalId === `sis-${tag}-2`);
      expect(third).toMatchObject({
        studentNumber: `${tag}00002`,
        email: `student.${tag}.2@example.nl`,
        universityId: uniA.universityId,
        dateOfBirth: rows[2].dateOfBirth,
        version: 1,
      });
    });

    it('re-importing the same batch changes nothing and reports all unchanged', async () => {
      const before = await db.query(
        'SELECT max(updated_at) AS "at", sum(version)::int AS "versions" FROM students WHERE programme_id = $1',
        [programmeA],
      );
      const again = await runImport(keyA, rows);
      expect(again).toMatchObject({
        status: 'completed',
        created: 0,
        updated: 0,
        unchanged: 1000,
        rejected: 0,
      });
      const after = await db.query(
        'SELECT max(updated_at) AS "at", sum(version)::int AS "versions" FROM students WHERE programme_id = $1',
        [programmeA],
      );
      expect(after).toEqual(before);
    });

    it('updates only the rows that changed, bumping their version', async () => {
      const changed = rows.map((row, i) =>
        i % 100 === 7 ? { ...row, lastName: `Renamed ${i}` } : row,
      );
      const result = await runImport(keyA, changed);
      expect(result).toMatchObject({ created: 0, updated: 10, unchanged: 990, rejected: 0 });
      const res = await api.http
        .get('/api/v1/students')
        .query({ externalId: `sis-${tag}-107` })
        .set(keyA)
        .expect(200);
      expect(res.body.data).toEqual([
        expect.objectContaining({ lastName: 'Renamed 107', version: 2 }),
      ]);
      // Back as it was, for the tests that re-import the original batch.
      const restored = await runImport(keyA, rows);
      expect(restored).toMatchObject({ created: 0, updated: 10, unchanged: 990, rejected: 0 });
    });

    it('a duplicated or retried job for a finished import is a no-op', async () => {
      const runner = worker.app.get(StudentImportRunner);
      await expect(runner.run(firstImportId)).resolves.toMatchObject({
        processed: false,
        status: 'completed',
      });
      const res = await api.http.get(`/api/v1/imports/${firstImportId}`).set(keyA).expect(200);
      expect(res.body).toMatchObject({ created: 1000, status: 'completed' });
    });
  });

  it('imports the good rows of a batch and reports each bad row with its field and reason', async () => {
    const tag = uniq();
    const [taken] = studentRows(programmeA, 1, `${tag}t`);
    await runImport(keyA, [taken]); // holds a student number another row will try to take
    const good = studentRows(programmeA, 3, tag);
    const bad: Record<string, unknown>[] = [
      { ...good[0], externalId: undefined, studentNumber: `${tag}x1` },
      { ...good[0], externalId: `${tag}-e`, studentNumber: `${tag}x2`, email: 'not-an-email' },
      { ...good[0], externalId: `${tag}-p`, studentNumber: `${tag}x3`, programmeId: programmeB },
      { ...good[0], studentNumber: `${tag}x4` }, // repeats good[0]'s externalId
      { ...good[0], externalId: `${tag}-n`, studentNumber: taken.studentNumber },
      { ...good[0], externalId: `${tag}-u`, studentNumber: `${tag}x5`, favouriteColour: 'blue' },
      {
        ...good[0],
        externalId: `${tag}-c`,
        studentNumber: `${tag}x6`,
        cohort: 1850,
        intakeGroup: 'astronaut',
      },
    ];
    const batch = [
      good[0],
      bad[0],
      bad[1],
      good[1],
      bad[2],
      bad[3],
      bad[4],
      bad[5],
      bad[6],
      good[2],
    ];
    const result = await runImport(keyA, batch);
    expect(result).toMatchObject({
      status: 'completed',
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 7,
    });
    expect(result.errors).toEqual([
      { index: 1, field: 'externalId', message: 'is required' },
      { index: 2, field: 'email', message: 'must be a valid email address' },
      { index: 4, field: 'programmeId', message: 'is not a programme of this university' },
      {
        index: 5,
        field: 'externalId',
        message: 'duplicates the externalId of row 0 in this batch',
      },
      {
        index: 6,
        field: 'studentNumber',
        message: `student number ${String(taken.studentNumber)} is already used by another student of this university`,
      },
      { index: 7, field: 'favouriteColour', message: 'is not a known field' },
      { index: 8, field: 'intakeGroup', message: expect.stringContaining('must be one of') },
      {
        index: 8,
        field: 'cohort',
        message: expect.stringMatching(/^must be a year from 2000 to \d{4}$/),
      },
    ]);
    const stored: { external_id: string }[] = await db.query(
      'SELECT external_id FROM students WHERE university_id = $1 AND last_name = $2 ORDER BY external_id',
      [uniA.universityId, `Tester ${tag}`],
    );
    expect(stored.map((s) => s.external_id)).toEqual(good.map((g) => g.externalId).sort());
  });

  it('drops a BSN from every row: it is stored nowhere, and the row imports', async () => {
    const bsn = '123456782';
    const rows = studentRows(programmeA, 2, uniq());
    rows[0].bsn = bsn;
    rows[1].BurgerServiceNummer = bsn;
    const result = await runImport(keyA, rows);
    expect(result).toMatchObject({ created: 2, rejected: 0, errors: [] });
    const [stored] = await db.query(
      'SELECT rows::text AS rows FROM student_imports WHERE id = $1',
      [result.id],
    );
    expect(stored.rows).toContain(String(rows[0].externalId));
    expect(stored.rows).not.toContain(bsn);
    expect(stored.rows.toLowerCase()).not.toMatch(/bsn|burgerservicenummer/);
    for (const table of ['students', 'student_imports', 'jobs', 'audit_events']) {
      const [found] = await db.query(
        `SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1`,
        [`%${bsn}%`],
      );
      expect({ table, n: found.n }).toEqual({ table, n: 0 });
    }
  });

  describe('who may import and read', () => {
    let importOfB: string;

    beforeAll(async () => {
      const res = await postImport(keyB, { students: studentRows(programmeB, 2) });
      importOfB = res.body.id;
      await waitForImport(api.http, importOfB, keyB);
      // Imports of A's own to list and page through, whichever tests ran before.
      for (let i = 0; i < 3; i++) await runImport(keyA, studentRows(programmeA, 1));
    });

    it("hides another university's import (404) from API keys and coordinators", async () => {
      await api.http.get(`/api/v1/imports/${importOfB}`).set(keyA).expect(404);
      await api.http
        .get(`/api/v1/imports/${importOfB}`)
        .set(bearer(uniA.coordinatorToken))
        .expect(404);
      await api.http.get(`/api/v1/imports/${importOfB}`).set(keyB).expect(200);
      await api.http
        .get(`/api/v1/imports/${importOfB}`)
        .set(bearer(uniB.coordinatorToken))
        .expect(200);
      await api.http.get(`/api/v1/imports/${importOfB}`).set(bearer(api.adminToken)).expect(200);
      const list = await api.http.get('/api/v1/imports').set(keyA).expect(200);
      expect(list.body.data.length).toBeGreaterThan(0);
      expect(
        list.body.data.every((i: { universityId: string }) => i.universityId === uniA.universityId),
      ).toBe(true);
      expect(list.body.data[0]).not.toHaveProperty('errors');
    });

    it('pages the list with a cursor and filters by status', async () => {
      const first = await api.http
        .get('/api/v1/imports?limit=2&status=completed')
        .set(keyA)
        .expect(200);
      expect(first.body.data).toHaveLength(2);
      const second = await api.http
        .get(`/api/v1/imports?limit=2&status=completed&cursor=${first.body.nextCursor}`)
        .set(keyA)
        .expect(200);
      expect(second.body.data[0].id > first.body.data[1].id).toBe(true);
    });

    it('answers 403 to roles that may not import', async () => {
      const rep = bearer(await companyRep(api));
      const res = await api.http
        .post('/api/v1/imports/students')
        .set(rep)
        .send({ students: studentRows(programmeA, 1) });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      await api.http.get(`/api/v1/imports/${importOfB}`).set(rep).expect(403);
      await api.http.get('/api/v1/imports').set(rep).expect(403);
      await api.http.get('/api/v1/imports').expect(401);
    });

    it('lets a coordinator import into their own university only (naming another is 403)', async () => {
      const coordinator = bearer(uniA.coordinatorToken);
      const rows = studentRows(programmeA, 1);
      await postImport(coordinator, { students: rows, universityId: uniB.universityId }, 403);
      const res = await postImport(coordinator, {
        students: rows,
        universityId: uniA.universityId,
      });
      expect(res.body.universityId).toBe(uniA.universityId);
      expect(res.body.requestedBy).toEqual({ kind: 'user', id: expect.any(String) });
    });

    it('requires an admin to name the university', async () => {
      const admin = bearer(api.adminToken);
      const missing = await postImport(admin, { students: studentRows(programmeB, 1) }, 422);
      expect(missing.body.errors).toEqual([
        { field: 'universityId', message: 'is required when an admin imports' },
      ]);
      const res = await postImport(admin, {
        students: studentRows(programmeB, 1),
        universityId: uniB.universityId,
      });
      const done = await waitForImport(api.http, res.body.id, admin);
      expect(done).toMatchObject({ universityId: uniB.universityId, created: 1 });
    });
  });

  it('replays a POST with the same Idempotency-Key instead of importing twice', async () => {
    const body = { students: studentRows(programmeA, 2) };
    const idempotencyKey = `import-${uniq()}`;
    const first = await api.http
      .post('/api/v1/imports/students')
      .set({ ...keyA, 'Idempotency-Key': idempotencyKey })
      .send(body)
      .expect(202);
    const again = await api.http
      .post('/api/v1/imports/students')
      .set({ ...keyA, 'Idempotency-Key': idempotencyKey })
      .send(body)
      .expect(202);
    expect(again.body.id).toBe(first.body.id);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM jobs WHERE payload->>'importId' = $1`,
      [first.body.id],
    );
    expect(n).toBe(1);
    await waitForImport(api.http, first.body.id, keyA);
  });

  describe('the envelope', () => {
    it.each([
      ['no students (a missing required field)', {}, 422],
      ['students not an array', { students: 'all of them' }, 400],
      ['a row that is not an object', { students: [{}, 'x'] }, 400],
      ['an unknown top-level field', { students: [{}], dryRun: true }, 400],
      ['an empty batch', { students: [] }, 422],
      ['more than 10,000 rows', { students: Array.from({ length: 10_001 }, () => ({})) }, 422],
      ['a universityId that is not a UUID', { students: [{}], universityId: 'x' }, 422],
    ])('refuses %s', async (_name, body, status) => {
      const res = await api.http
        .post('/api/v1/imports/students')
        .set(keyA)
        .send(body)
        .expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.length).toBeGreaterThan(0);
    });

    it('answers 404 for an unknown import and 400 for a malformed id', async () => {
      await api.http
        .get('/api/v1/imports/0190f3a0-0000-7000-8000-000000000000')
        .set(keyA)
        .expect(404);
      await api.http.get('/api/v1/imports/not-a-uuid').set(keyA).expect(400);
    });
  });
});
