import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProgramme, createStudent } from '../helpers/directory';
import { createTenant, startApi, Tenant, TestApi, uniq } from '../helpers/api';
import { OPERATIONS, PUBLIC } from '../tenancy/matrix/operations';
import { generateTypes, typeCheck, writeClient } from './generated-client';
import type { exercise as Exercise } from './typed-client.types';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
}

/**
 * The OpenAPI document as a contract (issue 11): a client generated from the running API's own
 * document with openapi-typescript compiles under `strict` and, through openapi-fetch, does what
 * its types say against the same API; and every status the tenant matrix observes for an
 * operation is one the document announces, as problem+json.
 */
describe('contract: a client generated from the OpenAPI document', () => {
  let api: TestApi;
  let tenant: Tenant;
  let programmeId: string;
  let baseUrl: string;
  let document: Document;
  let dir: string;
  let client: string;
  let types: string;

  beforeAll(async () => {
    api = await startApi();
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = await api.app.getUrl();
    document = (await api.http.get('/api/openapi.json').expect(200)).body as Document;
    tenant = await createTenant(api);
    programmeId = (await createProgramme(api, tenant.coordinatorToken, tenant.universityId)).id;
    // A second student of the university, so a page of one has a next page.
    await createStudent(api, tenant.coordinatorToken, tenant.universityId, programmeId);
    // Inside the repository, so the client resolves openapi-fetch from its node_modules.
    const scratch = join(__dirname, '..', '..', 'var');
    mkdirSync(scratch, { recursive: true });
    dir = mkdtempSync(join(scratch, 'contract-'));
    types = await generateTypes(dir, document);
    client = writeClient(dir);
  }, 120_000);
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await api?.close();
  });

  it('generates a client that compiles under tsc --strict and works against the running API', async () => {
    expect(types).toMatch(/"\/api\/v1\/students": \{/);
    // The client counts only if it compiles: without types for lists, problems and headers it
    // does not (the document before issue 11 gave 15 errors).
    expect(typeCheck([client, join(dir, 'api.ts')])).toEqual([]);

    const { exercise } = (await import(client)) as { exercise: typeof Exercise };
    const tag = uniq();
    const outcome = await exercise(
      baseUrl,
      { email: tenant.coordinatorEmail, password: 'coordinator-password' },
      { universityId: tenant.universityId, programmeId, tag },
    );
    expect(outcome.expiresIn).toBeGreaterThan(0);
    expect(outcome.createdStatus).toBe(201);
    expect(outcome.created).toMatchObject({ studentNumber: `C${tag}`, cohort: 2026, version: 1 });
    expect(outcome.replayed).toEqual(outcome.created);
    expect(outcome.replayedHeader).toBe('true');
    // One student per page: the envelope's cursor leads to the next one.
    expect(outcome.firstPage).toHaveLength(1);
    expect(outcome.nextCursor).toEqual(expect.any(String));
    expect(outcome.secondPage).toHaveLength(1);
    expect(outcome.secondPage[0].id).not.toBe(outcome.firstPage[0].id);
    expect(outcome.fetched).toEqual(outcome.created);
    expect(outcome.notFound.status).toBe(404);
    expect(outcome.notFound.contentType).toMatch(/^application\/problem\+json/);
    expect(outcome.notFound.problem).toMatchObject({ status: 404, title: 'Not found' });
    expect(outcome.notFound.problem.type).toMatch(/\/not-found$/);
    expect(outcome.invalid.status).toBe(422);
    expect(outcome.invalid.fields).toEqual(expect.arrayContaining(['cohort', 'email']));
    expect(outcome.unauthenticated).toMatchObject({ status: 401, problem: { status: 401 } });
  });

  it('announces, as problem+json, every status the tenant matrix observes', () => {
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(OPERATIONS)) {
      const [method, path] = key.split(' ');
      const operation = document.paths[path]?.[method.toLowerCase()];
      if (!operation) {
        missing.push(`${key}: not in the document`);
        continue;
      }
      for (const status of new Set(Object.values(entry.expect))) {
        const response = operation.responses[String(status)];
        if (!response) missing.push(`${key}: ${status} undocumented`);
        else if (status >= 400 && !response.content?.['application/problem+json'])
          missing.push(`${key}: ${status} not problem+json`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every operation: summary, tag, typed success, problems, security, headers', () => {
    expect(document.servers?.[0]?.url).toMatch(/^https?:\/\//);
    const findings: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!op.summary) findings.push(`${key}: no summary`);
        if (!op.tags?.length) findings.push(`${key}: no tag`);
        for (const [status, response] of Object.entries(op.responses)) {
          const content = Object.values(response.content ?? {});
          if (status.startsWith('2') && status !== '204' && !content[0]?.schema)
            findings.push(`${key}: ${status} without a schema`);
          if (Number(status) >= 400 && !response.content?.['application/problem+json'])
            findings.push(`${key}: ${status} not problem+json`);
        }
        const isPublic = PUBLIC.includes(key);
        if (isPublic !== (op.security?.length === 0))
          findings.push(`${key}: security ${JSON.stringify(op.security)}`);
        if (!isPublic && !op.responses['401']) findings.push(`${key}: no 401`);
        if (!op.responses['503'] && path !== '/api/v1/health/live') findings.push(`${key}: no 503`);
        const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
        if (method === 'post' && path !== '/api/v1/verify' && !headers.includes('Idempotency-Key'))
          findings.push(`${key}: no Idempotency-Key`);
        if (method === 'patch' && !headers.includes('If-Match'))
          findings.push(`${key}: no If-Match`);
      }
    }
    expect(findings).toEqual([]);
  });
});
