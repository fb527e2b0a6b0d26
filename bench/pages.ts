/**
 * `npm run bench:pages`: the pages for people (issue 14), measured against the API as its own
 * process (ts-node, transpile only) on a database of its own (BENCH_PAGES_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/dualroute_bench_pages) and QUEUE_PREFIX:
 * - the HTML weight of the sign page, the signer's confirmation, the verify page and a verdict
 *   (bytes as sent, uncompressed; the PDFs are separate requests and not counted). Target: each
 *   <= 30 kB;
 * - time to first byte of GET /sign/:token and GET /verify, p50/p95 over BENCH_REQUESTS (200)
 *   sequential requests on a kept-alive connection after 20 warm-up. Target: p95 <= 30 ms;
 * - the sign form's round trip (POST /sign/:token/sign → 303), a fresh pending agreement and
 *   link per round (made through the API, not timed), BENCH_SIGN_ROUNDS (50) rounds after 5
 *   warm-up. Reported, no target.
 * No worker runs, so the preview PDF is not made: the sign page says so instead of linking it
 * (a sentence instead of a link, a few bytes either way). Exit code 1 when a target is missed.
 * The database is dropped afterwards unless BENCH_KEEP_DB=1.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { migrate } from '../src/cli/migrate';
import type { TestApi } from '../test/helpers/api';
import { bearer, login } from '../test/helpers/api';
import { agreementWorld, AgreementWorld, pendingAgreement } from '../test/helpers/agreements';
import { freePort } from './api-server';
import { clearQueueKeys, dropBenchDatabaseUnlessKept, prepareBenchDatabase } from './support';

const DATABASE_URL =
  process.env.BENCH_PAGES_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/dualroute_bench_pages';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-pages-${process.pid}`;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const SIGN_ROUNDS = Number(process.env.BENCH_SIGN_ROUNDS ?? 50);
const SIGN_WARMUP = 5;
const TARGET_BYTES = 30 * 1024;
const TARGET_TTFB_P95_MS = 30;
const ADMIN = { email: 'bench-admin@bench.local', password: 'bench-admin-password' };
const ROOT = join(__dirname, '..');

interface Timed {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ttfbMs: number;
  totalMs: number;
}

/** One request on the kept-alive connection: time to the response head, and to its end. */
function timed(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  body?: { type: string; data: string | Buffer },
): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const headers = body
      ? { 'content-type': body.type, 'content-length': String(Buffer.byteLength(body.data)) }
      : {};
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const ttfbMs = ms();
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ttfbMs,
          totalMs: ms(),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body?.data);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
  };
}

function start(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  child.on('exit', (code) => {
    if (code) console.error(`${entry} exited with ${code}`);
  });
  return child;
}

async function until<T>(
  fn: () => Promise<T | null>,
  timeoutMs: number,
  child: ChildProcess,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const value = await fn().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A fresh pending agreement with an employer's signing link; the link's token. */
async function freshLink(api: TestApi, world: AgreementWorld): Promise<string> {
  const { id } = await pendingAgreement(api, world);
  const res = await api.http
    .post(`/api/v1/agreements/${id}/signing-links`)
    .set(bearer(world.coordinatorToken))
    .send({ party: 'employer', email: 'bench@pages.local', name: 'Bench Signer' });
  if (res.status !== 201)
    throw new Error(`signing link: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

function hiddenField(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no ${name} on the page`);
  return m[1];
}

async function ttfb(agent: Agent, port: number, path: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const res = await timed(agent, port, 'GET', path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    if (i >= WARMUP) samples.push(res.ttfbMs);
  }
  return samples;
}

async function main(): Promise<void> {
  await prepareBenchDatabase(DATABASE_URL, 'npm run bench:pages', PREFIX);
  await migrate(DATABASE_URL);
  const port = await freePort();
  const api = start('src/main.ts', {
    NODE_ENV: 'development',
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX: PREFIX,
    PORT: String(port),
    HOST: '127.0.0.1',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    DOCUMENTS_DIR: join(ROOT, 'var', 'bench-pages', 'documents'),
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    SIGNING_RATE_LIMIT_PER_MINUTE: '100000',
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const http = request(`http://127.0.0.1:${port}`);
    const adminToken = await until(() => login(http, ADMIN.email, ADMIN.password), 120_000, api);
    const client = { http, adminToken } as unknown as TestApi;
    const world = await agreementWorld(client);

    // Weights, from one pass through the pages.
    const token = await freshLink(client, world);
    const signPage = await timed(agent, port, 'GET', `/sign/${token}`);
    const verifyPage = await timed(agent, port, 'GET', '/verify');
    const form = new URLSearchParams({
      csrf: hiddenField(signPage.body.toString(), 'csrf'),
      contentHash: hiddenField(signPage.body.toString(), 'contentHash'),
      lang: 'nl',
      name: 'Bench Signer',
      consent: 'yes',
    }).toString();
    const posted = await timed(agent, port, 'POST', `/sign/${token}/sign`, {
      type: 'application/x-www-form-urlencoded',
      data: form,
    });
    if (posted.status !== 303) throw new Error(`sign post: ${posted.status} ${posted.body}`);
    const confirmation = await timed(agent, port, 'GET', String(posted.headers.location));
    const boundary = 'bench-pages-boundary';
    const upload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${hiddenField(verifyPage.body.toString(), 'csrf')}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.7\n% not sealed\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const verdict = await timed(agent, port, 'POST', '/verify/upload', {
      type: `multipart/form-data; boundary=${boundary}`,
      data: upload,
    });
    const weights: [string, Timed][] = [
      ['sign page', signPage],
      ['sign confirmation', confirmation],
      ['verify page', verifyPage],
      ['verify verdict', verdict],
    ];
    for (const [name, res] of weights) {
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
    }

    const pageToken = await freshLink(client, world);
    const signTtfb = summary(await ttfb(agent, port, `/sign/${pageToken}`));
    const verifyTtfb = summary(await ttfb(agent, port, '/verify'));

    const roundTrips: number[] = [];
    for (let round = 0; round < SIGN_WARMUP + SIGN_ROUNDS; round += 1) {
      const t = await freshLink(client, world);
      const html = (await timed(agent, port, 'GET', `/sign/${t}`)).body.toString();
      const data = new URLSearchParams({
        csrf: hiddenField(html, 'csrf'),
        contentHash: hiddenField(html, 'contentHash'),
        lang: 'nl',
        name: 'Bench Signer',
        consent: 'yes',
      }).toString();
      const res = await timed(agent, port, 'POST', `/sign/${t}/sign`, {
        type: 'application/x-www-form-urlencoded',
        data,
      });
      if (res.status !== 303) throw new Error(`sign post: ${res.status} ${res.body}`);
      if (round >= SIGN_WARMUP) roundTrips.push(res.totalMs);
    }
    const sign = summary(roundTrips);

    console.log(
      'pages: the API as its own process, one kept-alive connection, sequential requests',
    );
    console.log(`HTML weight (bytes as sent, without the PDFs; target <= ${TARGET_BYTES} each)`);
    for (const [name, res] of weights) {
      console.log(`  ${name.padEnd(18)} ${String(res.body.length).padStart(6)} B`);
    }
    console.log(
      `time to first byte, ${REQUESTS} requests after ${WARMUP} warm-up (target p95 <= ${TARGET_TTFB_P95_MS} ms)`,
    );
    console.log(
      `  GET /sign/:token   p50 ${signTtfb.p50} ms   p95 ${signTtfb.p95} ms   max ${signTtfb.max} ms`,
    );
    console.log(
      `  GET /verify        p50 ${verifyTtfb.p50} ms   p95 ${verifyTtfb.p95} ms   max ${verifyTtfb.max} ms`,
    );
    console.log(
      `sign form round trip (POST -> 303), fresh agreement and link each, ${SIGN_ROUNDS} rounds after ${SIGN_WARMUP} warm-up`,
    );
    console.log(
      `  POST /sign/:token/sign   p50 ${sign.p50} ms   p95 ${sign.p95} ms   max ${sign.max} ms`,
    );

    const misses = [
      ...weights
        .filter(([, res]) => res.body.length > TARGET_BYTES)
        .map(([name, res]) => `${name} weighs ${res.body.length} B`),
      ...[
        ['GET /sign/:token', signTtfb.p95],
        ['GET /verify', verifyTtfb.p95],
      ]
        .filter(([, p95]) => Number(p95) > TARGET_TTFB_P95_MS)
        .map(([name, p95]) => `${name} p95 ${p95} ms`),
    ];
    console.log(
      misses.length ? `FAIL ${misses.join('; ')}` : 'PASS every page <= 30 kB, TTFB p95 <= 30 ms',
    );
    process.exitCode = misses.length ? 1 : 0;
  } finally {
    agent.destroy();
    api.kill('SIGTERM');
    await new Promise((resolve) =>
      api.exitCode !== null ? resolve(null) : api.once('exit', resolve),
    );
    await clearQueueKeys(REDIS_URL, PREFIX);
    await dropBenchDatabaseUnlessKept(DATABASE_URL);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
