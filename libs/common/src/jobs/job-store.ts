import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../pagination/pagination';
import { JobRecord, JobState } from './job-record.entity';

export interface JobFilter {
  state?: JobState;
  /** Unfinished and not moving: see `stuckCondition`. */
  stuck?: boolean;
  queue?: string;
  kind?: string;
  subjectId?: string;
  limit?: number;
  cursor?: string;
}

export interface JobKindMetrics {
  queue: string;
  kind: string;
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  stuck: number;
  /** Seconds the longest-waiting due job has waited (0 when none waits). */
  oldestDueSeconds: number;
  lastHour: {
    succeeded: number;
    failed: number;
    p50DurationMs: number | null;
    p95DurationMs: number | null;
  };
}

/**
 * Not finished and not moving for longer than the re-drive threshold: dispatched and neither
 * started nor under a live lease, or due and never handed over (Redis away). The reconciler
 * re-drives the first kind by itself; an admin sees both.
 */
const stuckCondition = (alias: string) =>
  `(${alias}.state IN ('queued', 'running')
    AND COALESCE(${alias}.dispatched_at, ${alias}.next_attempt_at) < now() - :redriveMs * interval '1 millisecond'
    AND (${alias}.state = 'queued' OR ${alias}.lease_expires_at < now()))`;

/** The read and repair side of the job path, for operators. */
@Injectable()
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: JobFilter, redriveAfterMs: number): Promise<Page<JobRecord>> {
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const qb = this.dataSource.getRepository(JobRecord).createQueryBuilder('j');
    if (filter.state) qb.andWhere('j.state = :state', { state: filter.state });
    if (filter.queue) qb.andWhere('j.queue = :queue', { queue: filter.queue });
    if (filter.kind) qb.andWhere('j.kind = :kind', { kind: filter.kind });
    if (filter.subjectId) qb.andWhere('j.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.stuck) qb.andWhere(stuckCondition('j'), { redriveMs: redriveAfterMs });
    if (filter.cursor) qb.andWhere('j.id > :cursor', { cursor: decodeCursor(filter.cursor) });
    const rows = await qb
      .orderBy('j.id', 'ASC')
      .take(limit + 1)
      .getMany();
    return toPage(rows, limit);
  }

  get(id: string): Promise<JobRecord | null> {
    return this.dataSource.getRepository(JobRecord).findOneBy({ id });
  }

  /** Whether the job is stuck now (see stuckCondition). */
  async isStuck(id: string, redriveAfterMs: number): Promise<boolean> {
    const found = await this.dataSource
      .getRepository(JobRecord)
      .createQueryBuilder('j')
      .where('j.id = :id', { id })
      .andWhere(stuckCondition('j'), { redriveMs: redriveAfterMs })
      .getCount();
    return found > 0;
  }

  /**
   * Puts a failed or stuck job back in line now, with a fresh budget of attempts, inside the
   * caller's transaction (which also audits it). Returns the row as it was, or null when it was
   * neither (the caller answers 409).
   */
  async requeue(
    manager: EntityManager,
    id: string,
    redriveAfterMs: number,
  ): Promise<JobRecord | null> {
    const before = await manager
      .getRepository(JobRecord)
      .createQueryBuilder('j')
      .setLock('pessimistic_write')
      .where('j.id = :id', { id })
      .andWhere(`(j.state = 'failed' OR ${stuckCondition('j')})`, { redriveMs: redriveAfterMs })
      .getOne();
    if (!before) return null;
    await manager.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, next_attempt_at = now(), dispatched_at = NULL,
              lease_owner = NULL, lease_expires_at = NULL, finished_at = NULL, updated_at = now()
        WHERE id = $1`,
      [id],
    );
    return before;
  }

  async metrics(redriveAfterMs: number): Promise<JobKindMetrics[]> {
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT queue, kind,
              count(*) FILTER (WHERE state = 'queued')::int AS queued,
              count(*) FILTER (WHERE state = 'running')::int AS running,
              count(*) FILTER (WHERE state = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE ${stuckCondition('jobs').replace(/:redriveMs/g, '$1')})::int AS stuck,
              COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at) FILTER (
                WHERE state = 'queued' AND next_attempt_at <= now())), 0)::float AS oldest_due_seconds,
              count(*) FILTER (WHERE state = 'succeeded' AND finished_at > now() - interval '1 hour')::int AS hour_succeeded,
              count(*) FILTER (WHERE state = 'failed' AND finished_at > now() - interval '1 hour')::int AS hour_failed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY last_duration_ms)
                FILTER (WHERE finished_at > now() - interval '1 hour') AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY last_duration_ms)
                FILTER (WHERE finished_at > now() - interval '1 hour') AS p95
         FROM jobs GROUP BY queue, kind ORDER BY queue, kind`,
      [redriveAfterMs],
    );
    return rows.map((r) => ({
      queue: String(r.queue),
      kind: String(r.kind),
      queued: Number(r.queued),
      running: Number(r.running),
      succeeded: Number(r.succeeded),
      failed: Number(r.failed),
      stuck: Number(r.stuck),
      oldestDueSeconds: Math.round(Number(r.oldest_due_seconds)),
      lastHour: {
        succeeded: Number(r.hour_succeeded),
        failed: Number(r.hour_failed),
        p50DurationMs: r.p50 === null ? null : Math.round(Number(r.p50)),
        p95DurationMs: r.p95 === null ? null : Math.round(Number(r.p95)),
      },
    }));
  }
}
