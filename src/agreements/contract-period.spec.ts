import { contractEndDate, lastDayOfMonths, monthsCovered } from './contract-period';

describe('contract period', () => {
  it('ends a period of months the day before the same day, or at the end of a shorter month', () => {
    expect(lastDayOfMonths('2026-09-01', 24)).toBe('2028-08-31');
    expect(lastDayOfMonths('2026-09-15', 1)).toBe('2026-10-14');
    expect(lastDayOfMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(lastDayOfMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(lastDayOfMonths('2026-03-31', 1)).toBe('2026-04-30');
    for (const [start, months] of [
      ['2026-09-01', 24],
      ['2026-01-31', 1],
      ['2026-03-31', 11],
    ] as const)
      expect(monthsCovered(start, lastDayOfMonths(start, months))).toBe(months);
  });

  it('ends a fixed-term contract after its months and a permanent one never', () => {
    const terms = (contractType: 'fixed_term' | 'permanent', contractMonths: number) => ({
      startDate: '2026-09-01',
      employment: { contractType, contractMonths },
    });
    expect(contractEndDate(terms('fixed_term', 12))).toBe('2027-08-31');
    expect(contractEndDate(terms('fixed_term', 48))).toBe('2030-08-31');
    expect(contractEndDate(terms('permanent', 24))).toBeNull();
  });
});
