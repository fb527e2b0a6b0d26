import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { isUuid } from '../database/base.entity';
import { withTimeout } from '../redis/queue-lifecycle';
import {
  classifyFailure,
  DeferJobError,
  decideAfterFailure,
  describeFailure,
  FailureDecision,
} from './job-failures';
import { ClaimedJob, claimedJob, JobHandler, JobHandlerFor, JobRow } from './job-handler';
import { JOB_OPTIONS, JobOptions } from './job-options';

export type RunOutcome =
  | 'succeeded'
  | 'retry_scheduled'
  | 'deferred'
  | 'failed'
  | 'skipped'
  | 'superseded';

interface ClaimRow extends JobRow {
  claimed: boolean;
  state: string;
  lease_expires_at: Date | null;
}

/** A claim: the job and the token (owner and attempt) that fences every write of this run. */
interface Claim {
  job: ClaimedJob;
  owner: string;
}

/**
 * Runs the jobs BullMQ carries, for every kind a handler in this process claims. Each run claims
 * its row under a lease renewed by a heartbeat, calls the handler, and records the outcome with
 * the one retry policy (job-failures.ts), all fenced by the claim: a run presumed dead that wakes
 * up can change nothing. The BullMQ job succeeds once the outcome is recorded in PostgreSQL, so
 * BullMQ retries only a hand-over whose run could not reach the database at all.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  /** Who holds a lease: this process (host, pid, random) and, per run, the BullMQ job. */
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workers: Worker[] = [];
  private connectionErrors = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    @Inject(JOB_OPTIONS) private readonly options: JobOptions,
  ) {}

  onApplicationBootstrap(): void {
    const concurrency = new Map<string, number>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: JobHandlerFor.KEY })) {
      const meta = this.discovery.getMetadataByDecorator(JobHandlerFor, wrapper);
      const handler = wrapper.instance as JobHandler | undefined;
      if (!meta || !handler) continue;
      for (const kind of meta.kinds) this.handlers.set(kind, handler);
      const wanted = handler.concurrency ?? meta.concurrency ?? 1;
      concurrency.set(meta.queue, Math.max(concurrency.get(meta.queue) ?? 1, wanted));
    }
    for (const [queue, n] of concurrency) {
      const worker = new Worker(queue, (job, token) => this.process(job, token), {
        connection: this.options.connection,
        prefix: this.options.prefix,
        concurrency: n,
      });
      worker.on('error', (error) => this.onConnectionError(queue, error));
      this.workers.push(worker);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Lets running jobs finish (their outcome is recorded); a hard stop leaves leases to expire.
    await Promise.all(
      this.workers.map((worker) =>
        withTimeout(worker.close(), 10_000, 'worker close timed out').catch(() =>
          worker.disconnect(),
        ),
      ),
    );
  }

  /** The handler of a kind in this process, if any (the reconciler records failures with it). */
  handlerFor(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }

  private async process(
    carrier: Job<{ jobId?: string }>,
    token?: string,
  ): Promise<Record<string, unknown>> {
    const jobId = carrier.data?.jobId;
    if (!isUuid(jobId)) throw new UnrecoverableError('The BullMQ job names no job row');
    const owner = `${this.workerId}/${carrier.id}`;
    const claimed = await this.claim(jobId, owner); // no database: BullMQ retries the hand-over
    if (this.connectionErrors > 0) this.connectionErrors = 0;
    if (!claimed.claim) {
      if (claimed.leaseExpiresAt && token) {
        // Another run holds a live lease: look again once it would have run out.
        await carrier.moveToDelayed(claimed.leaseExpiresAt.getTime() + 100, token);
        throw new DelayedError();
      }
      return { outcome: 'skipped' satisfies RunOutcome, state: claimed.state };
    }
    return this.execute(claimed.claim);
  }

  /**
   * Claims a due row, or one whose lease ran out, or one this same hand-over held (its previous
   * try could not record its outcome). Otherwise says why not.
   */
  private async claim(
    jobId: string,
    owner: string,
  ): Promise<{ claim?: Claim; state?: string; leaseExpiresAt?: Date | null }> {
    const rows: ClaimRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE jobs
            SET state = 'running', attempts = attempts + 1, lease_owner = $2,
                lease_expires_at = now() + $3 * interval '1 millisecond',
                started_at = now(), updated_at = now()
          WHERE id = $1
            AND ((state = 'queued' AND next_attempt_at <= now())
              OR (state = 'running' AND (lease_expires_at < now() OR lease_owner = $2)))
      RETURNING *)
       SELECT true AS claimed, c.id, c.queue, c.kind, c.key, c.subject_type, c.subject_id, c.payload,
              c.state, c.attempts, c.lease_expires_at FROM claimed c
       UNION ALL
       SELECT false, j.id, j.queue, j.kind, j.key, j.subject_type, j.subject_id, NULL, j.state, j.attempts,
              CASE WHEN j.state = 'running' THEN j.lease_expires_at END
         FROM jobs j WHERE j.id = $1 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [jobId, owner, this.options.leaseMs],
    );
    const row = rows[0];
    if (!row) return { state: 'missing' };
    if (!row.claimed) return { state: row.state, leaseExpiresAt: row.lease_expires_at };
    return { claim: { owner, job: claimedJob(row) } };
  }

  private async execute({ job, owner }: Claim): Promise<Record<string, unknown>> {
    const started = performance.now();
    const heartbeat = setInterval(
      () => void this.renewLease(job, owner),
      Math.max(100, this.options.leaseMs / 3),
    );
    let summary: Record<string, unknown> | void;
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for job kind ${job.kind} in this worker`);
      summary = await handler.run(job);
    } catch (error) {
      clearInterval(heartbeat);
      if (error instanceof DeferJobError) return this.defer(job, owner, error);
      return this.recordFailure(job, owner, error, Math.round(performance.now() - started));
    }
    clearInterval(heartbeat);
    const durationMs = Math.round(performance.now() - started);
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE jobs SET state = 'succeeded', finished_at = now(), updated_at = now(), lease_owner = NULL,
              lease_expires_at = NULL, last_error = NULL, last_duration_ms = $4
        WHERE id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'running'`,
      [job.id, owner, job.attempts, durationMs],
    );
    // Zero rows: this run's lease ran out and a later run took over; its outcome is the one that counts.
    const outcome: RunOutcome = affected ? 'succeeded' : 'superseded';
    this.report(job, outcome, durationMs, { ...(summary ?? {}) });
    return { outcome, ...(summary ?? {}) };
  }

  /** Back to the queue for later, the claim's attempt given back: a deferral is not a run. */
  private async defer(
    job: ClaimedJob,
    owner: string,
    deferral: DeferJobError,
  ): Promise<Record<string, unknown>> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE jobs
          SET state = 'queued', attempts = attempts - 1, next_attempt_at = now() + $4 * interval '1 millisecond',
              dispatched_at = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'running'`,
      [job.id, owner, job.attempts, deferral.delayMs],
    );
    return { outcome: (affected ? 'deferred' : 'superseded') satisfies RunOutcome };
  }

  private async recordFailure(
    job: ClaimedJob,
    owner: string,
    error: unknown,
    durationMs: number,
  ): Promise<Record<string, unknown>> {
    const reason = describeFailure(error);
    const decision = decideAfterFailure(
      classifyFailure(error),
      job.attempts,
      this.options.maxAttempts,
      this.options.retry,
    );
    const handler = this.handlers.get(job.kind);
    // Cannot be recorded while the database is away: the error reaches BullMQ, which retries the hand-over.
    const recorded = await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `UPDATE jobs
            SET state = $5, next_attempt_at = now() + $6 * interval '1 millisecond', dispatched_at = NULL,
                lease_owner = NULL, lease_expires_at = NULL, last_error = $4, last_duration_ms = $7,
                finished_at = CASE WHEN $5 = 'failed' THEN now() END, updated_at = now()
          WHERE id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'running'
        RETURNING id`,
        [
          job.id,
          owner,
          job.attempts,
          reason,
          decision.action === 'fail' ? 'failed' : 'queued',
          decision.action === 'retry' ? decision.delayMs : 0,
          durationMs,
        ],
      );
      if (rows.length === 0) return false;
      if (decision.action === 'fail') await handler?.onFailed?.(manager, job, reason);
      else await handler?.onRetryScheduled?.(manager, job, reason);
      return true;
    });
    const outcome: RunOutcome = !recorded
      ? 'superseded'
      : decision.action === 'fail'
        ? 'failed'
        : 'retry_scheduled';
    this.report(job, outcome, durationMs, { error: reason, ...retryIn(decision) });
    return { outcome, error: reason };
  }

  private async renewLease(job: ClaimedJob, owner: string): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE jobs SET lease_expires_at = now() + $4 * interval '1 millisecond'
          WHERE id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'running'`,
        [job.id, owner, job.attempts, this.options.leaseMs],
      );
    } catch {
      // The database is away: the lease runs out and the job is re-driven once it is back.
    }
  }

  /** The one log line of every run: which job, which attempt, what came of it, how long it took. */
  private report(
    job: ClaimedJob,
    outcome: RunOutcome,
    durationMs: number,
    extra: Record<string, unknown>,
  ): void {
    const line = {
      job: { id: job.id, queue: job.queue, kind: job.kind, key: job.key, attempt: job.attempts },
      outcome,
      durationMs,
      ...extra,
    };
    if (outcome === 'failed') this.logger.error(line, `job ${outcome}`);
    else if (outcome === 'retry_scheduled') this.logger.warn(line, `job ${outcome}`);
    else this.logger.log(line, `job ${outcome}`);
  }

  /** Connection errors while Redis is away: BullMQ reconnects by itself; log sparingly. */
  private onConnectionError(queue: string, error: Error): void {
    this.connectionErrors += 1;
    if (this.connectionErrors === 1 || this.connectionErrors % 50 === 0) {
      this.logger.warn(`Worker of ${queue}: ${error.message} (${this.connectionErrors}x)`);
    }
  }
}

function retryIn(decision: FailureDecision): Record<string, unknown> {
  return decision.action === 'retry' ? { retryInMs: decision.delayMs } : {};
}
