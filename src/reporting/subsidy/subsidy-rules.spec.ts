import { subsidyRulesFor, SUBSIDY_RULES } from './subsidy-rules.config';
import { academicYearSpan, intersect, subsidyOutcome, weeksIn } from './subsidy-rules';

const rules = subsidyRulesFor(2025)!;
const facts = {
  crohoSector: 'technology' as const,
  studyMode: 'dual' as const,
  signedAgreement: true,
  weeksGuided: 30,
};

describe('subsidy rules (Subsidieregeling praktijkleren)', () => {
  it('dates every year and cites its source', () => {
    for (const year of SUBSIDY_RULES) {
      expect(year.source).toMatch(/RVO.*Subsidieregeling praktijkleren/);
      expect(year.weeksForFullAmount).toBe(42);
      expect(year.maxAmountCents).toBe(270_000);
    }
    expect(subsidyRulesFor(1999)).toBeNull();
  });

  it('pays 30 guided weeks 30/42 of EUR 2,700, rounded to the cent', () => {
    expect(subsidyOutcome(rules, facts)).toEqual({
      fraction: 30 / 42,
      maxAmountCents: 192_857,
      eligible: true,
      reasons: [],
    });
  });

  it('caps at 42 weeks: 45 guided weeks earn the full amount', () => {
    expect(subsidyOutcome(rules, { ...facts, weeksGuided: 45 })).toMatchObject({
      fraction: 1,
      maxAmountCents: 270_000,
    });
    expect(subsidyOutcome(rules, { ...facts, weeksGuided: 21 }).maxAmountCents).toBe(135_000);
    expect(subsidyOutcome(rules, { ...facts, weeksGuided: 0 }).maxAmountCents).toBe(0);
  });

  it('pays nothing, with every reason, to a placement that does not qualify', () => {
    expect(subsidyOutcome(rules, { ...facts, crohoSector: 'economics' })).toEqual({
      fraction: 30 / 42,
      maxAmountCents: 0,
      eligible: false,
      reasons: ['sector_not_eligible'],
    });
    expect(
      subsidyOutcome(rules, {
        crohoSector: null,
        studyMode: 'full_time',
        signedAgreement: false,
        weeksGuided: 42,
      }).reasons,
    ).toEqual(['sector_not_eligible', 'study_mode_not_eligible', 'no_signed_agreement']);
    expect(subsidyOutcome(rules, { ...facts, studyMode: 'part_time' }).eligible).toBe(true);
  });

  it('counts weeks by their Mondays inside a span', () => {
    const year = academicYearSpan(2025);
    expect(year).toEqual({ start: '2025-09-01', end: '2026-08-31' });
    expect(weeksIn(year)).toBe(53); // 2025-09-01 and 2026-08-31 are both Mondays
    expect(weeksIn({ start: '2025-09-02', end: '2025-09-07' })).toBe(0);
    expect(weeksIn({ start: '2025-09-02', end: '2025-09-08' })).toBe(1);
    expect(weeksIn(null)).toBe(0);
  });

  it('intersects spans, an open end included', () => {
    expect(
      intersect({ start: '2025-09-01', end: '2026-08-31' }, { start: '2026-01-15', end: null }),
    ).toEqual({ start: '2026-01-15', end: '2026-08-31' });
    expect(
      intersect({ start: '2025-09-01', end: '2026-08-31' }, { start: '2026-09-01', end: null }),
    ).toBeNull();
  });
});
