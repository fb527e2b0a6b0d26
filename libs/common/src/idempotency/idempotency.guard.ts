import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal, principalKey } from '../auth/principal';
import { canonicalJson, sha256Hex } from '../canonical-json';
import { ValidationError } from '../errors/domain-error';
import { IdempotencyStore } from './idempotency.store';

/** Thrown to answer a request with the stored first response; the problem filter sends it. */
export class IdempotentReplay {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface IdempotencyClaim {
  callerKey: string;
  key: string;
}

export type IdempotentRequest = FastifyRequest & { principal?: Principal; idempotency?: IdempotencyClaim };

/**
 * `Idempotency-Key` on POST: the first request with a key claims it; the same key and body again
 * within 24 h replays the stored status and body without running the handler; the same key with
 * another body is 422. Runs as a guard after authentication (keys are per caller); the response
 * is stored by the onSend hook (registerIdempotencyHooks), which sees the final status and body.
 * A guard rather than an interceptor: a global interceptor would wrap every request of the API.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(private readonly store: IdempotencyStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return true;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255) {
      throw new ValidationError([{ field: 'Idempotency-Key', message: 'must be between 1 and 255 characters' }], 400);
    }
    const callerKey = request.principal ? principalKey(request.principal) : `public:${request.url}`;
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);
    const claim = await this.store.claim(callerKey, key, requestHash);
    if (claim.kind === 'replay') throw new IdempotentReplay(claim.status, claim.body);
    request.idempotency = { callerKey, key };
    return true;
  }
}
