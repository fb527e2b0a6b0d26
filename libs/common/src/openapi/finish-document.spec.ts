import type { OpenAPIObject } from '@nestjs/swagger';
import { DOC_MARKER, DocMarker } from './api-docs.decorators';
import { finishOpenApiDocument } from './finish-document';

const REF = '#/components/schemas/ProblemDetails';

function finish(
  method: string,
  path: string,
  operation: Record<string, unknown>,
  marker?: DocMarker,
) {
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      [path]: {
        [method]: {
          responses: { 200: { description: '' } },
          ...operation,
          ...(marker ? { [DOC_MARKER]: marker } : {}),
        },
      },
    },
  } as unknown as OpenAPIObject;
  const done = finishOpenApiDocument(document, REF).paths[path] as Record<
    string,
    Record<string, unknown>
  >;
  return done[method] as {
    security: unknown[];
    parameters?: { name: string; in: string }[];
    responses: Record<string, { description: string; content?: Record<string, unknown> }>;
    [key: string]: unknown;
  };
}

describe('finishOpenApiDocument', () => {
  it('opens public operations and keeps API keys out where @Roles excludes integrations', () => {
    expect(finish('get', '/a', {}, { public: true }).security).toEqual([]);
    expect(finish('get', '/a', {}, { roles: ['admin'] }).security).toEqual([{ bearer: [] }]);
    expect(finish('get', '/a', {}, { roles: ['admin', 'integration'] }).security).toEqual([
      { bearer: [] },
      { 'api-key': [] },
    ]);
    expect(finish('get', '/a', {})[DOC_MARKER]).toBeUndefined();
  });

  it('derives problem+json answers from the shape of the operation', () => {
    const get = finish('get', '/a/{id}', { parameters: [{ name: 'id', in: 'path' }] });
    expect(Object.keys(get.responses)).toEqual(['200', '400', '401', '404', '503']);
    expect(get.responses['404'].content).toEqual({
      'application/problem+json': { schema: { $ref: REF } },
    });
    expect(get.responses['200'].description).toBe('OK');
    const live = finish('get', '/live', {}, { public: true, dependencyFree: true });
    expect(Object.keys(live.responses)).toEqual(['200']);
  });

  it('adds Idempotency-Key, its 409 and 422 to POSTs unless the guard skips them', () => {
    const post = finish(
      'post',
      '/a',
      { requestBody: {} },
      { rateLimited: true, problems: { 409: ['Taken'] } },
    );
    expect(post.parameters?.map((p) => p.name)).toEqual(['Idempotency-Key']);
    expect(Object.keys(post.responses)).toEqual(['200', '400', '401', '409', '422', '429', '503']);
    expect(post.responses['409'].description).toMatch(
      /^Taken; A request with the same Idempotency-Key/,
    );
    const verify = finish(
      'post',
      '/v',
      { requestBody: {} },
      { withoutIdempotency: true, public: true },
    );
    expect(verify.parameters ?? []).toEqual([]);
    expect(verify.responses['409']).toBeUndefined();
  });
});
