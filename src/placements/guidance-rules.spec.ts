import { guidanceWeekErrors, isMonday, weekInside } from './guidance-rules';

const employment = { startDate: '2025-09-03', endDate: '2026-08-31' };

describe('guidance week rules', () => {
  it('knows Mondays', () => {
    expect(isMonday('2025-09-01')).toBe(true);
    expect(isMonday('2025-09-02')).toBe(false);
    expect(isMonday('2026-08-31')).toBe(true);
  });

  it('takes a week that shares a day with the employment; an open end has no last week', () => {
    expect(weekInside('2025-09-01', employment)).toBe(true); // starts on Wednesday of that week
    expect(weekInside('2025-08-25', employment)).toBe(false);
    expect(weekInside('2026-08-31', employment)).toBe(true);
    expect(weekInside('2026-09-07', employment)).toBe(false);
    expect(weekInside('2040-01-02', { startDate: '2025-09-03', endDate: null })).toBe(true);
  });

  it('names the index of each bad week', () => {
    const errors = guidanceWeekErrors(
      [
        { weekStart: '2025-09-08', guided: true },
        { weekStart: '2025-09-09', guided: true },
        { weekStart: '2025-08-18', guided: true },
        { weekStart: '2025-09-08', guided: false, absenceReason: 'illness' },
        { weekStart: '2025-09-15', guided: false },
        { weekStart: '2025-09-22', guided: true, absenceReason: 'holiday' },
      ],
      employment,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'weeks[1].weekStart',
      'weeks[2].weekStart',
      'weeks[3].weekStart',
      'weeks[4].absenceReason',
      'weeks[5].absenceReason',
    ]);
    expect(errors[0].message).toMatch(/not a Monday/);
    expect(errors[1].message).toMatch(/outside the employment/);
    expect(errors[2].message).toMatch(/also weeks\[0\]/);
  });

  it('accepts guided weeks and absences with a reason', () => {
    expect(
      guidanceWeekErrors(
        [
          { weekStart: '2025-09-01', guided: true, supervisorHours: 4 },
          { weekStart: '2025-09-08', guided: false, absenceReason: 'holiday' },
        ],
        employment,
      ),
    ).toEqual([]);
  });
});
