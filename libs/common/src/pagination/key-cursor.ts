import { isUuid } from '../database/base.entity';
import { ValidationError } from '../errors/domain-error';
import { isCalendarDate } from '../time/calendar-date';
import { DEFAULT_LIMIT, ListQueryDto, Page } from './pagination';

/**
 * Keyset cursors for lists ordered by something other than the id alone (a date then an id, or a
 * computed number): the cursor carries the last item's sort key and the next page starts after
 * it. Like the id cursor, stable when rows are added before it and opaque to clients.
 */
export type SortKey = readonly (string | number)[];

/** What each member of a sort key must be; a cursor that does not fit is a 400. */
export type SortKeyPart = 'number' | 'date' | 'uuid' | 'string';

const PART_CHECKS: Record<SortKeyPart, (value: unknown) => boolean> = {
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  date: isCalendarDate,
  uuid: isUuid,
  string: (value) => typeof value === 'string',
};

export function encodeKeyCursor(key: SortKey): string {
  return Buffer.from(`key:${JSON.stringify(key)}`).toString('base64url');
}

export function decodeKeyCursor(cursor: string, parts: readonly SortKeyPart[]): SortKey {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  let key: unknown = null;
  if (decoded.startsWith('key:')) {
    try {
      key = JSON.parse(decoded.slice(4));
    } catch {
      key = null;
    }
  }
  const fits =
    Array.isArray(key) &&
    key.length === parts.length &&
    parts.every((part, i) => PART_CHECKS[part](key[i]));
  if (!fits) {
    throw new ValidationError(
      [{ field: 'cursor', message: 'is not a cursor this API issued' }],
      400,
    );
  }
  return key as SortKey;
}

/** Orders sort keys member by member: numbers by value, strings by code unit (dates and UUIDs sort right). */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return a.length - b.length;
}

/**
 * One page of a list computed in memory (e.g. derived from periods), in ascending order of `key`,
 * which must be unique per item: the order is the key's, so the pages of one list never skip or
 * repeat an item.
 */
export function pageByKey<T>(
  items: readonly T[],
  key: (item: T) => SortKey,
  parts: readonly SortKeyPart[],
  query: ListQueryDto,
): Page<T> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeKeyCursor(query.cursor, parts);
  const keyed = items
    .map((item) => ({ item, key: key(item) }))
    .filter((entry) => after === null || compareKeys(entry.key, after) > 0)
    .sort((x, y) => compareKeys(x.key, y.key));
  const data = keyed.slice(0, limit);
  const hasMore = keyed.length > limit;
  return {
    data: data.map((entry) => entry.item),
    nextCursor: hasMore ? encodeKeyCursor(data[data.length - 1].key) : null,
  };
}
