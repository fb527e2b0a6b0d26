import { MatchingInputError } from './errors';

/** How many vacancies a student's list holds when a run does not say. */
export const DEFAULT_LIST_LENGTH = 20;

export function resolveListLength(listLength: number = DEFAULT_LIST_LENGTH): number {
  if (!Number.isSafeInteger(listLength) || listLength < 1) {
    throw new MatchingInputError(`listLength must be a positive integer, got ${listLength}`);
  }
  return listLength;
}

export function resolveSeed(seed: unknown): string {
  if (typeof seed !== 'string') throw new MatchingInputError('seed must be a string');
  return seed;
}
