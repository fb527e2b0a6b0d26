import { DataSource, EntityManager } from 'typeorm';
import { ValidationError, VersionConflictError } from '../errors/domain-error';

export type TxWork<T> = (manager: EntityManager) => Promise<T>;

/** Runs work in one READ COMMITTED transaction; callers take row locks where they need them. */
export function inTransaction<T>(dataSource: DataSource, work: TxWork<T>): Promise<T> {
  return dataSource.transaction(work);
}

/** If-Match check; call after locking the row. */
export function assertVersion(
  resource: string,
  expected: number | undefined,
  actual: number,
): void {
  if (expected !== undefined && expected !== actual) {
    throw new VersionConflictError(resource, expected, actual);
  }
}

/** A PATCH with nothing in it is a client mistake worth naming, not a silent no-op. */
export function assertNotEmptyPatch(patch: object): void {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw new ValidationError([{ field: 'body', message: 'names no field to change' }], 400);
  }
}
