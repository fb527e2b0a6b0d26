import { BRIN_OR_RIO, CROHO, KVK, normalisePostcode, POSTCODE, SBI } from './identifiers';

describe('Dutch identifiers', () => {
  it.each(['21PB', '21PB00', '00AA', '123A456'])('accepts BRIN/RIO %s', (code) => {
    expect(BRIN_OR_RIO.test(code)).toBe(true);
  });
  it.each(['21P', '21PB0', '21pb', '21PBXX', '1234A56', ''])('refuses BRIN/RIO %s', (code) => {
    expect(BRIN_OR_RIO.test(code)).toBe(false);
  });
  it('checks CROHO, KvK and SBI lengths', () => {
    expect(CROHO.test('34664')).toBe(true);
    expect(CROHO.test('3466')).toBe(false);
    expect(KVK.test('01234567')).toBe(true);
    expect(KVK.test('1234567')).toBe(false);
    expect(KVK.test('123456789')).toBe(false);
    expect(SBI.test('4120')).toBe(true);
    expect(SBI.test('4')).toBe(false);
  });
  it('normalises postcodes to "1234 AB"', () => {
    expect(normalisePostcode('1234ab')).toBe('1234 AB');
    expect(normalisePostcode(' 1234  AB ')).toBe('1234 AB');
    expect(POSTCODE.test(normalisePostcode('0123AB') as string)).toBe(false);
  });
});
