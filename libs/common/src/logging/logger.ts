import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';

/** Paths that must never reach a log line (credentials, passwords, and any BSN). */
const REDACT = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.password',
  '*.bsn',
  'password',
  'bsn',
];

/** Lines are written in blocks of this many bytes, and at least this often. */
const BUFFER_BYTES = 4096;
const FLUSH_INTERVAL_MS = 250;

/**
 * One pino logger per process, shared by Fastify (request lines) and Nest (application logs).
 * Lines are buffered and written asynchronously in blocks (one write per ~20 request lines
 * instead of one each: a fifth of the CPU of a simple read went to logging), flushed at least
 * every 250 ms and on exit.
 */
export function createLogger(level: string): Pino {
  const silent = level === 'silent';
  const destination = pino.destination({ sync: silent, minLength: silent ? 0 : BUFFER_BYTES });
  if (!silent) setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/** Nest's LoggerService on top of pino: `new Logger('Context').warn(...)` lands as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    // Nest appends the Logger's context as the last parameter.
    const context = params.length && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const [extra] = params;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.pino[level]({ context, ...(message as object) }, typeof extra === 'string' ? extra : undefined);
    } else if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else {
      // Nest passes an error's stack as the second parameter of error().
      this.pino[level](typeof extra === 'string' ? { context, stack: extra } : { context }, String(message));
    }
  }
}
