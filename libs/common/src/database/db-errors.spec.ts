import { QueryFailedError } from 'typeorm';
import { isUniqueViolation, uniqueViolation } from './db-errors';

/** A driver error as node-postgres reports it (code and constraint are its fields). */
function failed(driver: { code?: string; constraint?: string }): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO t VALUES ($1)',
    [1],
    Object.assign(new Error('x'), driver),
  );
}

describe('database errors', () => {
  it('names the unique constraint a write hit', () => {
    const error = failed({ code: '23505', constraint: 'uq_programmes_university_croho' });
    expect(uniqueViolation(error)).toBe('uq_programmes_university_croho');
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('still recognises a unique violation whose constraint the driver did not name', () => {
    expect(uniqueViolation(failed({ code: '23505' }))).toBe('');
    expect(isUniqueViolation(failed({ code: '23505' }))).toBe(true);
  });

  it('ignores other database errors and anything that is not a failed query', () => {
    const foreignKey = failed({ code: '23503', constraint: 'fk_x' });
    expect(uniqueViolation(foreignKey)).toBeNull();
    expect(isUniqueViolation(foreignKey)).toBe(false);
    const lookalike = Object.assign(new Error('dup'), { code: '23505' });
    expect(uniqueViolation(lookalike)).toBeNull();
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
