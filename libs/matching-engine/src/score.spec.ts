import { distanceKm } from './geo';
import { evaluate } from './score';
import { randomInstance, rng } from './spec-helpers';
import {
  EligibleEvaluation,
  Evaluation,
  ExclusionReason,
  StudentInput,
  VacancyInput,
  Weights,
} from './types';
import { COMPONENT_NAMES, DEFAULT_WEIGHTS, resolveWeights } from './weights';

const UTRECHT = { latitude: 52.0907, longitude: 5.1214 };
const AMERSFOORT = { latitude: 52.1561, longitude: 5.3878 };
const GRONINGEN = { latitude: 53.2194, longitude: 6.5665 };

function student(over: Partial<StudentInput> = {}): StudentInput {
  return {
    id: 's1',
    programmeId: 'ict',
    startDate: '2025-09-01',
    location: UTRECHT,
    maxTravelKm: 40,
    hoursPerWeek: 32,
    sectors: ['J'],
    preferences: [],
    ...over,
  };
}

function vacancy(over: Partial<VacancyInput> = {}): VacancyInput {
  return {
    id: 'v1',
    programmeIds: ['ict'],
    openSeats: 2,
    hoursPerWeek: 32,
    startWindow: { from: '2025-09-01', to: '2025-10-01' },
    location: UTRECHT,
    sector: 'J',
    candidateRanking: [],
    ...over,
  };
}

function eligible(e: Evaluation): EligibleEvaluation {
  if (!e.eligible) throw new Error(`expected eligible, got ${e.reasons.join(', ')}`);
  return e;
}

function value(e: Evaluation, name: string): number {
  const c = eligible(e).components.find((x) => x.name === name);
  if (!c) throw new Error(`no component ${name}`);
  return c.value;
}

describe('evaluate: hard constraints', () => {
  const alone: Array<[ExclusionReason, Partial<StudentInput>, Partial<VacancyInput>]> = [
    ['programme_not_accepted', {}, { programmeIds: ['nursing'] }],
    ['start_outside_window', { startDate: '2025-08-31' }, {}],
    ['start_outside_window', { startDate: '2025-10-02' }, {}],
    ['beyond_travel_distance', { location: GRONINGEN }, {}],
    ['no_capacity', {}, { openSeats: 0 }],
    ['no_capacity', {}, { openSeats: -1 }],
  ];
  it.each(alone)('%s alone', (reason, s, v) => {
    expect(evaluate(student(s), vacancy(v))).toEqual({ eligible: false, reasons: [reason] });
  });

  it('reports every failing constraint, in a fixed order', () => {
    const e = evaluate(
      student({ startDate: '2026-02-01', location: GRONINGEN }),
      vacancy({ programmeIds: ['nursing'], openSeats: 0 }),
    );
    expect(e).toEqual({
      eligible: false,
      reasons: [
        'programme_not_accepted',
        'start_outside_window',
        'beyond_travel_distance',
        'no_capacity',
      ],
    });
  });

  it('accepts both ends of the start window and the exact travel limit', () => {
    expect(evaluate(student({ startDate: '2025-09-01' }), vacancy()).eligible).toBe(true);
    expect(evaluate(student({ startDate: '2025-10-01' }), vacancy()).eligible).toBe(true);
    const km = distanceKm(UTRECHT, AMERSFOORT);
    expect(evaluate(student({ maxTravelKm: km }), vacancy({ location: AMERSFOORT })).eligible).toBe(
      true,
    );
    expect(
      evaluate(student({ maxTravelKm: km - 1e-6 }), vacancy({ location: AMERSFOORT })),
    ).toEqual({
      eligible: false,
      reasons: ['beyond_travel_distance'],
    });
  });

  it('does not apply the distance constraint when a location is unknown', () => {
    expect(
      evaluate(student({ location: null, maxTravelKm: 0 }), vacancy({ location: GRONINGEN }))
        .eligible,
    ).toBe(true);
    expect(
      evaluate(student({ location: GRONINGEN, maxTravelKm: 0 }), vacancy({ location: null }))
        .eligible,
    ).toBe(true);
  });

  it('rejects malformed input instead of guessing', () => {
    expect(() => evaluate(student({ startDate: '2025-02-30' }), vacancy())).toThrow(/YYYY-MM-DD/);
    expect(() => evaluate(student({ startDate: '1-9-2025' }), vacancy())).toThrow(/YYYY-MM-DD/);
    expect(() => evaluate(student({ maxTravelKm: NaN }), vacancy())).toThrow(/maxTravelKm/);
    expect(() =>
      evaluate(student({ location: { latitude: 95, longitude: 5 } }), vacancy()),
    ).toThrow(/latitude/);
    expect(() => evaluate(student(), vacancy(), { ...DEFAULT_WEIGHTS, hours: -1 })).toThrow(
      /weight hours/,
    );
    expect(() =>
      evaluate(student(), vacancy(), { distance: 0, hours: 0, start: 0, sector: 0, preference: 0 }),
    ).toThrow(/positive/);
  });
});

describe('evaluate: components', () => {
  it('lists all five components in a fixed order with the weights used', () => {
    const e = eligible(evaluate(student(), vacancy()));
    expect(e.components.map((c) => c.name)).toEqual(COMPONENT_NAMES);
    expect(e.components.map((c) => c.weight)).toEqual(
      COMPONENT_NAMES.map((n) => DEFAULT_WEIGHTS[n]),
    );
  });

  it('distance: 1 at 0 km, linear to 0 at the student limit, 0.5 when unknown', () => {
    expect(value(evaluate(student(), vacancy()), 'distance')).toBe(1);
    const km = distanceKm(UTRECHT, AMERSFOORT);
    expect(
      value(
        evaluate(student({ maxTravelKm: 2 * km }), vacancy({ location: AMERSFOORT })),
        'distance',
      ),
    ).toBeCloseTo(0.5, 12);
    expect(
      value(evaluate(student({ maxTravelKm: km }), vacancy({ location: AMERSFOORT })), 'distance'),
    ).toBeCloseTo(0, 12);
    expect(value(evaluate(student({ location: null }), vacancy()), 'distance')).toBe(0.5);
    expect(value(evaluate(student(), vacancy({ location: null })), 'distance')).toBe(0.5);
    expect(value(evaluate(student({ maxTravelKm: 0 }), vacancy()), 'distance')).toBe(1);
  });

  it('hours: relative gap', () => {
    expect(
      value(evaluate(student({ hoursPerWeek: 32 }), vacancy({ hoursPerWeek: 32 })), 'hours'),
    ).toBe(1);
    expect(
      value(evaluate(student({ hoursPerWeek: 24 }), vacancy({ hoursPerWeek: 32 })), 'hours'),
    ).toBe(0.75);
    expect(
      value(evaluate(student({ hoursPerWeek: 40 }), vacancy({ hoursPerWeek: 20 })), 'hours'),
    ).toBe(0.5);
    expect(
      value(evaluate(student({ hoursPerWeek: 0 }), vacancy({ hoursPerWeek: 0 })), 'hours'),
    ).toBe(1);
  });

  it('start: 1 at the window opening, 0 at its close, linear between; 1 for a one-day window', () => {
    const w = { startWindow: { from: '2025-09-01', to: '2025-09-11' } };
    expect(value(evaluate(student({ startDate: '2025-09-01' }), vacancy(w)), 'start')).toBe(1);
    expect(value(evaluate(student({ startDate: '2025-09-06' }), vacancy(w)), 'start')).toBe(0.5);
    expect(value(evaluate(student({ startDate: '2025-09-11' }), vacancy(w)), 'start')).toBe(0);
    const oneDay = { startWindow: { from: '2025-09-01', to: '2025-09-01' } };
    expect(value(evaluate(student(), vacancy(oneDay)), 'start')).toBe(1);
  });

  it('sector: 1 when wanted (case and padding ignored), 0 when not, 0.5 when either side is open', () => {
    expect(
      value(evaluate(student({ sectors: ['Q', ' j '] }), vacancy({ sector: 'J' })), 'sector'),
    ).toBe(1);
    expect(value(evaluate(student({ sectors: ['Q'] }), vacancy({ sector: 'J' })), 'sector')).toBe(
      0,
    );
    expect(value(evaluate(student({ sectors: [] }), vacancy({ sector: 'J' })), 'sector')).toBe(0.5);
    expect(value(evaluate(student({ sectors: ['J'] }), vacancy({ sector: null })), 'sector')).toBe(
      0.5,
    );
  });

  it('preference: 1 for the first of n, 1/n for the last, 0 when not listed; repeats ignored', () => {
    const preferences = ['v1', 'v2', 'v1', 'v3', 'v4'];
    expect(value(evaluate(student({ preferences }), vacancy({ id: 'v1' })), 'preference')).toBe(1);
    expect(value(evaluate(student({ preferences }), vacancy({ id: 'v2' })), 'preference')).toBe(
      0.75,
    );
    expect(value(evaluate(student({ preferences }), vacancy({ id: 'v4' })), 'preference')).toBe(
      0.25,
    );
    expect(value(evaluate(student({ preferences }), vacancy({ id: 'v9' })), 'preference')).toBe(0);
  });

  it('normalises weights to sum 1 and records the weights actually used', () => {
    const raw: Weights = { distance: 2, hours: 1, start: 1, sector: 0, preference: 0 };
    const e = eligible(evaluate(student(), vacancy(), raw));
    expect(e.components.map((c) => c.weight)).toEqual([0.5, 0.25, 0.25, 0, 0]);
    expect(resolveWeights(raw)).toEqual({
      distance: 0.5,
      hours: 0.25,
      start: 0.25,
      sector: 0,
      preference: 0,
    });
    expect(resolveWeights(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS);
    // Equivalent configurations explain the same pair identically.
    expect(
      evaluate(student(), vacancy(), {
        distance: 0.5,
        hours: 0.25,
        start: 0.25,
        sector: 0,
        preference: 0,
      }),
    ).toEqual(e);
  });
});

describe('evaluate: the score is its explanation', () => {
  const r = rng(42);
  const weightSets: Array<Weights | undefined> = [
    undefined,
    { distance: 1, hours: 1, start: 1, sector: 1, preference: 1 },
    { distance: 0.1, hours: 0.2, start: 0.3, sector: 0.15, preference: 0.25 },
    { distance: 7, hours: 0, start: 3, sector: 0.5, preference: 11 },
  ];
  const { students, vacancies } = randomInstance(r, 80, 80, { programmes: 1 });

  it('score === sum of contributions, contribution === value * weight, all in [0, 1], for many random pairs', () => {
    let checked = 0;
    for (const s of students) {
      for (const v of vacancies) {
        const weights = weightSets[checked % weightSets.length];
        const e = evaluate(s, v, weights);
        if (!e.eligible) {
          expect(e.reasons.length).toBeGreaterThan(0);
          continue;
        }
        checked++;
        const used = resolveWeights(weights);
        expect(e.score).toBe(e.components.reduce((sum, c) => sum + c.contribution, 0));
        for (const c of e.components) {
          expect(c.contribution).toBe(c.value * c.weight);
          expect(c.weight).toBe(used[c.name]);
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
        }
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    expect(checked).toBeGreaterThan(600);
  });
});
