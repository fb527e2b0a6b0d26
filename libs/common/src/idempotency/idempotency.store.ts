import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, DomainError } from '../errors/domain-error';
import { IdempotencyRecord } from './idempotency-record.entity';

const RETENTION_HOURS = 24;
/** An in-progress claim older than this is taken to belong to a crashed request. */
const STALE_CLAIM_SECONDS = 60;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown };

/** Idempotency records in PostgreSQL, so every API replica sees the same keys. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for this request, or says which stored response to replay. */
  async claim(callerKey: string, key: string, requestHash: string): Promise<Claim> {
    const repo = this.dataSource.getRepository(IdempotencyRecord);
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values({ callerKey, idempotencyKey: key, requestHash, state: 'in_progress' })
        .orIgnore()
        .returning(['caller_key'])
        .execute();
      if (inserted.raw.length > 0) return { kind: 'claimed' };

      const [existing] = (await this.dataSource.query(
        `SELECT request_hash, state, status_code, response_body,
                EXTRACT(EPOCH FROM (now() - created_at))::float AS age
           FROM idempotency_records WHERE caller_key = $1 AND idempotency_key = $2`,
        [callerKey, key],
      )) as {
        request_hash: string;
        state: string;
        status_code: number | null;
        response_body: unknown;
        age: number;
      }[];
      if (!existing) continue; // released between our insert and select: try again
      if (existing.age > RETENTION_HOURS * 3600) {
        await this.release(callerKey, key, true);
        continue;
      }
      if (existing.request_hash !== requestHash) {
        throw new DomainError(
          422,
          'idempotency-key-reused',
          'Idempotency key reused',
          'This Idempotency-Key was already used with a different request body.',
        );
      }
      if (existing.state === 'completed') {
        return {
          kind: 'replay',
          status: existing.status_code ?? 200,
          body: existing.response_body,
        };
      }
      if (existing.age > STALE_CLAIM_SECONDS) {
        await this.release(callerKey, key);
        continue;
      }
      throw new ConflictError(
        'A request with this Idempotency-Key is still being processed; retry shortly.',
        'idempotency-in-progress',
      );
    }
    throw new ConflictError(
      'Could not claim the Idempotency-Key; retry shortly.',
      'idempotency-in-progress',
    );
  }

  async complete(callerKey: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_records SET state = 'completed', status_code = $3, response_body = $4
        WHERE caller_key = $1 AND idempotency_key = $2`,
      [callerKey, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request leaves nothing behind, so the client may retry with the same key. */
  async release(callerKey: string, key: string, anyState = false): Promise<void> {
    await this.dataSource
      .query(
        `DELETE FROM idempotency_records WHERE caller_key = $1 AND idempotency_key = $2${anyState ? '' : ` AND state = 'in_progress'`}`,
        [callerKey, key],
      )
      .catch(() => undefined);
  }
}
