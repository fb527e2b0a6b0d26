import { addDays, daysBetween, isCalendarDate, toCalendarDate } from './calendar-date';

describe('calendar dates (YYYY-MM-DD)', () => {
  it.each(['2026-09-01', '2028-02-29', '1999-12-31'])('accepts the real date %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each<[unknown, string]>([
    ['2026-02-30', 'a day the month does not have'],
    ['2027-02-29', 'a leap day outside a leap year'],
    ['2026-13-01', 'month 13'],
    ['2026-9-1', 'digits left out'],
    ['2026-09-01T00:00:00Z', 'an instant'],
    [' 2026-09-01', 'surrounding space'],
    [20260901, 'a number'],
    [null, 'null'],
  ])('refuses %p (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('counts whole days between dates, negative backwards, across DST and leap days', () => {
    expect(daysBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-09-01', '2026-08-31')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-09-01', -1)).toBe('2026-08-31');
    expect(addDays('2026-09-01', 0)).toBe('2026-09-01');
  });

  it('takes the UTC date of an instant, whatever the local zone', () => {
    expect(toCalendarDate(new Date('2026-09-01T23:30:00-02:00'))).toBe('2026-09-02');
    expect(toCalendarDate(new Date('2026-09-01T00:00:00Z'))).toBe('2026-09-01');
  });
});
