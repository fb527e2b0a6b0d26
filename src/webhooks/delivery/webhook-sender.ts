import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { StringDecoder } from 'node:string_decoder';
import { ForbiddenTargetError, resolveTarget, type ResolvedTarget } from './target-guard';

/**
 * One HTTP attempt of a webhook delivery. It never throws: every way an attempt can end is a
 * SendResult, and none of them carries the request's headers (the signature) or body.
 */

export type SendResult = {
  /** delivered: a 2xx answer; rejected: any other answer; failed: no HTTP answer at all. */
  outcome: 'delivered' | 'rejected' | 'failed';
  statusCode: number | null;
  /** The start of the receiver's answer, for the endpoint's delivery log. */
  responseBody: string | null;
  error: string | null;
  durationMs: number;
};

export interface SendWebhookInput {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** For the whole attempt: name lookup, connection, request and answer. */
  timeoutMs: number;
  /** Allow private, loopback and reserved targets (development and tests only). */
  allowPrivate: boolean;
  /** Default 1024. */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 1024;
const MAX_ERROR_LENGTH = 300;

/** The address a pooled connection was made to, so it is reused only for that same address. */
interface PinnedOptions {
  pinnedAddress?: string;
}

/*
 * Connections are kept alive (the bench needs hundreds of deliveries a second to one receiver),
 * but pooled per vetted address as well as per host: a connection made to what a name resolved
 * to before is never reused once it resolves elsewhere. Idle connections close after 4 s, before
 * a receiver's own idle timeout (Node's is 5 s) could close one under a new request.
 */
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64, timeout: 4000 };

class PinnedHttpAgent extends http.Agent {
  override getName(options?: http.ClientRequestArgs & PinnedOptions): string {
    return `${super.getName(options)}:pinned=${options?.pinnedAddress ?? ''}`;
  }
}

class PinnedHttpsAgent extends https.Agent {
  override getName(options?: https.RequestOptions & PinnedOptions): string {
    return `${super.getName(options)}:pinned=${options?.pinnedAddress ?? ''}`;
  }
}

const httpAgent = new PinnedHttpAgent(AGENT_OPTIONS);
const httpsAgent = new PinnedHttpsAgent(AGENT_OPTIONS);

class TimeoutError extends Error {}

/** Connects to the vetted address whatever the resolver would say now. */
function pinnedLookup(target: ResolvedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

interface Answer {
  statusCode: number;
  location: string | undefined;
  body: string;
}

export async function sendWebhook(input: SendWebhookInput): Promise<SendResult> {
  const started = performance.now();
  const result = (
    outcome: SendResult['outcome'],
    fields: Pick<SendResult, 'statusCode' | 'responseBody' | 'error'>,
  ): SendResult => ({ outcome, ...fields, durationMs: Math.round(performance.now() - started) });
  const failed = (error: string): SendResult =>
    result('failed', {
      statusCode: null,
      responseBody: null,
      error: error.slice(0, MAX_ERROR_LENGTH),
    });

  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return failed('invalid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return failed(`unsupported URL scheme ${url.protocol} (only http: and https:)`);
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), input.timeoutMs);
  try {
    let target: ResolvedTarget;
    try {
      target = await untilAborted(resolveTarget(url, input.allowPrivate), controller.signal);
    } catch (error) {
      if (error instanceof TimeoutError) return failed(`timeout after ${input.timeoutMs} ms`);
      if (error instanceof ForbiddenTargetError) return failed(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      return failed(`DNS lookup failed for ${url.hostname}: ${code ?? errorText(error)}`);
    }
    let answer: Answer;
    try {
      answer = await exchange(url, target, input, controller.signal);
    } catch (error) {
      if (error instanceof TimeoutError) return failed(`timeout after ${input.timeoutMs} ms`);
      return failed(`connection error: ${errorText(error)}`);
    }
    const { statusCode, body } = answer;
    if (statusCode >= 200 && statusCode < 300) {
      return result('delivered', { statusCode, responseBody: body, error: null });
    }
    const error =
      statusCode >= 300 && statusCode < 400
        ? `redirect to ${redirectTarget(answer.location, url)} not followed`
        : `HTTP ${statusCode}`;
    return result('rejected', { statusCode, responseBody: body, error });
  } finally {
    clearTimeout(timer);
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      if (signal.aborted) reject(new TimeoutError());
      signal.addEventListener('abort', () => reject(new TimeoutError()), { once: true });
    }),
  ]);
}

/** Sends the request to the vetted address; resolves at the answer, rejects without one. */
function exchange(
  url: URL,
  target: ResolvedTarget,
  input: SendWebhookInput,
  signal: AbortSignal,
): Promise<Answer> {
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const options: https.RequestOptions & PinnedOptions = {
    method: 'POST',
    headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
    agent: secure ? httpsAgent : httpAgent,
    lookup: pinnedLookup(target),
    family: target.family,
    pinnedAddress: target.address,
    // The Host header comes from the URL's host; TLS names the same host (never an address).
    ...(secure && isIP(hostname) === 0 ? { servername: hostname } : {}),
  };
  const maxBytes = input.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise<Answer>((resolve, reject) => {
    if (signal.aborted) return reject(new TimeoutError());
    // Once the answer has come, the reading of its body decides how the exchange ends.
    let answered = false;
    const request = (secure ? https : http).request(url, options, (response) => {
      answered = true;
      void readLimited(response, maxBytes, signal).then((body) =>
        resolve({
          statusCode: response.statusCode ?? 0,
          location: response.headers.location,
          body,
        }),
      );
    });
    const onAbort = (): void => {
      if (!answered) request.destroy(new TimeoutError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => signal.removeEventListener('abort', onAbort));
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    request.end(input.body);
  });
}

/**
 * At most maxBytes of the answer as text: the rest is never read (the connection is dropped
 * instead), so a receiver answering with a huge or endless body costs nothing. What arrived by
 * the deadline is kept: the receiver has answered already.
 */
function readLimited(
  response: http.IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8');
    let text = '';
    let received = 0;
    let done = false;
    const finish = (complete: boolean): void => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', stop);
      if (complete) text += decoder.end();
      resolve(storable(text, maxBytes));
    };
    function stop(): void {
      response.destroy();
      finish(false);
    }
    response.on('data', (chunk: Buffer) => {
      const part = chunk.subarray(0, maxBytes - received);
      received += part.length;
      text += decoder.write(part);
      if (received >= maxBytes) stop();
    });
    response.on('end', () => finish(true));
    response.on('error', () => finish(false));
    response.on('close', () => finish(false));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Text fit for a PostgreSQL text column within maxBytes: no NUL characters, and cut at a
 * character boundary if replacement characters for invalid bytes made it longer.
 */
function storable(text: string, maxBytes: number): string {
  const clean = text.replaceAll('\u0000', '\uFFFD');
  const bytes = Buffer.from(clean, 'utf8');
  return bytes.length <= maxBytes
    ? clean
    : new StringDecoder('utf8').write(bytes.subarray(0, maxBytes));
}

/** Where a redirect pointed, without its query string (it may carry someone's token). */
function redirectTarget(location: string | undefined, base: URL): string {
  if (location === undefined) return 'nowhere';
  try {
    const target = new URL(location, base);
    return `${target.origin}${target.pathname}`.slice(0, 200);
  } catch {
    return 'an invalid location';
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
}
