import { addDays } from '@app/common';
import { gaps, inside, lengthInDays, overlaps } from './periods';

const p = (startDate: string, endDate: string) => ({ startDate, endDate });

describe('placement periods', () => {
  it('treats periods as inclusive on both ends', () => {
    expect(overlaps(p('2026-09-01', '2026-12-31'), p('2026-12-31', '2027-03-31'))).toBe(true);
    expect(overlaps(p('2026-09-01', '2026-12-31'), p('2027-01-01', '2027-03-31'))).toBe(false);
    expect(inside(p('2026-09-01', '2027-08-31'), p('2026-09-01', '2027-08-31'))).toBe(true);
    expect(inside(p('2026-08-31', '2027-08-31'), p('2026-09-01', '2027-08-31'))).toBe(false);
    expect(lengthInDays(p('2026-09-01', '2026-09-30'))).toBe(30);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('treats a period without end date (a permanent contract) as running for ever', () => {
    const open = { startDate: '2026-09-01', endDate: null };
    expect(overlaps(open, p('2040-01-01', '2040-12-31'))).toBe(true);
    expect(overlaps(p('2026-01-01', '2026-08-31'), open)).toBe(false);
    expect(overlaps(open, { startDate: '2030-01-01', endDate: null })).toBe(true);
    expect(inside(p('2026-09-01', '2040-12-31'), open)).toBe(true);
    expect(inside(p('2026-08-31', '2027-08-31'), open)).toBe(false);
    expect(inside(open, p('2026-09-01', '2040-12-31'))).toBe(false);
    expect(gaps(open, [p('2026-09-01', '2026-12-31')], '2027-01-10')).toEqual([
      p('2027-01-01', '2027-01-10'),
    ]);
  });

  it('finds the days without a host, up to a date', () => {
    const employment = p('2026-09-01', '2027-08-31');
    const secondments = [p('2026-09-01', '2026-12-31'), p('2027-01-15', '2027-06-30')];
    expect(gaps(employment, secondments, '2027-08-31')).toEqual([
      p('2027-01-01', '2027-01-14'),
      p('2027-07-01', '2027-08-31'),
    ]);
    expect(gaps(employment, secondments, '2027-01-05')).toEqual([p('2027-01-01', '2027-01-05')]);
    expect(gaps(employment, [], '2026-08-01')).toEqual([]);
    expect(gaps(employment, [employment], '2030-01-01')).toEqual([]);
    expect(gaps(employment, [p('2026-10-01', '2026-10-31')], '2026-11-02')).toEqual([
      p('2026-09-01', '2026-09-30'),
      p('2026-11-01', '2026-11-02'),
    ]);
  });
});
