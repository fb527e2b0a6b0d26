import { QueryFailedError } from 'typeorm';

const PG_UNIQUE_VIOLATION = '23505';

/** The name of the unique constraint a failed INSERT/UPDATE hit, or null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === PG_UNIQUE_VIOLATION ? (driverError.constraint ?? '') : null;
}

/** True for a PostgreSQL unique violation, e.g. a concurrent insert that lost the race. */
export function isUniqueViolation(error: unknown): boolean {
  return uniqueViolation(error) !== null;
}
