import { ValidationError } from '../errors/domain-error';
import { compareKeys, decodeKeyCursor, encodeKeyCursor, pageByKey, SortKey } from './key-cursor';

const ID_A = '0190a1b2-0000-7000-8000-00000000000a';
const ID_B = '0190a1b2-0000-7000-8000-00000000000b';

describe('keyset cursors over a sort key', () => {
  it('round-trips a key, opaque to the client', () => {
    const key = [-61, '2027-04-01', ID_A];
    const cursor = encodeKeyCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeKeyCursor(cursor, ['number', 'date', 'uuid'])).toEqual(key);
    expect(decodeKeyCursor(encodeKeyCursor(['any text']), ['string'])).toEqual(['any text']);
  });

  it.each<[string, string]>([
    ['not base64 JSON at all', 'not-a-cursor'],
    ['an id cursor', Buffer.from(`id:${ID_A}`).toString('base64url')],
    ['broken JSON', Buffer.from('key:[1,').toString('base64url')],
    ['not an array', Buffer.from('key:{"a":1}').toString('base64url')],
    ['a key of another length', encodeKeyCursor(['2026-09-01', ID_A])],
    ['a number that is a string', encodeKeyCursor(['1', '2026-09-01', ID_A])],
    ['a date that does not exist', encodeKeyCursor([1, '2026-02-30', ID_A])],
    ['an id that is no UUID', encodeKeyCursor([1, '2026-09-01', 'x'])],
  ])('refuses %s with a 400 naming the cursor', (_case, cursor) => {
    let error: unknown;
    try {
      decodeKeyCursor(cursor, ['number', 'date', 'uuid']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      status: 400,
      extensions: { errors: [{ field: 'cursor', message: 'is not a cursor this API issued' }] },
    });
  });

  it('compares keys member by member: numbers by value, strings by code unit', () => {
    expect(compareKeys([-273, '2026-09-01'], [-61, '2026-01-01'])).toBeLessThan(0);
    expect(compareKeys([9, '2026-11-01'], [9, '2027-02-01'])).toBeLessThan(0);
    expect(compareKeys([10], [9])).toBeGreaterThan(0); // not "10" < "9"
    expect(compareKeys([1, ID_B], [1, ID_A])).toBeGreaterThan(0);
    expect(compareKeys([1, ID_A], [1, ID_A])).toBe(0);
    expect(compareKeys([1], [1, ID_A])).toBeLessThan(0);
  });
});

describe('pageByKey', () => {
  interface Gap {
    id: string;
    days: number;
  }
  const gaps: Gap[] = [
    { id: 'c', days: 9 },
    { id: 'a', days: 273 },
    { id: 'd', days: 61 },
    { id: 'b', days: 273 },
    { id: 'e', days: 9 },
  ];
  const byLength = (g: Gap): SortKey => [-g.days, g.id];
  const parts = ['number', 'string'] as const;

  it('cuts the list in key order; following nextCursor visits each item once', () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = pageByKey(gaps, byLength, parts, { limit: 2, cursor });
      seen.push(...page.data.map((g) => g.id));
      sizes.push(page.data.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('gives no next cursor when the page holds the rest exactly, and 50 items by default', () => {
    expect(pageByKey(gaps, byLength, parts, { limit: 5 }).nextCursor).toBeNull();
    const many = Array.from({ length: 51 }, (_, i) => ({
      id: String(i).padStart(2, '0'),
      days: 1,
    }));
    const page = pageByKey(many, byLength, parts, {});
    expect(page.data).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
  });

  it('starts after the cursor even when that item is gone (keyset, not offset)', () => {
    const cursor = encodeKeyCursor([-273, 'a']);
    const without = gaps.filter((g) => g.id !== 'a');
    expect(pageByKey(without, byLength, parts, { cursor }).data.map((g) => g.id)).toEqual([
      'b',
      'd',
      'c',
      'e',
    ]);
  });

  it('leaves the input list as it was', () => {
    const before = gaps.map((g) => g.id);
    pageByKey(gaps, byLength, parts, { limit: 2 });
    expect(gaps.map((g) => g.id)).toEqual(before);
  });
});
