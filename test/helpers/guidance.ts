import { addDays } from '@app/common';

/** `n` guidance-log weeks on consecutive Mondays from `first`, guided unless told otherwise. */
export function mondays(first: string, n: number, over: object = {}) {
  return Array.from({ length: n }, (_, i) => ({
    weekStart: addDays(first, 7 * i),
    guided: true,
    supervisorHours: 4,
    ...over,
  }));
}
