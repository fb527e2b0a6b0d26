import { verifySealedPdf } from '@app/agreement-pdf';
import { bullJobId, DomainEvents, newId, redisOptionsFromUrl, sha256Hex } from '@app/common';
import { Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AgreementDocumentsSource } from '../../src/agreements/agreement-documents.source';
import { AgreementDocumentBuilder } from '../../src/documents/agreement-document.builder';
import { DOCUMENT_EVENTS, DocumentReady } from '../../src/documents/document-domain-events';
import { ClaimLostError, DocumentJobRunner } from '../../src/documents/document-job.runner';
import { DocumentStorage, LocalDocumentStorage } from '../../src/documents/document-storage';
import { loadDocumentsConfig } from '../../src/documents/documents.config';
import { StoredDocument } from '../../src/documents/entities/document.entity';
import { loadSealer } from '../../src/documents/seal-certificate';
import { JOBS, jobKeys, QUEUES } from '../../src/jobs/queues';
import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementBody,
  agreementWorld,
  AgreementWorld,
  createAgreement,
  fullySigned as signedBy3,
} from '../helpers/agreements';
import { startWorker, TestWorker, waitFor, withEnv } from '../helpers/worker';

const ROOT = join(__dirname, '..', '..');

/**
 * Races and crashes, on a database and queue prefix of their own (in the shared ones, other test
 * files' workers would take these jobs): many signers at once, duplicated jobs, and a worker
 * process killed with SIGKILL in the middle of sealing.
 */
describe('documents: exactly one sealed document per version', () => {
  const documentsDir = join(
    process.env.TEST_DATA_DIR ?? '/tmp/dualroute-test',
    `docs-${process.pid}`,
  );
  let env: Record<string, string>;
  let api: TestApi;
  let world: AgreementWorld;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    env = {
      DATABASE_URL: process.env.DATABASE_URL!,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-docs`,
      DOCUMENTS_DIR: documentsDir,
      // A dead worker's claim runs out after a second; the reconciler then re-drives its job.
      JOB_LEASE_SECONDS: '1',
      JOB_REDRIVE_AFTER_SECONDS: '1',
      JOB_RECONCILE_INTERVAL_SECONDS: '0.3',
    };
    api = await withEnv(env, () => startApi());
    db = api.app.get(DataSource);
    world = await agreementWorld(api);
    queue = new Queue(QUEUES.documents, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL!),
      prefix: env.QUEUE_PREFIX,
    });
  }, 60_000);

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await api?.close();
  });

  const fullySigned = (n: number) => signedBy3(api, world, n);

  async function sealJob(agreementId: string) {
    const [row] = await db.query(
      `SELECT id, key, state, attempts, dispatch_count, last_error FROM jobs WHERE key = $1`,
      [jobKeys.seal(agreementId, 1)],
    );
    return row as {
      id: string;
      key: string;
      state: string;
      attempts: number;
      dispatch_count: number;
      last_error: string | null;
    };
  }

  async function signedDocuments(ids: string[]) {
    return db.query(
      `SELECT id, agreement_id, version_number, status, sha256, storage_key, attempts
         FROM documents WHERE kind = 'signed' AND agreement_id = ANY($1) ORDER BY agreement_id`,
      [ids],
    ) as Promise<
      {
        id: string;
        agreement_id: string;
        status: string;
        sha256: string;
        storage_key: string;
        attempts: number;
      }[]
    >;
  }

  async function storedPdfs(agreementId: string): Promise<string[]> {
    const files = await readdir(join(documentsDir, 'agreements', agreementId)).catch(() => []);
    return files.filter((f) => f.endsWith('.pdf') && f.includes('-signed-'));
  }

  it('50 agreements, each signed by its three parties at once (ten agreements at a time), two workers: one seal job and one document per version', async () => {
    const ids = await fullySigned(50);
    const jobs = await db.query(
      `SELECT key, count(*)::int AS n FROM jobs WHERE kind = $1 AND key = ANY($2) GROUP BY key`,
      [JOBS.sealAgreement, ids.map((id) => jobKeys.seal(id, 1))],
    );
    expect(jobs).toHaveLength(50);
    expect(jobs.every((r: { n: number }) => r.n === 1)).toBe(true);

    const workers: TestWorker[] = [await startWorker(env), await startWorker(env)];
    try {
      const docs = await waitFor(async () => {
        const rows = await signedDocuments(ids);
        return rows.length === 50 && rows.every((r) => r.status === 'ready') ? rows : null;
      }, 90_000);
      expect(new Set(docs.map((d) => d.agreement_id)).size).toBe(50);
      for (const d of docs) expect(await storedPdfs(d.agreement_id)).toHaveLength(1);
      // This test's runs only: other tests of the file (any order) seal on the same queue.
      const mine = ids.map((id) => jobKeys.seal(id, 1));
      const sealRuns = (await queue.getJobs(['completed'], 0, -1)).filter(
        (j) =>
          j.name === JOBS.sealAgreement &&
          j.returnvalue?.outcome === 'succeeded' &&
          mine.some((key) => j.id?.startsWith(`${key}-d`)),
      );
      expect(sealRuns.map((j) => j.id).sort()).toEqual(
        ids.map((id) => bullJobId(jobKeys.seal(id, 1), 1)).sort(),
      );
      for (const id of ids)
        expect(await sealJob(id)).toMatchObject({ state: 'succeeded', attempts: 1 });

      // A duplicated hand-over (another BullMQ id, same job) finds the job done and runs nothing.
      const first = await sealJob(ids[0]);
      const dup = await queue.add(
        JOBS.sealAgreement,
        { jobId: first.id },
        { jobId: `dup-${ids[0]}` },
      );
      const outcome = await waitFor(async () => {
        const job = await Job.fromId(queue, dup.id!);
        return (await job?.isCompleted()) ? job!.returnvalue : null;
      });
      expect(outcome).toEqual({ outcome: 'skipped', state: 'succeeded' });
      expect(await storedPdfs(ids[0])).toHaveLength(1);
      const again = await signedDocuments([ids[0]]);
      expect(again[0]).toMatchObject({ sha256: docs[0].sha256, attempts: docs[0].attempts });
    } finally {
      for (const w of workers) await w.close();
    }
  }, 150_000);

  it('a worker killed with SIGKILL while sealing: the job is recovered and sealed exactly once', async () => {
    const ids = await fullySigned(12);
    let killed: { id: string; agreement_id: string } | null = null;
    for (let tries = 0; tries < 5 && !killed; tries += 1) {
      const child = spawnWorker();
      try {
        const busy = await waitFor(
          async () => {
            const [row] = await db.query(
              `SELECT id, agreement_id FROM documents
              WHERE kind = 'signed' AND status = 'processing' AND agreement_id = ANY($1) LIMIT 1`,
              [ids],
            );
            return row ?? null;
          },
          60_000,
          2,
        );
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
        const [after] = await db.query('SELECT status FROM documents WHERE id = $1', [busy.id]);
        // Killed mid-job (not in the instant after it finished): the test case we want.
        if (after.status === 'processing') killed = busy;
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
    expect(killed).not.toBeNull();

    const restarted = await startWorker(env);
    try {
      const docs = await waitFor(async () => {
        const rows = await signedDocuments(ids);
        return rows.length === 12 && rows.every((r) => r.status === 'ready') ? rows : null;
      }, 60_000);
      const recovered = docs.find((d) => d.id === killed!.id)!;
      expect(recovered.attempts).toBeGreaterThanOrEqual(2);
      const job = await sealJob(killed!.agreement_id);
      expect(job.state).toBe('succeeded');
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      for (const d of docs) {
        const files = await storedPdfs(d.agreement_id);
        expect(files).toHaveLength(1);
        const pdf = await readFile(join(documentsDir, d.storage_key));
        expect(sha256Hex(pdf)).toBe(d.sha256);
        expect(verifySealedPdf(pdf)).toMatchObject({ valid: true });
      }
    } finally {
      await restarted.close();
    }
  }, 240_000);

  it('a run that lost its claim (presumed dead, then woke up) cannot mark the row ready', async () => {
    const [id] = await fullySigned(1);
    const config = loadDocumentsConfig({ ...process.env, ...env });
    const quiet = { log: () => undefined, warn: () => undefined } as unknown as Logger;
    const storage = new LocalDocumentStorage(documentsDir);
    let beforeStore: (() => Promise<void>) | null = null;
    // The real storage, with a hook at the moment between rendering and marking the row ready.
    const hooked: DocumentStorage = {
      put: async (key, bytes) => {
        const hook = beforeStore;
        beforeStore = null;
        if (hook) await hook();
        return storage.put(key, bytes);
      },
      get: (key) => storage.get(key),
      stream: (key) => storage.stream(key),
      exists: (key) => storage.exists(key),
      remove: (key) => storage.remove(key),
      removeAbandonedWrites: (ms) => storage.removeAbandonedWrites(ms),
    };
    const events = new DomainEvents();
    const ready: string[] = [];
    events.subscribe<DocumentReady>(DOCUMENT_EVENTS.ready, (_m, e) => {
      ready.push(e.documentId);
    });
    const runner = new DocumentJobRunner(
      db.getRepository(StoredDocument),
      new AgreementDocumentBuilder(config, new AgreementDocumentsSource()),
      hooked,
      await loadSealer(config, quiet),
      new AgreementDocumentsSource(),
      events,
    );
    // Another run claims the row while this one is still rendering.
    beforeStore = async () => {
      await db.query(
        `UPDATE documents SET attempts = attempts + 1 WHERE agreement_id = $1 AND kind = 'signed'`,
        [id],
      );
    };
    await expect(runner.run('signed', id, 1)).rejects.toThrow(ClaimLostError);
    let [row] = await signedDocuments([id]);
    expect(row).toMatchObject({ status: 'processing', attempts: 2, sha256: null });
    expect(ready).toEqual([]);

    const made = await runner.run('signed', id, 1);
    expect(made.alreadyReady).toBe(false);
    const again = await runner.run('signed', id, 1);
    expect(again).toEqual({ ...made, alreadyReady: true });
    [row] = await signedDocuments([id]);
    expect(row).toMatchObject({ status: 'ready', sha256: made.sha256, attempts: 3 });
    expect(await storedPdfs(id)).toHaveLength(1);
    // Only the run that marked the row ready told anyone.
    expect(ready).toEqual([made.documentId]);
  });

  it('a job that cannot succeed marks its document failed with the reason (no endless retries)', async () => {
    const draft = await createAgreement(api, world.coordinatorToken, agreementBody(world));
    // A signed document asked for a version that never came into force (e.g. a hand-made job).
    const [doc] = await db.query(
      `INSERT INTO documents (id, agreement_id, version_number, kind, status, content_hash)
       VALUES (gen_random_uuid(), $1, 1, 'signed', 'queued', $2) RETURNING id`,
      [draft.id, 'f'.repeat(64)],
    );
    await db.query(
      `INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state)
       VALUES ($1, $2, $3, $4, 'document', $5, $6, 'queued')`,
      [
        newId(),
        QUEUES.documents,
        JOBS.sealAgreement,
        jobKeys.seal(draft.id, 1),
        doc.id,
        { agreementId: draft.id, version: 1 },
      ],
    );
    const worker = await startWorker(env);
    try {
      const failed = await waitFor(async () => {
        const res = await api.http
          .get(`/api/v1/documents/${doc.id}`)
          .set(bearer(world.coordinatorToken));
        return res.body.status === 'failed' ? res.body : null;
      });
      expect(failed.error).toMatch(/not frozen/);
      const job = await sealJob(draft.id);
      expect(job).toMatchObject({ state: 'failed', attempts: 1 }); // impossible: not retried
      expect(job.last_error).toMatch(/PermanentJobError: version 1 is not frozen/);
      const content = await api.http
        .get(`/api/v1/documents/${doc.id}/content`)
        .set(bearer(world.coordinatorToken));
      expect(content.status).toBe(409);
      expect(content.body.documentStatus).toBe('failed');
    } finally {
      await worker.close();
    }
  });

  /** The real worker entry point in a process of its own (so it can be killed), one job at a time. */
  function spawnWorker(): ChildProcess {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/worker.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, DOCUMENT_JOB_CONCURRENCY: '1', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr?.on('data', (chunk: Buffer) =>
      new Logger('worker child').warn(chunk.toString().trim()),
    );
    return child;
  }
});
