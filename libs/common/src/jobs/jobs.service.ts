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
}

/** Asks for background work; the one way into the job path. */
@Injectable()
export class JobsService {
  /**
   * Call inside the transaction that makes the change the job follows: the job exists exactly
   * when the change does. Returns false when a job with this key already existed.
   */
  async enqueue(manager: EntityManager, request: JobRequest): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO jobs (id, queue, kind, key, subject_type, subject_id, payload, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'queued')
       ON CONFLICT (key) DO NOTHING
       RETURNING id`,
      [
        newId(),
        request.queue,
        request.kind,
        request.key,
        request.subject.type,
        request.subject.id,
        JSON.stringify(request.payload),
      ],
    );
    return rows.length > 0;
  }
}
