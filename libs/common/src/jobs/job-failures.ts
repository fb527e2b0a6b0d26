/**
 * What a failed run means for its job, as pure functions: the one retry policy of every job kind.
 * A job is failed only when its work is impossible (a PermanentJobError) or an unexplained error
 * keeps coming back for `maxAttempts` runs; a dependency that is away (PostgreSQL, Redis, the
 * disk) only ever delays it, with a backoff that grows to an hour.
 */

/** The work itself is impossible (its subject is gone, its input can never be valid): do not retry. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/**
 * Not now, and not a failure: the handler hands the job back to wait `delayMs` (say, a receiver
 * already has as many requests in flight as it may). The run does not count as an attempt.
 */
export class DeferJobError extends Error {
  override readonly name = 'DeferJobError';
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
  }
}

export type FailureKind = 'permanent' | 'dependency' | 'error';

export interface RetryPolicy {
  /** Delay before the second run; each further run doubles it. */
  baseDelayMs: number;
  /** The delay never grows beyond this. */
  maxDelayMs: number;
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'fail' };

/** Network errors of Node (sockets, DNS) and file-system conditions that pass by themselves. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOSPC',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'EAGAIN',
]);

/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "never": connection exceptions (08),
 * insufficient resources (53), operator intervention (57P01-57P03: shutdown, cannot connect
 * now), and the conflicts a rerun resolves (40001 serialization failure, 40P01 deadlock).
 */
const TRANSIENT_SQLSTATE = /^(08|53|57P0[123]|40001|40P01)/;

/** Messages of pg, TypeORM and ioredis that carry no code but mean the connection is gone. */
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Connection is closed|Client has encountered a connection error|MaxRetriesPerRequest|Stream isn't writeable|the database system is (starting up|shutting down|in recovery mode)|Redis did not answer|Reached the max retries per request limit/i;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  // TypeORM wraps the driver's error (driverError); Node wraps causes (cause).
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, errno } = current as { code?: unknown; errno?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof errno === 'string') codes.push(errno);
    current =
      (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** True when the error says a dependency (database, Redis, network, disk) is away, not that the work is wrong. */
export function isDependencyError(error: unknown): boolean {
  if (codesOf(error).some((code) => TRANSIENT_CODES.has(code) || TRANSIENT_SQLSTATE.test(code)))
    return true;
  const message = error instanceof Error ? error.message : String(error);
  return (
    TRANSIENT_MESSAGE.test(message) ||
    (error instanceof AggregateError && error.errors.some(isDependencyError))
  );
}

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PermanentJobError || (error as Error | null)?.name === 'PermanentJobError')
    return 'permanent';
  return isDependencyError(error) ? 'dependency' : 'error';
}

/**
 * The delay before run `attempt + 1`: base × 2^(attempt − 1), capped, with ±20 % jitter so the
 * jobs an outage held back do not all return in the same second.
 */
export function backoffMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(delay * (0.8 + 0.4 * random()));
}

/** What happens after run number `attempt` failed with an error of this kind. */
export function decideAfterFailure(
  kind: FailureKind,
  attempt: number,
  maxAttempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): FailureDecision {
  if (kind === 'permanent') return { action: 'fail' };
  if (kind === 'error' && attempt >= maxAttempts) return { action: 'fail' };
  return { action: 'retry', delayMs: backoffMs(attempt, policy, random) };
}

/** One line for `last_error`: the message, bounded, never a stack. */
export function describeFailure(error: unknown): string {
  const message =
    error instanceof Error
      ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
      : String(error);
  return message.slice(0, 2000);
}
