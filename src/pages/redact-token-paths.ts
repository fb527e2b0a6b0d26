import type { LoggerService } from '@nestjs/common';

/**
 * Segments of a page or signing path that are fixed words; every other segment is a token or a
 * receipt (a bearer credential) and never reaches a log line.
 */
const FIXED_SEGMENTS = new Set(['sign', 'decline', 'preview.pdf', 'receipt', 'agreement.pdf']);
const SECRET_PATH = /^(\/sign|\/api\/v1\/signing)(\/[^?#]*)(.*)$/s;

/**
 * A request URL as it may be logged: `/sign/<token>/sign?lang=en` → `/sign/[redacted]/sign?lang=en`,
 * the same for `/api/v1/signing/<token>`; any other URL is returned unchanged.
 */
export function redactTokenPaths(url: string): string {
  const m = SECRET_PATH.exec(url);
  if (!m) return url;
  const [, base, rest, tail] = m;
  const segments = rest
    .split('/')
    .map((segment, i) => (i === 0 || FIXED_SEGMENTS.has(segment) ? segment : '[redacted]'));
  return base + segments.join('/') + tail;
}

/** Every such path inside a text (a log message that quotes the URL). */
export function redactTokenPathsIn(text: string): string {
  return text.replace(/(\/sign|\/api\/v1\/signing)\/[A-Za-z0-9._~%/-]*/g, (path) =>
    redactTokenPaths(path),
  );
}

/** A message or a field of a log entry, with token paths redacted (other values as they are). */
function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactTokenPathsIn(value);
  if (value && typeof value === 'object' && !(value instanceof Error) && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? redactTokenPathsIn(v) : v]),
    );
  }
  return value;
}

/**
 * The application logger with token paths redacted from every message: a line that quotes a
 * request's URL (the problem filter's "Unhandled error on GET /api/v1/signing/…") must not carry
 * the token. The request line itself is redacted where it is written (api-app.ts).
 */
export class RedactingLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    this.inner.log(redactValue(message), ...params.map(redactValue));
  }
  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(redactValue(message), ...params.map(redactValue));
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(redactValue(message), ...params.map(redactValue));
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(redactValue(message), ...params.map(redactValue));
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(redactValue(message), ...params.map(redactValue));
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.inner.fatal?.(redactValue(message), ...params.map(redactValue));
  }
}
