import { ValidationError, VersionConflictError } from '../errors/domain-error';
import { escapeLike, stripUndefined } from './query-helpers';
import { assertNotEmptyPatch, assertVersion } from './transaction';

describe('edit preconditions', () => {
  it('lets an edit through without If-Match or with the current version', () => {
    expect(() => assertVersion('Company', undefined, 4)).not.toThrow();
    expect(() => assertVersion('Company', 4, 4)).not.toThrow();
  });

  it('answers a stale If-Match with a version conflict that names the current version', () => {
    expect(() => assertVersion('Company', 3, 4)).toThrow(VersionConflictError);
    try {
      assertVersion('Company', 3, 4);
    } catch (error) {
      expect(error).toMatchObject({
        status: 409,
        type: 'version-conflict',
        extensions: { currentVersion: 4 },
      });
      expect((error as Error).message).toBe(
        'Company is at version 4, not 3: reload it and apply your change again.',
      );
    }
  });

  it('refuses a PATCH that names no field (400), but not one that sets a field to null', () => {
    expect(() => assertNotEmptyPatch({})).toThrow(ValidationError);
    expect(() => assertNotEmptyPatch({ name: undefined })).toThrow(ValidationError);
    expect(() => assertNotEmptyPatch({ city: null })).not.toThrow();
    expect(() => assertNotEmptyPatch({ trained: false })).not.toThrow();
  });
});

describe('query helpers', () => {
  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('100%_sure\\')).toBe('100\\%\\_sure\\\\');
    expect(escapeLike('plain')).toBe('plain');
  });

  it('drops undefined members only', () => {
    expect(stripUndefined({ a: 1, b: undefined, c: null, d: false, e: '' })).toEqual({
      a: 1,
      c: null,
      d: false,
      e: '',
    });
  });
});
