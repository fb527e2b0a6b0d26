import { QueryFailedError } from 'typeorm';

/** A backing service whose absence makes a request fail without being the request's fault. */
export type Dependency = 'database' | 'redis';

/** Seconds a client is asked to wait (Retry-After) after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs that mean "the server is not there for us": connection exceptions
 * (class 08), administrator/crash shutdown, starting up or shutting down, too many connections.
 */
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Socket-level failures, from pg (connecting) or a connection dropped under a query. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
/** What pg and pg-pool say when no connection could be had or it went away mid-query. */
const PG_CONNECTION_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)$/;
/** What ioredis says when it does not send a command (fail-fast clients) or lost it. */
const REDIS_CONNECTION_MESSAGES =
  /^((Stream isn't writeable|Cluster isn't ready) and enableOfflineQueue options is false|Connection is closed\.|Command timed out)$/;

/**
 * Which dependency an error says is unreachable, or null for every other error. Only failures
 * to reach PostgreSQL or Redis count: a query PostgreSQL answered with an error (syntax,
 * constraint, lock timeout) is the request's or our bug, never a 503.
 */
export function unavailableDependency(error: unknown): Dependency | null {
  // Duck-typed, not `instanceof Error`: socket errors come from Node's own realm (which differs
  // from the application's under a test runner's VM).
  if (typeof error !== 'object' || error === null) return null;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'MaxRetriesPerRequestError') return 'redis';
  if (typeof message === 'string' && REDIS_CONNECTION_MESSAGES.test(message)) return 'redis';
  // TypeORM wraps what the driver threw during a query; a failed connect arrives unwrapped.
  const cause = (error instanceof QueryFailedError ? error.driverError : error) as {
    code?: unknown;
    message?: unknown;
  };
  if (
    typeof cause?.code === 'string' &&
    (PG_UNAVAILABLE.test(cause.code) || SOCKET_CODES.has(cause.code))
  ) {
    return 'database';
  }
  if (typeof cause?.message === 'string' && PG_CONNECTION_MESSAGES.test(cause.message)) {
    return 'database';
  }
  return null;
}
