import { coordinateErrors, COMPANY_SCOPE, isSme, normalisePostcodePrefix } from './company-rules';

describe('company rules', () => {
  it('counts fewer than 250 employees as an SME (EU Recommendation 2003/361/EC)', () => {
    expect(isSme(0)).toBe(true);
    expect(isSme(249)).toBe(true);
    expect(isSme(250)).toBe(false);
  });

  it('lets staff read every company, a rep their own, and nobody else anything', () => {
    expect(COMPANY_SCOPE.admin).toBe('all');
    expect(COMPANY_SCOPE.coordinator).toBe('all');
    expect(COMPANY_SCOPE.foundation_staff).toBe('all');
    expect(COMPANY_SCOPE.company_rep).toEqual({ column: 'id', principalField: 'companyId' });
    expect(COMPANY_SCOPE.student).toBeUndefined();
    expect(COMPANY_SCOPE.integration).toBeUndefined();
  });

  it('wants both coordinates or neither, naming the missing one', () => {
    expect(coordinateErrors(undefined, undefined)).toEqual([]);
    expect(coordinateErrors(null, null)).toEqual([]);
    expect(coordinateErrors(52, 5)).toEqual([]);
    expect(coordinateErrors(52, null)).toEqual([expect.objectContaining({ field: 'longitude' })]);
    expect(coordinateErrors(undefined, 5)).toEqual([
      expect.objectContaining({ field: 'latitude' }),
    ]);
  });

  it('normalises a postcode prefix to the stored "1234 AB" form', () => {
    expect(normalisePostcodePrefix('56')).toBe('56');
    expect(normalisePostcodePrefix('5611')).toBe('5611');
    expect(normalisePostcodePrefix('5611a')).toBe('5611 A');
    expect(normalisePostcodePrefix(' 5611 ab ')).toBe('5611 AB');
    expect(normalisePostcodePrefix('0611')).toBeUndefined();
    expect(normalisePostcodePrefix('56111')).toBeUndefined();
    expect(normalisePostcodePrefix('5611abc')).toBeUndefined();
  });
});
