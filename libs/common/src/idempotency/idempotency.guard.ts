import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Principal, principalKey } from '../auth/principal';
import { canonicalJson, sha256Hex } from '../canonical-json';
import { ValidationError } from '../errors/domain-error';
import { docMarker } from '../openapi/api-docs.decorators';
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

export const WITHOUT_IDEMPOTENCY = 'idempotency:skip';

/**
 * For POST endpoints that change nothing (e.g. verifying a document): an Idempotency-Key there
 * is ignored, so anonymous callers never share or block each other's keys.
 */
export const WithoutIdempotency = () =>
  applyDecorators(
    SetMetadata(WITHOUT_IDEMPOTENCY, true),
    docMarker((marker) => {
      marker.withoutIdempotency = true;
    }),
  );

export type IdempotentRequest = FastifyRequest & {
  principal?: Principal;
  idempotency?: IdempotencyClaim;
};

/**
 * `Idempotency-Key` on POST: the first request with a key claims it; the same key and body again
 * within 24 h replays the stored status and body without running the handler; the same key with
 * another body is 422. Runs as a guard after authentication (keys are per caller); the response
 * is stored by the onSend hook (registerIdempotencyHooks), which sees the final status and body.
 * A guard rather than an interceptor: a global interceptor would wrap every request of the API.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return true;
    const skip = this.reflector.getAllAndOverride<boolean>(WITHOUT_IDEMPOTENCY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (skip) return true;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > 255) {
      throw new ValidationError(
        [{ field: 'Idempotency-Key', message: 'must be between 1 and 255 characters' }],
        400,
      );
    }
    const callerKey = request.principal ? principalKey(request.principal) : `public:${request.url}`;
    // A binary body (a file upload) is hashed as bytes; canonicalJson would walk it byte by byte.
    const body = Buffer.isBuffer(request.body)
      ? `bytes:${sha256Hex(request.body)}`
      : canonicalJson(request.body ?? null);
    const requestHash = sha256Hex(`${request.method} ${request.url}\n${body}`);
    const claim = await this.store.claim(callerKey, key, requestHash);
    if (claim.kind === 'replay') throw new IdempotentReplay(claim.status, claim.body);
    request.idempotency = { callerKey, key };
    return true;
  }
}
