import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RETRY_AFTER_SECONDS } from '../errors/dependency-errors';
import { DOC_MARKER, DocMarker } from './api-docs.decorators';

export const BEARER = 'bearer';
export const API_KEY = 'api-key';
const PROBLEM_JSON = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

const SUCCESS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the work is queued; poll the resource',
  204: 'Done, no content',
};

/** What every operation of a given shape can answer; explicit ApiProblems add to these. */
const DERIVED = {
  400: 'Malformed request: a path parameter, query parameter, header or body of the wrong shape (an unknown field included)',
  401: 'No credential, or not a valid one',
  403: 'Your role may not do this',
  404: "Not found, or not visible to you: another tenant's resource reads like an unknown one",
  409: 'A request with the same Idempotency-Key is still being processed',
  422: 'Validation failed: `errors` names each field and why',
  idempotencyReused: 'The Idempotency-Key was already used with a different request',
  429: 'Too many requests from this client: wait for Retry-After seconds',
  503: 'PostgreSQL (or, where needed, Redis) is unreachable just now: retry after Retry-After seconds',
} as const;

/**
 * Completes the document generated from the decorators: per-operation security (public ones
 * open), the Idempotency-Key header on every POST the idempotency guard serves, and the
 * problem+json answers each operation can give, derived from its shape and its markers. Pure:
 * the markers are read from and removed from the document itself.
 */
export function finishOpenApiDocument(document: OpenAPIObject, problemRef: string): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) finishOperation(operation, method, problemRef);
    }
  }
  return document;
}

function finishOperation(operation: OperationObject, method: string, problemRef: string): void {
  const record = operation as OperationObject & Record<string, unknown>;
  const marker = (record[DOC_MARKER] ?? {}) as DocMarker;
  delete record[DOC_MARKER];

  operation.security = marker.public
    ? []
    : marker.roles && !marker.roles.includes('integration')
      ? [{ [BEARER]: [] }]
      : [{ [BEARER]: [] }, { [API_KEY]: [] }];
  if (marker.roles) {
    const roles = `Roles: ${marker.roles.join(', ')}.`;
    operation.description = operation.description ? `${operation.description}\n\n${roles}` : roles;
  }

  const idempotent = method === 'post' && !marker.withoutIdempotency;
  if (idempotent) operation.parameters = [...(operation.parameters ?? []), idempotencyKeyHeader()];

  const parameters = (operation.parameters ?? []) as ParameterObject[];
  // Explicit descriptions (ApiProblems, or an @ApiResponse's) say more than the derived ones for
  // the same status, so they come first.
  const problems: Record<string, string[]> = { ...(marker.problems ?? {}) };
  const add = (status: number, description: string) => {
    problems[status] = [...(problems[status] ?? []), description];
  };
  if (parameters.length || operation.requestBody) add(400, DERIVED[400]);
  if (!marker.public) add(401, DERIVED[401]);
  if (marker.roles) add(403, `${DERIVED[403]} (${marker.roles.join(', ')} only)`);
  if (parameters.some((p) => p.in === 'path')) add(404, DERIVED[404]);
  if (idempotent) add(409, DERIVED[409]);
  if (operation.requestBody || parameters.some((p) => p.in === 'query')) add(422, DERIVED[422]);
  if (idempotent) add(422, DERIVED.idempotencyReused);
  if (marker.rateLimited) add(429, DERIVED[429]);
  if (!marker.dependencyFree) add(503, DERIVED[503]);

  for (const [status, descriptions] of Object.entries(problems)) {
    const existing = (operation.responses[status] as ResponseObject | undefined)?.description;
    const merged = [...new Set([...(existing ? [existing] : []), ...descriptions])];
    operation.responses[status] = problemResponse(merged.join('; '), Number(status), problemRef);
  }
  for (const [status, response] of Object.entries(operation.responses)) {
    const success = response as ResponseObject;
    if (!success.description) success.description = SUCCESS[status] ?? 'Success';
  }
  operation.responses = Object.fromEntries(
    Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function problemResponse(description: string, status: number, problemRef: string): ResponseObject {
  const response: ResponseObject = {
    description,
    content: { [PROBLEM_JSON]: { schema: { $ref: problemRef } } },
  };
  if (status === 429 || status === 503) {
    response.headers = {
      'Retry-After': {
        description: `Seconds to wait before retrying (${RETRY_AFTER_SECONDS} for a 503)`,
        schema: { type: 'integer' },
      },
    };
  }
  return response;
}

function idempotencyKeyHeader(): ParameterObject {
  return {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Any unique string (e.g. a UUID) per intended action. The same key with the same body within 24 h answers the first response again (same status and body, header `Idempotent-Replayed: true`) without doing the work twice; with a different body it is 422.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  };
}
