import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { withTimeout } from '../redis/queue-lifecycle';
import { claimedJob, JobRow } from './job-handler';
import { bullJobId, JOB_OPTIONS, JobOptions } from './job-options';
import { JobQueues } from './job-queues';
import { JobRunner } from './job-runner';

/** One reconciler at a time across every worker: the holder of this advisory lock. */
const RECONCILER_LOCK = 0x6a6f6273; // 'jobs'
const BATCH = 500;
/** BullMQ states in which a hand-over is still on its way to a worker. */
const IN_LINE = new Set([
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'paused',
]);

interface UnfinishedRow extends JobRow {
  state: 'queued' | 'running';
  dispatch_count: number;
}

export interface ReconcileResult {
  /** False when another worker holds the reconciler's lease this round. */
  leader: boolean;
  /** Handed back to the dispatcher: BullMQ lost them, or the worker running them stopped. */
  redriven: string[];
  /** Still in line in BullMQ (a long queue): looked at again later. */
  inLine: number;
  /** Runs kept dying (the worker stopped each time) until the attempts ran out. */
  failed: string[];
}

/**
 * Re-drives from PostgreSQL what the carrier lost. Every JOB_RECONCILE_INTERVAL it looks at the
 * jobs dispatched longer than JOB_REDRIVE_AFTER_SECONDS ago that are not finished and not under a
 * live lease: a running job whose lease ran out (its worker died, or lost the database) goes back
 * to the dispatcher; a queued job goes back too unless BullMQ still holds it in line (Redis lost
 * its data, or the job was dropped). Only the holder of an advisory lock reconciles, and each row
 * is changed under its row lock, so two workers never re-drive the same row twice.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobReconciler.name);
  private readonly queues: JobQueues;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: JobRunner,
    @Inject(JOB_OPTIONS) private readonly options: JobOptions,
  ) {
    this.queues = new JobQueues(options.connection, options.prefix);
  }

  onApplicationBootstrap(): void {
    this.schedule(this.options.reconcileIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.queues.close();
  }

  async reconcileOnce(): Promise<ReconcileResult> {
    return this.dataSource.transaction(async (manager) => {
      const [{ leader }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS leader', [
        RECONCILER_LOCK,
      ]);
      if (!leader) return { leader: false, redriven: [], inLine: 0, failed: [] };
      const rows: UnfinishedRow[] = await manager.query(
        `SELECT id, queue, kind, key, state, attempts, subject_type, subject_id, payload, dispatch_count
           FROM jobs
          WHERE state IN ('queued', 'running') AND dispatched_at IS NOT NULL
            AND dispatched_at < now() - $1 * interval '1 millisecond'
            AND (state = 'queued' OR lease_expires_at < now())
          ORDER BY dispatched_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [this.options.redriveAfterMs, BATCH],
      );
      if (rows.length === 0) return { leader: true, redriven: [], inLine: 0, failed: [] };
      const inLine = await this.stillInLine(rows.filter((row) => row.state === 'queued'));
      const exhausted = rows.filter(
        (row) => row.state === 'running' && row.attempts >= this.options.maxAttempts,
      );
      const redrive = rows.filter((row) => !inLine.has(row.id) && !exhausted.includes(row));
      if (inLine.size) {
        await manager.query('UPDATE jobs SET dispatched_at = now() WHERE id = ANY($1)', [
          [...inLine],
        ]);
      }
      if (redrive.length) {
        // dispatched_at NULL makes the row due again; the trigger wakes the dispatchers.
        await manager.query(
          `UPDATE jobs
              SET state = 'queued', dispatched_at = NULL, next_attempt_at = now(), lease_owner = NULL,
                  lease_expires_at = NULL, updated_at = now(),
                  last_error = CASE WHEN state = 'running'
                    THEN 'Re-driven: the worker running it stopped before it finished'
                    ELSE 'Re-driven: the queue no longer held it' END
            WHERE id = ANY($1)`,
          [redrive.map((row) => row.id)],
        );
        this.logger.warn({ redriven: redrive.length, kinds: countBy(redrive) }, 'jobs re-driven');
      }
      for (const row of exhausted) await this.fail(manager, row);
      return {
        leader: true,
        redriven: redrive.map((row) => row.id),
        inLine: inLine.size,
        failed: exhausted.map((row) => row.id),
      };
    });
  }

  /** The queued rows whose latest hand-over BullMQ still holds; none when Redis does not answer. */
  private async stillInLine(rows: UnfinishedRow[]): Promise<Set<string>> {
    const alive = new Set<string>();
    try {
      const states = await withTimeout(
        Promise.all(
          rows.map((row) =>
            this.queues.get(row.queue).getJobState(bullJobId(row.key, row.dispatch_count)),
          ),
        ),
        3_000,
        'Redis did not answer',
      );
      rows.forEach((row, i) => IN_LINE.has(states[i]) && alive.add(row.id));
    } catch {
      // Redis is away: re-drive them all; the dispatcher hands them over once it is back.
    }
    return alive;
  }

  /** A job whose every run ended with its worker dying: failed, and its subject told so. */
  private async fail(manager: EntityManager, row: UnfinishedRow): Promise<void> {
    const reason = `Failed: ${row.attempts} run(s) ended without an outcome (the worker stopped each time)`;
    await manager.query(
      `UPDATE jobs SET state = 'failed', finished_at = now(), updated_at = now(), lease_owner = NULL,
              lease_expires_at = NULL, last_error = $2
        WHERE id = $1`,
      [row.id, reason],
    );
    await this.runner.handlerFor(row.kind)?.onFailed?.(manager, claimedJob(row), reason);
    this.logger.error(
      { job: { id: row.id, kind: row.kind, key: row.key, attempt: row.attempts } },
      'job failed',
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.reconcileOnce()
        .then(() => {
          if (this.failures > 0) this.logger.log('Reconciler recovered');
          this.failures = 0;
        })
        .catch((error: Error) => {
          // The database is away (it holds the work): say so once, then every 20th pass.
          this.failures += 1;
          if (this.failures === 1 || this.failures % 20 === 0)
            this.logger.warn(`Reconciler pass failed (${this.failures}x): ${error.message}`);
        })
        .finally(() => {
          this.running = null;
          this.schedule(this.options.reconcileIntervalMs);
        });
    }, delayMs);
  }
}

function countBy(rows: UnfinishedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}
