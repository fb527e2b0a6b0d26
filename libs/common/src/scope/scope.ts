import { Brackets, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Principal, PrincipalRole, ScopeIds } from '../auth/principal';
import { ForbiddenError, NotFoundError } from '../errors/domain-error';

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

export type ScopeRules = Partial<Record<PrincipalRole, ScopeRule>>;

export function scopeCondition(
  alias: string,
  principal: Principal,
  rules: ScopeRules,
): { sql: string; params: ObjectLiteral } {
  const rule = rules[principal.role];
  if (rule === undefined) return { sql: '1 = 0', params: {} };
  if (rule === 'all') return { sql: '1 = 1', params: {} };
  if (typeof rule === 'function') {
    const { sql, params } = rule(alias, principal);
    return { sql, params: params ?? {} };
  }
  const value = principal[rule.principalField];
  if (!value) return { sql: '1 = 0', params: {} };
  const param = `scope_${rule.principalField}`;
  return { sql: `${alias}.${rule.column} = :${param}`, params: { [param]: value } };
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
export function assertRole(principal: Principal, roles: readonly PrincipalRole[], action: string): void {
  if (!roles.includes(principal.role)) {
    throw new ForbiddenError(`Your role (${principal.role}) may not ${action}.`);
  }
}

/**
 * For writes that name a tenant in the body (e.g. `universityId`): admins may name any; scoped
 * roles only their own. Answers 403, which leaks nothing: the caller knows its own scope.
 */
export function assertOwnScope(
  principal: Principal,
  field: keyof ScopeIds,
  value: string,
  action: string,
): void {
  if (principal.role === 'admin') return;
  if (principal[field] !== value) {
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
  const qb = applyScope(manager.getRepository(entity).createQueryBuilder('r').where('r.id = :id', { id }), principal, rules);
  if (options.lock) qb.setLock(options.lock);
  const row = await qb.getOne();
  if (!row) throw new NotFoundError(options.resource, id);
  return row;
}
