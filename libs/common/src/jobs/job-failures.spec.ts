import {
  backoffMs,
  classifyFailure,
  decideAfterFailure,
  describeFailure,
  isDependencyError,
  PermanentJobError,
} from './job-failures';

const policy = { baseDelayMs: 10_000, maxDelayMs: 3_600_000 };
const noJitter = () => 0.5;

/** Errors shaped as pg, TypeORM, Node and ioredis raise them. */
function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('the retry policy of every job', () => {
  it('doubles the delay from the base and stops growing at the cap', () => {
    const delays = Array.from({ length: 12 }, (_, i) => backoffMs(i + 1, policy, noJitter));
    expect(delays.slice(0, 5)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000]);
    expect(delays[11]).toBe(3_600_000);
    for (let i = 1; i < delays.length; i += 1)
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]);
  });

  it('spreads retries by ±20 % so an outage does not return all its jobs in the same second', () => {
    expect(backoffMs(1, policy, () => 0)).toBe(8_000);
    expect(backoffMs(1, policy, () => 1)).toBe(12_000);
  });

  it('backs off for hours, not seconds: twenty runs span more than ten hours', () => {
    let total = 0;
    for (let attempt = 1; attempt < 20; attempt += 1) total += backoffMs(attempt, policy, noJitter);
    expect(total).toBeGreaterThan(10 * 3_600_000);
  });

  it('fails an impossible job at once', () => {
    expect(decideAfterFailure('permanent', 1, 20, policy, noJitter)).toEqual({ action: 'fail' });
  });

  it('retries an unexplained error until the attempts run out, then fails it', () => {
    expect(decideAfterFailure('error', 19, 20, policy, noJitter)).toMatchObject({
      action: 'retry',
    });
    expect(decideAfterFailure('error', 20, 20, policy, noJitter)).toEqual({ action: 'fail' });
  });

  it('never fails a job because a dependency was down, however often', () => {
    expect(decideAfterFailure('dependency', 500, 20, policy, noJitter)).toEqual({
      action: 'retry',
      delayMs: 3_600_000,
    });
  });
});

describe('telling a dependency outage from a wrong job', () => {
  it.each([
    [
      'PostgreSQL refuses connections',
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    ],
    ['the connection was cut mid-query', new Error('Connection terminated unexpectedly')],
    ['the pool cannot connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'PostgreSQL is shutting down (57P01)',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['PostgreSQL is starting (57P03)', withCode('the database system is starting up', '57P03')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a deadlock (40P01)', withCode('deadlock detected', '40P01')],
    [
      'Redis gave up',
      new Error(
        'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
      ),
    ],
    ['Redis is closed', new Error('Connection is closed.')],
    ['the disk is full', withCode('ENOSPC: no space left on device, write', 'ENOSPC')],
  ])('%s', (_, error) => {
    expect(isDependencyError(error)).toBe(true);
    expect(classifyFailure(error)).toBe('dependency');
  });

  it('looks through TypeORM and Node wrappers for the driver code', () => {
    const wrapped = Object.assign(new Error('Query failed'), {
      driverError: withCode('connect ECONNRESET', 'ECONNRESET'),
    });
    expect(isDependencyError(wrapped)).toBe(true);
    expect(isDependencyError(new Error('render failed', { cause: withCode('x', '08006') }))).toBe(
      true,
    );
  });

  it('does not mistake a broken job for an outage', () => {
    expect(
      classifyFailure(new TypeError("Cannot read properties of undefined (reading 'terms')")),
    ).toBe('error');
    expect(
      classifyFailure(withCode('null value in column "x" violates not-null constraint', '23502')),
    ).toBe('error');
    expect(classifyFailure(new PermanentJobError('the version is not in force'))).toBe('permanent');
  });

  it('describes a failure in one bounded line, naming the error class', () => {
    expect(describeFailure(new PermanentJobError('gone'))).toBe('PermanentJobError: gone');
    expect(describeFailure(new Error('plain'))).toBe('plain');
    expect(describeFailure(new Error('x'.repeat(5000)))).toHaveLength(2000);
  });
});
