import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditEntry, AuditService } from '../audit/audit.service';
import { NotFoundError } from '../errors/domain-error';
import { assertNotEmptyPatch, assertVersion } from './transaction';

/** What differs between the edits of one resource and another; the order is the helper's. */
export interface LockedUpdate<E extends { version: number }> {
  /** The resource's name in the 404 and version-conflict problems, e.g. 'Company'. */
  resource: string;
  id: string;
  /** The PATCH body: one naming no field is a 400 before any query runs. */
  body: object;
  /** The version the client sent in If-Match; undefined when it sent none. */
  ifMatch: number | undefined;
  /** The row as the caller may see it, locked FOR UPDATE; null (or a NotFoundError) is 404. */
  lock(manager: EntityManager): Promise<E | null>;
  /** Throws 403 when the caller may read the row but not edit it. */
  authorise(manager: EntityManager, row: E): Promise<void> | void;
  /**
   * Checks and writes the change to the locked row (mutating it to what was stored); returns the
   * audit entry, or null when the body changed nothing and there is nothing to record.
   */
  apply(manager: EntityManager, row: E, before: Readonly<E>): Promise<AuditEntry | null>;
}

/**
 * The one way to edit a scoped resource: get it in the caller's scope and lock it, check the
 * right to edit, check If-Match, write, audit, all in one transaction. The order matters: a row
 * the caller cannot see is 404 before anything else is said about it; a caller who may not edit
 * learns nothing about versions (403 before 409); the version is compared under the lock, so of
 * two edits with the same If-Match exactly one wins.
 */
export function updateLocked<E extends { version: number }>(
  dataSource: DataSource,
  audit: AuditService,
  actor: Actor,
  update: LockedUpdate<E>,
): Promise<E> {
  assertNotEmptyPatch(update.body);
  return dataSource.transaction(async (manager) => {
    const row = await update.lock(manager);
    if (!row) throw new NotFoundError(update.resource, update.id);
    await update.authorise(manager, row);
    assertVersion(update.resource, update.ifMatch, row.version);
    const entry = await update.apply(manager, row, { ...row });
    if (entry) await audit.record(manager, actor, entry);
    return row;
  });
}
