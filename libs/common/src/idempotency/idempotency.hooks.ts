import type { FastifyInstance } from 'fastify';
import { IdempotentRequest } from './idempotency.guard';
import { IdempotencyStore } from './idempotency.store';

/** Stores a claimed request's successful response, or releases the claim when it failed. */
export function registerIdempotencyHooks(fastify: FastifyInstance, store: IdempotencyStore): void {
  fastify.addHook('onSend', async (request: IdempotentRequest, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode < 400 && typeof payload === 'string') {
      await store.complete(
        claim.callerKey,
        claim.key,
        reply.statusCode,
        payload ? JSON.parse(payload) : null,
      );
    } else {
      await store.release(claim.callerKey, claim.key);
    }
    return payload;
  });
}
