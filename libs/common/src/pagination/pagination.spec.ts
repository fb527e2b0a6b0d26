import { ValidationError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, mapPage, toPage } from './pagination';

const ids = [
  '0190a1b2-0000-7000-8000-000000000001',
  '0190a1b2-0000-7000-8000-000000000002',
  '0190a1b2-0000-7000-8000-000000000003',
];

describe('id cursors', () => {
  it('round-trips the last id through an opaque, URL-safe cursor', () => {
    const cursor = encodeCursor(ids[1]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(ids[1]);
    expect(decodeCursor(cursor)).toBe(ids[1]);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['an id without the prefix', Buffer.from(ids[0]).toString('base64url')],
    ['a prefix with no UUID', Buffer.from('id:42').toString('base64url')],
    ['an upper-case UUID (ours are lower case)', encodeCursor(ids[0].toUpperCase())],
    ['an empty cursor', ''],
  ])('refuses %s with a 400 naming the cursor', (_case, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(ValidationError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect(error).toMatchObject({
        status: 400,
        extensions: { errors: [{ field: 'cursor', message: 'is not a cursor this API issued' }] },
      });
    }
  });
});

describe('toPage', () => {
  const rows = ids.map((id, i) => ({ id, n: i }));

  it('keeps `limit` rows and points the next cursor at the last one when a row is left over', () => {
    const page = toPage(rows, 2);
    expect(page.data.map((r) => r.n)).toEqual([0, 1]);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor!)).toBe(ids[1]);
  });

  it('has no next page when the extra row is missing', () => {
    expect(toPage(rows, 3)).toEqual({ data: rows, nextCursor: null });
    expect(toPage([], 50)).toEqual({ data: [], nextCursor: null });
  });

  it('maps the items of a page and keeps its cursor', () => {
    const page = toPage(rows, 1);
    expect(mapPage(page, (r) => r.n * 10)).toEqual({ data: [0], nextCursor: page.nextCursor });
  });
});
