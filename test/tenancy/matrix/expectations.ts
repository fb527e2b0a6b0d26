import { ROLES, Role, TenantA } from './fixtures';

/**
 * The tenant matrix's table: every operation of the API (keyed as the OpenAPI document names it),
 * the request tenant B's callers make against tenant A's resources, and the status each role of
 * B must get. A 2xx is expected only where the role reads shared data (directory records,
 * vacancies) or its own; the spec checks that no 2xx carries A's private data whatever the table
 * says. Public operations are listed in PUBLIC and called like the rest.
 */

export interface MatrixRequest {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: unknown;
  contentType?: string;
}

export type Expected = Record<Role, number>;

export interface MatrixEntry {
  request: (a: TenantA) => MatrixRequest;
  expect: Expected;
}

export const V1 = '/api/v1';

/** The same status for every role. */
export const all = (status: number): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, status])) as Expected;
/** `status` for these roles, `otherwise` (by default 403: @Roles or a role check) for the rest. */
export const only = (roles: readonly Role[], status: number, otherwise = 403): Expected =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? status : otherwise])) as Expected;
/** Per role, from a default. */
export const per = (base: number, overrides: Partial<Expected>): Expected => ({
  ...all(base),
  ...overrides,
});

export const HIDDEN = all(404);
export const LIST = all(200);
export const UNIVERSITY = ['coordinator', 'integration'] as const;
/** A's company: shared with staff roles and its own (limited) rep; nobody of B may edit it. */
export const COMPANY_READ = per(404, {
  coordinator: 200,
  foundation_staff: 200,
  invited_rep: 200,
  invited_staff: 200,
});
export const COMPANY_EDIT = per(404, {
  coordinator: 403,
  foundation_staff: 403,
  invited_rep: 403,
  invited_staff: 403,
});
/** A's foundation: shared with staff roles (its own limited staff included). */
export const FOUNDATION_READ = per(404, {
  coordinator: 200,
  foundation_staff: 200,
  invited_staff: 200,
});
export const FOUNDATION_EDIT = per(404, {
  coordinator: 403,
  foundation_staff: 403,
  invited_staff: 403,
});
/** A's open vacancy: read by coordinators, students and its company's (limited) rep; edited by none of B. */
export const VACANCY_EDIT = per(404, { coordinator: 403, student: 403, invited_rep: 403 });

export const get = (path: string) => (): MatrixRequest => ({ method: 'get', path: V1 + path });
export const reason = { reason: 'tenant matrix probe' };
