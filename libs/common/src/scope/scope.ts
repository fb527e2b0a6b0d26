import { Brackets, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Principal, PrincipalRole, ScopeIds } from '../auth/principal';
import { ForbiddenError, NotFoundError } from '../errors/domain-error';

/** An SQL condition with its named parameters (`:name`). */
export interface ScopeSql {
  sql: string;
  params: ObjectLiteral;
}

/**
 * How one role may see rows of one resource:
 * - 'all': every row;
 * - { column, principalField }: rows whose column equals the caller's scope id;
 * - a function: any SQL condition (e.g. through a join or subquery) with its parameters.
 * A role that is not listed sees nothing, so a forgotten role fails closed.
 */
export type ScopeRule =
  | 'all'
  | { column: string; principalField: keyof ScopeIds }
  | ((alias: string, principal: Principal) => { sql: string; params?: ObjectLiteral });

/**
 * Where a row's university is, for principals limited to one university (see universityLimit):
 * `{ column }` narrows them to rows of that university; 'shared' says the rows belong to no
 * university (directory records, vacancies), so the role's rule alone decides. Rules that say
 * nothing show a limited principal nothing: a forgotten declaration fails closed.
 */
export type UniversityLimitRule = { column: string } | 'shared';

export interface ScopeRules extends Partial<Record<PrincipalRole, ScopeRule>> {
  universityLimit?: UniversityLimitRule;
}

const NOTHING: ScopeSql = { sql: '1 = 0', params: {} };

/**
 * The university a company rep or foundation staff member is limited to, or null when they act
 * for their whole organisation. A coordinator can only invite such limited accounts: they hold no
 * more than the coordinator does (that university's matters with the organisation).
 */
export function universityLimit(principal: Principal): string | null {
  if (principal.role !== 'company_rep' && principal.role !== 'foundation_staff') return null;
  return principal.universityId ?? null;
}

export function scopeCondition(alias: string, principal: Principal, rules: ScopeRules): ScopeSql {
  const base = roleCondition(alias, principal, rules);
  const limit = universityLimit(principal);
  if (!limit || base.sql === NOTHING.sql) return base;
  const rule = rules.universityLimit;
  if (rule === undefined) return NOTHING;
  if (rule === 'shared') return base;
  return {
    sql: `(${base.sql}) AND ${alias}.${rule.column} = :scope_limit_university`,
    params: { ...base.params, scope_limit_university: limit },
  };
}

function roleCondition(alias: string, principal: Principal, rules: ScopeRules): ScopeSql {
  const rule = rules[principal.role];
  if (rule === undefined) return NOTHING;
  if (rule === 'all') return { sql: '1 = 1', params: {} };
  if (typeof rule === 'function') {
    const { sql, params } = rule(alias, principal);
    return { sql, params: params ?? {} };
  }
  const value = principal[rule.principalField];
  if (!value) return NOTHING;
  const param = `scope_${rule.principalField}`;
  return { sql: `${alias}.${rule.column} = :${param}`, params: { [param]: value } };
}

/**
 * Visibility that follows a relation: true for a row when some row of `table` joined to it by
 * `on` is itself in the principal's scope under `rules` (e.g. a student a company employs).
 * `inner` is the related table's alias; `on` may use both aliases.
 */
export function visibleThrough(
  principal: Principal,
  relation: { table: string; inner: string; on: string },
  rules: ScopeRules,
): ScopeSql {
  const inner = scopeCondition(relation.inner, principal, rules);
  if (inner.sql === NOTHING.sql) return NOTHING;
  return {
    sql: `EXISTS (SELECT 1 FROM ${relation.table} ${relation.inner} WHERE ${relation.on} AND (${inner.sql}))`,
    params: inner.params,
  };
}

/** Any of the conditions (parameters of one principal share names and values, so they merge). */
export function anyOf(...conditions: ScopeSql[]): ScopeSql {
  const live = conditions.filter((c) => c.sql !== NOTHING.sql);
  if (live.length === 0) return NOTHING;
  return {
    sql: live.map((c) => `(${c.sql})`).join(' OR '),
    params: Object.assign({}, ...live.map((c) => c.params)),
  };
}

/** Narrows a query to what the principal may see. Every repository read goes through this. */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  principal: Principal,
  rules: ScopeRules,
): SelectQueryBuilder<T> {
  const { sql, params } = scopeCondition(qb.alias, principal, rules);
  return qb.andWhere(new Brackets((w) => w.where(sql, params)));
}

/** 403 unless the caller's role is one of these. */
export function assertRole(
  principal: Principal,
  roles: readonly PrincipalRole[],
  action: string,
): void {
  if (!roles.includes(principal.role)) {
    throw new ForbiddenError(`Your role (${principal.role}) may not ${action}.`);
  }
}

/**
 * For writes that name a tenant in the body (e.g. `universityId`): admins may name any; scoped
 * roles only their own. Answers 403, which leaks nothing: the caller knows its own scope. A
 * university limit of a company rep or foundation staff member is no ownership of the university.
 */
export function assertOwnScope(
  principal: Principal,
  field: keyof ScopeIds,
  value: string,
  action: string,
): void {
  if (principal.role === 'admin') return;
  const limitedOnly = field === 'universityId' && universityLimit(principal) !== null;
  if (limitedOnly || principal[field] !== value) {
    throw new ForbiddenError(`You may only ${action} within your own ${field.replace(/Id$/, '')}.`);
  }
}

/**
 * One row of `entity` by id if the principal may see it, optionally locked for an update in the
 * caller's transaction; NotFoundError otherwise (a row outside the scope does not exist for them).
 */
export async function findInScope<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  principal: Principal,
  rules: ScopeRules,
  options: { resource: string; lock?: 'pessimistic_write' | 'pessimistic_read' },
): Promise<T> {
  const qb = applyScope(
    manager.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id }),
    principal,
    rules,
  );
  if (options.lock) qb.setLock(options.lock);
  const row = await qb.getOne();
  if (!row) throw new NotFoundError(options.resource, id);
  return row;
}
