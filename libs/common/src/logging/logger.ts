import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino } from 'pino';
import type PinoPretty from 'pino-pretty';

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

/** One line per entry: time, level, `[context] message`, other fields inline. */
export const PRETTY_OPTIONS = {
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context',
  messageFormat: '{if context}[{context}] {end}{msg}',
  singleLine: true,
};

/** Every logger this process made, for flushLogs. */
const loggers = new Set<Pino>();

/**
 * One pino logger per process, shared by Fastify (request lines) and Nest (application logs).
 *
 * On a terminal (stdout is a TTY, e.g. `npm start`) lines are human-readable, formatted by
 * pino-pretty and written synchronously, in this thread: a line logged is a line on the screen,
 * so `npm start` can print its summary after the start-up lines (not so with pino's transport
 * thread), and the formatting cost only exists where a person reads along. pino-pretty is a
 * development dependency: where it is not installed (a production image) JSON is written, as it
 * is whenever stdout is a pipe or a file (log collectors, `npm start | cat`).
 *
 * JSON lines are buffered and written asynchronously in blocks (one write per ~20 request lines
 * instead of one each: a fifth of the CPU of a simple read went to logging), flushed at least
 * every 250 ms and on exit.
 */
export function createLogger(level: string, stdout: { isTTY?: boolean } = process.stdout): Pino {
  const silent = level === 'silent';
  const redact = { paths: REDACT, censor: '[redacted]' };
  const pretty = !silent && stdout.isTTY ? loadPinoPretty() : undefined;
  let logger: Pino;
  if (pretty) {
    logger = pino({ level, redact }, pretty({ ...PRETTY_OPTIONS, sync: true }));
  } else {
    const destination = pino.destination({ sync: silent, minLength: silent ? 0 : BUFFER_BYTES });
    if (!silent) setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
    logger = pino({ level, redact, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  }
  if (!silent) loggers.add(logger);
  return logger;
}

/**
 * Writes out what every logger of this process holds (buffered JSON lines); resolves when done.
 * Twice: a flush asked for while a block is being written only waits for that block, and what
 * was buffered behind it stays buffered when it is shorter than a block. Errors are ignored
 * (fsync of a pipe fails, for one): logs are not worth failing for.
 */
export async function flushLogs(): Promise<void> {
  const flushAll = () =>
    Promise.all(
      [...loggers].map((logger) => new Promise<void>((resolve) => logger.flush(() => resolve()))),
    );
  await flushAll();
  await flushAll();
}

/** pino-pretty's stream factory when it is installed (a development dependency). */
export function loadPinoPretty(): typeof PinoPretty | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pino-pretty') as typeof PinoPretty;
  } catch {
    return undefined;
  }
}

/**
 * Nest's account of wiring itself up (a line per module and per route, ~170 at start-up, the
 * same every time): debug, not info, so that a start shows what happened to this start.
 */
const FRAMEWORK_WIRING = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

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

  private write(requested: Level, message: unknown, params: unknown[]): void {
    // Nest appends the Logger's context as the last parameter.
    const context =
      params.length && typeof params[params.length - 1] === 'string'
        ? (params.pop() as string)
        : undefined;
    const level =
      requested === 'info' && context && FRAMEWORK_WIRING.has(context) ? 'debug' : requested;
    const [extra] = params;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      this.pino[level](
        { context, ...(message as object) },
        typeof extra === 'string' ? extra : undefined,
      );
    } else if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else {
      // Nest passes an error's stack as the second parameter of error().
      this.pino[level](
        typeof extra === 'string' ? { context, stack: extra } : { context },
        String(message),
      );
    }
  }
}
