import { MatchingInputError } from './errors';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parsed dates: a run reads the same few dozen start dates tens of thousands of times. */
const parsed = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date; rejects impossible dates like 2025-02-30. */
export function dayNumber(date: string, what: string): number {
  const known = typeof date === 'string' ? parsed.get(date) : undefined;
  if (known !== undefined) return known;
  const day = parseDay(date, what);
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(date, day);
  return day;
}

function parseDay(date: string, what: string): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (
      back.getUTCFullYear() === year &&
      back.getUTCMonth() === month - 1 &&
      back.getUTCDate() === day
    ) {
      return ms / DAY_MS;
    }
  }
  throw new MatchingInputError(`${what} must be a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
}
