import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { Principal, principalKey } from '../auth/principal';
import { canonicalJson, sha256Hex } from '../canonical-json';
import { ConflictError, DomainError, ValidationError } from '../errors/domain-error';
import { IdempotencyRecord } from './idempotency-record.entity';

const RETENTION_HOURS = 24;
/** An in-progress claim older than this is taken to belong to a crashed request. */
const STALE_CLAIM_SECONDS = 60;

type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: unknown };

/**
 * `Idempotency-Key` on POST: the first request with a key claims it; the same key and body again
 * within 24 h replays the stored status and body without running the handler; the same key with
 * another body is 422. Stored in PostgreSQL, so every API replica sees the same records.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255) {
      throw new ValidationError(
        [{ field: 'Idempotency-Key', message: 'must be between 1 and 255 characters' }],
        400,
      );
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const callerKey = request.principal ? principalKey(request.principal) : `public:${request.url}`;
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);
    const successStatus =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(this.claim(callerKey, key, requestHash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          void reply.status(claim.status).header('idempotent-replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.complete(callerKey, key, successStatus, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            // A failed request leaves nothing behind: the client may retry with the same key.
            await this.release(callerKey, key);
            throw error;
          }),
        );
      }),
    );
  }

  private async claim(callerKey: string, key: string, requestHash: string): Promise<Claim> {
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

      const existing: (IdempotencyRecord & { ageSeconds: number }) | undefined = await repo
        .createQueryBuilder('r')
        .select('r')
        .addSelect('EXTRACT(EPOCH FROM (now() - r.created_at))', 'age')
        .where('r.caller_key = :callerKey AND r.idempotency_key = :key', { callerKey, key })
        .getRawAndEntities()
        .then(({ entities, raw }) =>
          entities[0] ? Object.assign(entities[0], { ageSeconds: Number(raw[0].age) }) : undefined,
        );
      if (!existing) continue; // released between our insert and select: try again
      if (existing.ageSeconds > RETENTION_HOURS * 3600) {
        await repo.delete({ callerKey, idempotencyKey: key, createdAt: existing.createdAt });
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw new DomainError(
          422,
          'idempotency-key-reused',
          'Idempotency key reused',
          'This Idempotency-Key was already used with a different request body.',
        );
      }
      if (existing.state === 'completed') {
        return { kind: 'replay', status: existing.statusCode ?? 200, body: existing.responseBody };
      }
      if (existing.ageSeconds > STALE_CLAIM_SECONDS) {
        await repo.delete({ callerKey, idempotencyKey: key, state: 'in_progress' });
        continue;
      }
      throw new ConflictError(
        'A request with this Idempotency-Key is still being processed; retry shortly.',
        'idempotency-in-progress',
      );
    }
    throw new ConflictError('Could not claim the Idempotency-Key; retry shortly.', 'idempotency-in-progress');
  }

  private async complete(callerKey: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .update(
        { callerKey, idempotencyKey: key },
        { state: 'completed', statusCode: status, responseBody: (body ?? null) as object },
      );
  }

  private async release(callerKey: string, key: string): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .delete({ callerKey, idempotencyKey: key, state: 'in_progress' })
      .catch(() => undefined);
  }
}
