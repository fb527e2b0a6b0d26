import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { IdempotentReplay } from '../idempotency/idempotency.guard';
import { RETRY_AFTER_SECONDS, unavailableDependency } from './dependency-errors';
import { DomainError, FieldError, PROBLEM_BASE } from './domain-error';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Validation failed',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** PostgreSQL error codes we translate into client errors instead of 500s. */
const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_EXCLUSION_VIOLATION = '23P01';
const PG_CHECK_VIOLATION = '23514';
const PG_NOT_NULL_VIOLATION = '23502';
// Concurrent writers that PostgreSQL could not both let through (e.g. racing on an exclusion
// constraint): the request lost a race, it is safe to retry.
const PG_DEADLOCK_DETECTED = '40P01';
const PG_SERIALIZATION_FAILURE = '40001';
const PG_INVALID_TEXT = '22P02';

/** Turns every error into application/problem+json; unexpected ones become a logged 500. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (exception instanceof IdempotentReplay) {
      void reply.status(exception.status).header('idempotent-replayed', 'true').send(exception.body);
      return;
    }
    const problem = this.toProblem(exception, request);
    const dependency = unavailableDependency(exception);
    if (dependency) {
      // Expected while a dependency is down: one line per request, no stack trace.
      this.logger.warn(
        { requestId: request?.id, dependency, reason: (exception as Error).message },
        `${dependency} unavailable on ${request?.method} ${request?.url}: answered 503`,
      );
    } else if (problem.status === 503 && exception instanceof DomainError) {
      // A deliberate "not now" (e.g. not ready, queues unreachable): no stack trace needed.
      this.logger.warn(
        { requestId: request?.id },
        `${request?.method} ${request?.url}: ${problem.detail}`,
      );
    } else if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request?.id },
        `Unhandled error on ${request?.method} ${request?.url}`,
      );
    }
    if (problem.status === 503 && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }

  toProblem(exception: unknown, request?: FastifyRequest): ProblemDetails {
    const instance = request?.url;
    if (unavailableDependency(exception)) return this.unavailable(instance);
    if (exception instanceof DomainError) {
      // Extensions never replace the standard members (an extension named `status` once made a 500).
      return {
        ...exception.extensions,
        type: PROBLEM_BASE + exception.type,
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        instance,
      };
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception, instance);
    }
    if (exception instanceof QueryFailedError) {
      const translated = this.fromDatabaseError(exception, instance);
      if (translated) return translated;
    }
    const fastifyError = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      // Fastify's own errors (body too large, malformed JSON, wrong content type).
      const status = fastifyError.statusCode;
      return {
        type: PROBLEM_BASE + 'bad-request',
        title: TITLES[status] ?? 'Bad request',
        status,
        detail: fastifyError.message ?? 'The request could not be read.',
        instance,
      };
    }
    return {
      type: PROBLEM_BASE + 'internal-error',
      title: 'Internal server error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${request?.id ?? 'unknown'} when you report it.`,
      instance,
    };
  }

  /** Which dependency is down stays in the log and in /health/ready, not in a public answer. */
  private unavailable(instance?: string): ProblemDetails {
    return {
      type: PROBLEM_BASE + 'service-unavailable',
      title: 'Service unavailable',
      status: 503,
      detail: `The service cannot handle this request just now; retry in ${RETRY_AFTER_SECONDS} seconds.`,
      instance,
    };
  }

  private fromHttpException(exception: HttpException, instance?: string): ProblemDetails {
    const status = exception.getStatus();
    const response = exception.getResponse();
    let detail = exception.message;
    if (typeof response === 'object' && response !== null) {
      const message = (response as { message?: unknown }).message;
      if (Array.isArray(message)) detail = message.join('; ');
      else if (typeof message === 'string') detail = message;
    }
    return {
      type: PROBLEM_BASE + (status === 404 ? 'not-found' : status === 429 ? 'rate-limited' : 'http-' + status),
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance,
    };
  }

  private fromDatabaseError(error: QueryFailedError, instance?: string): ProblemDetails | null {
    const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
    switch (driverError?.code) {
      case PG_UNIQUE_VIOLATION:
        return {
          type: PROBLEM_BASE + 'duplicate',
          title: 'Conflict',
          status: 409,
          detail: `This would create a duplicate (${driverError.constraint ?? 'unique constraint'}).`,
          instance,
        };
      case PG_DEADLOCK_DETECTED:
      case PG_SERIALIZATION_FAILURE:
        return {
          type: PROBLEM_BASE + 'concurrent-update',
          title: 'Conflict',
          status: 409,
          detail: 'A concurrent change to the same data won; read it again and retry.',
          instance,
        };
      case PG_EXCLUSION_VIOLATION:
        return {
          type: PROBLEM_BASE + 'overlap',
          title: 'Conflict',
          status: 409,
          detail: `This overlaps an existing period (${driverError.constraint ?? 'exclusion constraint'}).`,
          instance,
        };
      case PG_FOREIGN_KEY_VIOLATION:
        return {
          type: PROBLEM_BASE + 'reference-not-found',
          title: 'Validation failed',
          status: 422,
          detail: 'A referenced resource does not exist.',
          instance,
        };
      case PG_NOT_NULL_VIOLATION:
        return {
          type: PROBLEM_BASE + 'validation-failed',
          title: 'Validation failed',
          status: 422,
          detail: `A required value is missing (${(driverError as { column?: string }).column ?? 'column'}).`,
          instance,
        };
      case PG_CHECK_VIOLATION:
      case PG_INVALID_TEXT:
        return {
          type: PROBLEM_BASE + 'validation-failed',
          title: 'Validation failed',
          status: 422,
          detail: `A value is not allowed (${driverError.constraint ?? 'invalid input'}).`,
          instance,
        };
      default:
        return null;
    }
  }
}
