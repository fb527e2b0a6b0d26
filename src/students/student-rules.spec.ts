import { studentRuleErrors } from './student-rules';

const TODAY = '2026-05-01';
const base = { workedForEmployerBefore: false, monthsWithEmployerBefore: null, dateOfBirth: null };

describe('student rules', () => {
  it('accepts a student without prior employment or date of birth', () => {
    expect(studentRuleErrors(base, TODAY)).toEqual([]);
  });

  it('accepts months with the employer only when the student worked there before', () => {
    expect(
      studentRuleErrors(
        { ...base, workedForEmployerBefore: true, monthsWithEmployerBefore: 18 },
        TODAY,
      ),
    ).toEqual([]);
    expect(
      studentRuleErrors(
        { ...base, workedForEmployerBefore: true, monthsWithEmployerBefore: null },
        TODAY,
      ),
    ).toEqual([]);
    expect(studentRuleErrors({ ...base, monthsWithEmployerBefore: 0 }, TODAY)).toEqual([
      {
        field: 'monthsWithEmployerBefore',
        message: 'can only be given when workedForEmployerBefore is true',
      },
    ]);
  });

  it('wants a date of birth in the past and after 1900', () => {
    expect(studentRuleErrors({ ...base, dateOfBirth: '2004-05-17' }, TODAY)).toEqual([]);
    expect(studentRuleErrors({ ...base, dateOfBirth: TODAY }, TODAY)).toEqual([
      { field: 'dateOfBirth', message: 'must be in the past (before 2026-05-01)' },
    ]);
    expect(studentRuleErrors({ ...base, dateOfBirth: '1899-12-31' }, TODAY)[0].field).toBe(
      'dateOfBirth',
    );
  });
});
