import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../database/base.entity';

export interface JobRequest {
  queue: string;
  kind: string;
  /** Derived from what the job produces; asking again with the same key changes nothing. */
  key: string;
  subject: { type: string; id: string };
  payload: Record<string, unknown>;
  /** Not before this instant (a retry on the asker's own schedule); default: at once. */
  notBefore?: Date;
}

/** Asks for background work; the one way into the job path. */
@Injectable()
export class JobsService {
  /**
   * Call inside the transaction that makes the change the job follows: the job exists exactly
   * when the change does. Returns false when a job with this key already existed.
   */
  async enqueue(manager: EntityManager, request: JobRequest): Promise<boolean> {
    return (await this.enqueueMany(manager, [request])) > 0;
  }

  /** Several at once, in one statement (a fan-out); returns how many were new. */
  async enqueueMany(manager: EntityManager, requests: readonly JobRequest[]): Promise<number> {
    if (requests.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state, next_attempt_at)
       SELECT id, queue, kind, key, subject_type, subject_id, payload, 'queued', COALESCE(not_before, now())
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[],
                     $7::jsonb[], $8::timestamptz[])
           AS r(id, queue, kind, key, subject_type, subject_id, payload, not_before)
       ON CONFLICT (key) DO NOTHING
       RETURNING id`,
      [
        requests.map(() => newId()),
        requests.map((r) => r.queue),
        requests.map((r) => r.kind),
        requests.map((r) => r.key),
        requests.map((r) => r.subject.type),
        requests.map((r) => r.subject.id),
        requests.map((r) => JSON.stringify(r.payload)),
        requests.map((r) => r.notBefore ?? null),
      ],
    );
    return rows.length;
  }

  /**
   * Whether a run of a job about this subject holds a live lease right now (its work is under
   * way): for a use case that must not start the same work beside it.
   */
  async runningFor(
    manager: EntityManager,
    subject: { type: string; id: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM jobs
        WHERE subject_type = $1 AND subject_id = $2 AND state = 'running' AND lease_expires_at > now()
        LIMIT 1`,
      [subject.type, subject.id],
    );
    return rows.length > 0;
  }
}
