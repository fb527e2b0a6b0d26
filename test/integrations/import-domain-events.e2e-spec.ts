import { DomainEvents } from '@app/common';
import type { EntityManager } from 'typeorm';
import {
  IMPORT_EVENTS,
  ImportCompleted,
  ImportFailed,
} from '../../src/integrations/import-domain-events';
import { createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import { Recorder, recordEvents, scalar } from '../helpers/domain-events';
import {
  apiKey,
  createIntegrationKey,
  createProgrammeFor,
  studentRows,
  waitForImport,
} from '../helpers/imports';
import { startWorker, TestWorker } from '../helpers/worker';

/**
 * `import.completed` and `import.failed`, published by the real worker in the transaction that
 * finishes the import. The worker fails a job at its first unexplained error here, so an import
 * whose subscriber throws ends failed at once.
 */
describe('student imports: domain events', () => {
  let api: TestApi;
  let worker: TestWorker;
  let completed: Recorder<ImportCompleted>;
  let failed: Recorder<ImportFailed>;

  const importStatus = (m: EntityManager, e: { importId: string }) =>
    scalar(m, 'SELECT status FROM student_imports WHERE id = $1', [e.importId]);

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker({ JOB_MAX_ATTEMPTS: '1' });
    completed = recordEvents<ImportCompleted>(worker.app, IMPORT_EVENTS.completed, importStatus);
    failed = recordEvents<ImportFailed>(worker.app, IMPORT_EVENTS.failed, importStatus);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function university(): Promise<{
    tenant: Tenant;
    key: Record<string, string>;
    programmeId: string;
  }> {
    const tenant = await createTenant(api);
    const programmeId = await createProgrammeFor(api, tenant.coordinatorToken, tenant.universityId);
    const key = apiKey(
      await createIntegrationKey(api, tenant.coordinatorToken, tenant.universityId),
    );
    return { tenant, key, programmeId };
  }

  async function importStudents(key: Record<string, string>, students: object[]) {
    const res = await api.http.post('/api/v1/imports/students').set(key).send({ students });
    expect(res.status).toBe(202);
    return waitForImport(api.http, res.body.id, key);
  }

  it('import.completed carries the counts of what the import changed', async () => {
    const { tenant, key, programmeId } = await university();
    const [kept, renamed, added] = studentRows(programmeId, 3, uniq());
    expect(await importStudents(key, [kept, renamed])).toMatchObject({ created: 2 });
    const done = await importStudents(key, [
      kept,
      { ...renamed, lastName: 'Renamed' },
      added,
      { ...added, externalId: `${String(added.externalId)}-x`, email: 'not-an-email' },
    ]);
    expect(done).toMatchObject({ status: 'completed', created: 1, updated: 1, unchanged: 1 });

    expect(completed.where((e) => e.importId === done.id)).toEqual([
      {
        event: {
          type: 'import.completed',
          importId: done.id,
          universityId: tenant.universityId,
          status: 'completed',
          created: 1,
          updated: 1,
          unchanged: 1,
          rejected: 1,
        },
        inside: 'completed',
        outside: 'running',
      },
    ]);
  });

  it('a subscriber that throws rolls the import back: no student is written, and import.failed follows', async () => {
    const { tenant, key, programmeId } = await university();
    const stop = worker.app
      .get(DomainEvents)
      .subscribe<ImportCompleted>(IMPORT_EVENTS.completed, (_m, e) => {
        if (e.universityId === tenant.universityId) throw new Error('the outbox is unavailable');
      });
    try {
      const done = await importStudents(key, studentRows(programmeId, 3, uniq()));
      expect(done).toMatchObject({
        status: 'failed',
        created: 0,
        failureReason: 'the outbox is unavailable',
      });
      const students = await api.http
        .get('/api/v1/students')
        .query({ programmeId })
        .set(key)
        .expect(200);
      expect(students.body.data).toEqual([]);
      expect(failed.where((e) => e.importId === done.id)).toEqual([
        {
          event: {
            type: 'import.failed',
            importId: done.id,
            universityId: tenant.universityId,
            reason: 'the outbox is unavailable',
          },
          inside: 'failed',
          outside: 'running',
        },
      ]);
    } finally {
      stop();
    }
  });
});
