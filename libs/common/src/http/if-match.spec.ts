import { ValidationError } from '../errors/domain-error';
import { parseIfMatch } from './if-match';

describe('If-Match', () => {
  it('is undefined when the client sent none (the edit is then unconditional)', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"12"', 12],
    [' 7 ', 7],
    ['0', 0],
  ])('reads %p as version %p', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('takes the first of repeated headers', () => {
    expect(parseIfMatch(['4', '5'])).toBe(4);
  });

  it.each(['', '*', 'abc', '-1', '1.5', '"v3"'])(
    'refuses %p with a 400 naming If-Match',
    (header) => {
      expect(() => parseIfMatch(header)).toThrow(ValidationError);
      try {
        parseIfMatch(header);
      } catch (error) {
        expect(error).toMatchObject({
          status: 400,
          extensions: {
            errors: [{ field: 'If-Match', message: expect.stringContaining('version') }],
          },
        });
      }
    },
  );
});
