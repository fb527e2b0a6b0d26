import { generateDevelopmentP12 } from '@app/agreement-pdf';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, webhookHeaders } from './standard-webhooks';
import { resolveTarget } from './target-guard';
import { sendWebhook, type SendResult } from './webhook-sender';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on a free local port that records what reaches it and answers as told. */
class Receiver {
  readonly requests: Received[] = [];
  connections = 0;
  private readonly server: http.Server;

  constructor(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        answer(request, response);
      });
    });
    this.server.on('connection', () => this.connections++);
  }

  async listen(host = '127.0.0.1'): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const receivers: Receiver[] = [];

async function receiver(
  answer: (request: http.IncomingMessage, response: http.ServerResponse) => void,
  host?: string,
): Promise<Receiver> {
  const started = await new Receiver(answer).listen(host);
  receivers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const body = JSON.stringify({ type: 'placement.created', data: { id: 'p-1', note: 'café ✓' } });

function send(url: string, overrides: Partial<Parameters<typeof sendWebhook>[0]> = {}) {
  return sendWebhook({
    url,
    headers: { 'content-type': 'application/json' },
    body,
    timeoutMs: 10_000,
    allowPrivate: true,
    ...overrides,
  });
}

function expectFailed(result: SendResult, error: RegExp): void {
  expect(result).toMatchObject({ outcome: 'failed', statusCode: null, responseBody: null });
  expect(result.error).toMatch(error);
  expect(result.durationMs).toBeGreaterThanOrEqual(0);
}

describe('sendWebhook', () => {
  it('delivers on a 2xx: the receiver gets the exact body and headers, and can verify them', async () => {
    const target = await receiver((_request, response) => response.writeHead(204).end());
    const secret = generateWebhookSecret();
    const headers = webhookHeaders({
      msgId: 'msg_1',
      timestampSeconds: Math.floor(Date.now() / 1000),
      body,
      secrets: [secret],
    });

    const result = await send(target.url('/hooks/in?tenant=7'), { headers });

    expect(result).toMatchObject({
      outcome: 'delivered',
      statusCode: 204,
      responseBody: '',
      error: null,
    });
    expect(target.requests).toHaveLength(1);
    const [received] = target.requests;
    expect(received).toMatchObject({ method: 'POST', url: '/hooks/in?tenant=7', body });
    expect(received.headers).toMatchObject({
      ...headers,
      host: `127.0.0.1:${target.port}`,
      'content-length': String(Buffer.byteLength(body)),
    });
    const verified = new Webhook(secret).verify(
      received.body,
      received.headers as Record<string, string>,
    );
    expect(verified).toEqual(JSON.parse(body));
  });

  it('keeps the start of the answer', async () => {
    const target = await receiver((_request, response) => response.end('{"ok":true}'));
    await expect(send(target.url())).resolves.toMatchObject({
      outcome: 'delivered',
      statusCode: 200,
      responseBody: '{"ok":true}',
    });
  });

  it('reports any other status as rejected, with at most maxResponseBytes of the answer', async () => {
    // 5 001 bytes, so the 1 024-byte cut falls inside a two-byte character.
    const answer = 'x' + 'é'.repeat(2500);
    const target = await receiver((_request, response) => response.writeHead(503).end(answer));

    const result = await send(target.url());

    expect(result).toMatchObject({ outcome: 'rejected', statusCode: 503, error: 'HTTP 503' });
    expect(result.responseBody).toBe('x' + 'é'.repeat(511));
    expect(Buffer.byteLength(result.responseBody ?? '')).toBeLessThanOrEqual(1024);
  });

  it('honours a smaller maxResponseBytes and never stores NUL characters', async () => {
    const target = await receiver((_request, response) =>
      response.writeHead(400).end('ab\u0000cdefgh'),
    );
    const result = await send(target.url(), { maxResponseBytes: 6 });
    expect(result).toMatchObject({ outcome: 'rejected', statusCode: 400 });
    // The replacement character takes three bytes where NUL took one.
    expect(result.responseBody).toBe('ab\uFFFDc');
  });

  it('stops reading an endless answer', async () => {
    const target = await receiver((_request, response) => {
      response.writeHead(500);
      const chunk = 'y'.repeat(16 * 1024);
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    const result = await send(target.url());
    expect(result).toMatchObject({
      outcome: 'rejected',
      statusCode: 500,
      responseBody: 'y'.repeat(1024),
    });
  });

  it('never follows a redirect', async () => {
    const elsewhere = await receiver((_request, response) => response.end('ok'));
    const target = await receiver((_request, response) =>
      response.writeHead(302, { location: `${elsewhere.url('/elsewhere')}?token=s3cret` }).end(),
    );

    const result = await send(target.url());

    expect(result).toMatchObject({ outcome: 'rejected', statusCode: 302 });
    expect(result.error).toBe(`redirect to ${elsewhere.url('/elsewhere')} not followed`);
    expect(result.error).not.toContain('s3cret');
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(elsewhere.connections).toBe(0);
  });

  it('fails on a timeout when the receiver never answers', async () => {
    const target = await receiver(() => undefined);
    const result = await send(target.url(), { timeoutMs: 200 });
    expectFailed(result, /^timeout after 200 ms$/);
  });

  it('keeps an answer whose body is cut short by the deadline', async () => {
    const target = await receiver((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('partial');
    });
    const result = await send(target.url(), { timeoutMs: 1000 });
    expect(result).toMatchObject({
      outcome: 'delivered',
      statusCode: 200,
      responseBody: 'partial',
    });
  });

  it('fails when the connection is refused', async () => {
    const closed = await receiver(() => undefined);
    const url = closed.url();
    await closed.close();
    receivers.splice(receivers.indexOf(closed), 1);

    expectFailed(await send(url), /^connection error: .*ECONNREFUSED/);
  });

  it('refuses a private target unless allowed, and nothing reaches it', async () => {
    const target = await receiver((_request, response) => response.end());
    const result = await send(`${target.url()}?token=s3cret`, { allowPrivate: false });
    expectFailed(result, /forbidden/);
    expect(result.error).toContain('127.0.0.1');
    expect(result.error).not.toContain('s3cret');
    expect(target.connections).toBe(0);

    const localhost = await send(`http://localhost:${target.port}/`, { allowPrivate: false });
    expectFailed(localhost, /localhost resolves to .*private/);
    expect(target.connections).toBe(0);
  });

  it('connects to the vetted address with the URL’s host name in the Host header', async () => {
    const { address } = await resolveTarget(new URL('http://localhost/'), true);
    const target = await receiver((_request, response) => response.end(), address);
    const result = await send(`http://localhost:${target.port}/hook`);
    expect(result.outcome).toBe('delivered');
    expect(target.requests[0].headers.host).toBe(`localhost:${target.port}`);
  });

  it('names the host over TLS (SNI) while connecting to the vetted address', async () => {
    const { address } = await resolveTarget(new URL('https://localhost/'), true);
    const { p12 } = generateDevelopmentP12({
      commonName: 'localhost',
      organisation: 'Receiver',
      passphrase: 'pass',
    });
    const serverNames: string[] = [];
    const server = https.createServer(
      {
        pfx: p12,
        passphrase: 'pass',
        SNICallback: (serverName, done) => {
          serverNames.push(serverName);
          done(null, undefined);
        },
      },
      (_request, response) => response.end(),
    );
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await send(`https://localhost:${port}/hook`);
      // The receiver's certificate is self-signed, so the client refuses it, after naming the host.
      expectFailed(result, /^connection error: .*certificate/i);
      expect(serverNames).toEqual(['localhost']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reuses kept-alive connections, at most 64 at once', async () => {
    const target = await receiver((_request, response) => response.end('ok'));
    const first = await send(target.url());
    const second = await send(target.url());
    expect([first.outcome, second.outcome]).toEqual(['delivered', 'delivered']);
    expect(target.connections).toBe(1);

    const burst = await Promise.all(Array.from({ length: 200 }, () => send(target.url())));
    expect(burst.every((result) => result.outcome === 'delivered')).toBe(true);
    expect(target.requests).toHaveLength(202);
    expect(target.connections).toBeLessThanOrEqual(64);
  });

  it('fails when the name does not resolve', async () => {
    expectFailed(
      await send('http://no-such-host.invalid/hook', { timeoutMs: 2000 }),
      /^(DNS lookup failed for no-such-host\.invalid|timeout after 2000 ms)/,
    );
  });

  it('sends only over http and https', async () => {
    expectFailed(await send('ftp://127.0.0.1/hook'), /^unsupported URL scheme ftp: /);
    expectFailed(await send('file:///etc/passwd'), /^unsupported URL scheme file: /);
    expectFailed(await send('not a url'), /^invalid URL$/);
  });
});
