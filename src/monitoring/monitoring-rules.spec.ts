import {
  addYears,
  dueItems,
  isComplete,
  meetingProblems,
  nextProgressMeeting,
  nextWorkplaceVisit,
  requiredAttendees,
  Schedule,
  workplaceVisitDates,
} from './monitoring-rules';

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  startDate: '2026-09-01',
  endDate: '2028-08-31',
  progressMeetingEveryWeeks: 10,
  workplaceVisitsPerYear: 2,
  ...over,
});
const none = { count: 0, lastHeldOn: null };

describe('complete', () => {
  it('an assessment or visit needs student, university and employer', () => {
    for (const kind of ['assessment', 'workplace_visit'] as const) {
      expect(isComplete(kind, ['student', 'university', 'employer'], false)).toBe(true);
      expect(isComplete(kind, ['student', 'university'], false)).toBe(false);
      expect(isComplete(kind, ['university', 'employer'], false)).toBe(false);
      expect(isComplete(kind, ['student', 'employer', 'host'], false)).toBe(false);
    }
  });

  it('a seconded student also needs the host there', () => {
    expect(isComplete('assessment', ['student', 'university', 'employer'], true)).toBe(false);
    expect(isComplete('assessment', ['student', 'university', 'employer', 'host'], true)).toBe(
      true,
    );
    expect(requiredAttendees('workplace_visit', true)).toContain('host');
  });

  it('a progress meeting needs the student and the university, not the employer', () => {
    expect(isComplete('progress_meeting', ['student', 'university'], true)).toBe(true);
    expect(isComplete('progress_meeting', ['student', 'employer', 'host'], false)).toBe(false);
    expect(isComplete('progress_meeting', ['university', 'supervisor'], false)).toBe(false);
  });

  it('the supervisor never stands in for the employer', () => {
    expect(isComplete('assessment', ['student', 'university', 'supervisor'], false)).toBe(false);
  });
});

describe('progress meetings due', () => {
  it('with no meeting yet, N weeks after the start', () => {
    expect(nextProgressMeeting(schedule(), none)).toBe('2026-11-10');
  });

  it('N weeks after the last one held', () => {
    expect(nextProgressMeeting(schedule(), { count: 1, lastHeldOn: '2026-11-20' })).toBe(
      '2027-01-29',
    );
  });

  it('none when the next date falls after the agreement ends', () => {
    expect(nextProgressMeeting(schedule(), { count: 9, lastHeldOn: '2028-07-01' })).toBeNull();
    expect(nextProgressMeeting(schedule({ endDate: '2026-11-09' }), none)).toBeNull();
  });

  it('due exactly on the last day of the agreement still counts', () => {
    expect(nextProgressMeeting(schedule({ endDate: '2026-11-10' }), none)).toBe('2026-11-10');
  });

  it('no cadence, nothing due', () => {
    expect(nextProgressMeeting(schedule({ progressMeetingEveryWeeks: 0 }), none)).toBeNull();
  });
});

describe('workplace visits due', () => {
  it('spreads the visits evenly over each year, the last on the anniversary', () => {
    // The second anniversary (2028-09-01) falls a day after the agreement ends.
    expect(workplaceVisitDates(schedule())).toEqual(['2027-03-03', '2027-09-01', '2028-03-02']);
  });

  it('a last, partial year asks only for what fits in it', () => {
    expect(workplaceVisitDates(schedule({ endDate: '2027-06-30' }))).toEqual(['2027-03-03']);
  });

  it('one visit a year is due on each anniversary inside the period', () => {
    expect(
      workplaceVisitDates(schedule({ workplaceVisitsPerYear: 1, endDate: '2028-09-01' })),
    ).toEqual(['2027-09-01', '2028-09-01']);
  });

  it('counts visits held: a late visit catches up the missed one', () => {
    expect(nextWorkplaceVisit(schedule(), none)).toBe('2027-03-03');
    expect(nextWorkplaceVisit(schedule(), { count: 1, lastHeldOn: '2027-04-01' })).toBe(
      '2027-09-01',
    );
    expect(nextWorkplaceVisit(schedule(), { count: 3, lastHeldOn: '2028-03-01' })).toBeNull();
  });

  it('no visits agreed, nothing due', () => {
    expect(workplaceVisitDates(schedule({ workplaceVisitsPerYear: 0 }))).toEqual([]);
  });
});

describe('due items', () => {
  const held = { progress_meeting: none, workplace_visit: none };

  it('an agreement starting today has nothing overdue yet', () => {
    const items = dueItems(schedule({ startDate: '2026-12-03' }), held, '2026-12-03');
    expect(items).toEqual([
      { kind: 'progress_meeting', dueOn: '2027-02-11', daysOverdue: 0, lastHeldOn: null },
      { kind: 'workplace_visit', dueOn: '2027-06-04', daysOverdue: 0, lastHeldOn: null },
    ]);
  });

  it('counts whole days past the due date', () => {
    const [progress] = dueItems(schedule(), held, '2026-11-20');
    expect(progress).toEqual({
      kind: 'progress_meeting',
      dueOn: '2026-11-10',
      daysOverdue: 10,
      lastHeldOn: null,
    });
  });

  it('due today is not yet overdue', () => {
    expect(dueItems(schedule(), held, '2026-11-10')[0].daysOverdue).toBe(0);
  });

  it('an agreement ending before anything falls due lists nothing', () => {
    expect(dueItems(schedule({ endDate: '2026-10-01' }), held, '2026-12-03')).toEqual([]);
  });

  it('carries the last held date', () => {
    const items = dueItems(
      schedule(),
      { progress_meeting: { count: 1, lastHeldOn: '2026-11-01' }, workplace_visit: none },
      '2026-12-03',
    );
    expect(items[0]).toMatchObject({ dueOn: '2027-01-10', lastHeldOn: '2026-11-01' });
  });
});

describe('meeting problems', () => {
  const period = { startDate: '2026-09-01', endDate: '2028-08-31' };
  const ok = { heldOn: '2026-11-01', attendees: ['student' as const], competences: [] };

  it('accepts a meeting in the period, up to today', () => {
    expect(meetingProblems(ok, period, '2026-11-01')).toEqual([]);
  });

  it('refuses a date in the future or outside the period', () => {
    expect(meetingProblems(ok, period, '2026-10-31')).toEqual([
      expect.objectContaining({ field: 'heldOn' }),
    ]);
    expect(meetingProblems({ ...ok, heldOn: '2026-08-31' }, period, '2026-12-01')).toEqual([
      expect.objectContaining({ field: 'heldOn' }),
    ]);
  });

  it('refuses a party twice and a competence twice or blank', () => {
    const problems = meetingProblems(
      {
        ...ok,
        attendees: ['student', 'student'],
        competences: [{ name: 'Plannen' }, { name: ' plannen ' }, { name: ' ' }],
      },
      period,
      '2026-12-01',
    );
    expect(problems.map((p) => p.field)).toEqual([
      'attendees',
      'competences[1].name',
      'competences[2].name',
    ]);
  });
});

describe('addYears', () => {
  it('keeps the day, and 29 February falls back to 28 February', () => {
    expect(addYears('2026-09-01', 1)).toBe('2027-09-01');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
