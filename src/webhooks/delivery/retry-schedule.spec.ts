import { ConfigError } from '../../config/app-config';
import { nextRetryDelayMs, parseRetryDelays } from './retry-schedule';

describe('parseRetryDelays (WEBHOOK_RETRY_DELAYS)', () => {
  const DEFAULT_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

  it('defaults to seven retries over about a day', () => {
    expect(parseRetryDelays(undefined)).toEqual(DEFAULT_MS);
    expect(parseRetryDelays('')).toEqual(DEFAULT_MS);
    expect(parseRetryDelays('  ')).toEqual(DEFAULT_MS);
  });

  it('reads seconds, decimals and spaces included, as milliseconds', () => {
    expect(parseRetryDelays('1, 2,3')).toEqual([1000, 2000, 3000]);
    expect(parseRetryDelays('0.05,0.1')).toEqual([50, 100]);
    expect(parseRetryDelays('60')).toEqual([60_000]);
  });

  it.each(['0', '1,0', '-5', '1,,2', '1,', 'abc', '1;2', '5s', '1e3', 'Infinity', '.5'])(
    'refuses %p',
    (raw) => {
      expect(() => parseRetryDelays(raw)).toThrow(ConfigError);
      expect(() => parseRetryDelays(raw)).toThrow(/WEBHOOK_RETRY_DELAYS/);
    },
  );
});

describe('nextRetryDelayMs', () => {
  const delays = [1000, 10_000, 60_000];

  it('waits the delay of the attempt that failed', () => {
    const noJitter = (): number => 0.5;
    expect(nextRetryDelayMs(1, delays, noJitter)).toBe(1000);
    expect(nextRetryDelayMs(2, delays, noJitter)).toBe(10_000);
    expect(nextRetryDelayMs(3, delays, noJitter)).toBe(60_000);
  });

  it('jitters by at most 20 % either way', () => {
    expect(nextRetryDelayMs(2, delays, () => 0)).toBe(8000);
    expect(nextRetryDelayMs(2, delays, () => 0.999999)).toBe(12_000);
    expect(nextRetryDelayMs(2, delays, () => 0.25)).toBe(9000);
    for (let i = 0; i < 1000; i++) {
      const delay = nextRetryDelayMs(3, delays) ?? 0;
      expect(delay).toBeGreaterThanOrEqual(48_000);
      expect(delay).toBeLessThanOrEqual(72_000);
    }
  });

  it('gives up when the schedule is exhausted', () => {
    expect(nextRetryDelayMs(4, delays)).toBeNull();
    expect(nextRetryDelayMs(1, [])).toBeNull();
    expect(nextRetryDelayMs(8, parseRetryDelays(undefined))).toBeNull();
    expect(nextRetryDelayMs(7, parseRetryDelays(undefined), () => 0.5)).toBe(36_000_000);
  });

  it('counts failed attempts from 1', () => {
    expect(() => nextRetryDelayMs(0, delays)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5, delays)).toThrow(RangeError);
  });
});
