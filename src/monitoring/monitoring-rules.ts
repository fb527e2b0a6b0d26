import { addDays, daysBetween } from '@app/common';

export const MEETING_KINDS = ['progress_meeting', 'workplace_visit', 'assessment'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const ATTENDEES = ['student', 'university', 'employer', 'host', 'supervisor'] as const;
export type Attendee = (typeof ATTENDEES)[number];
export const COMPETENCE_RESULTS = ['not_yet', 'on_track', 'achieved'] as const;
export type CompetenceResult = (typeof COMPETENCE_RESULTS)[number];
/** The kinds with a cadence in `terms.monitoring`; assessments follow the programme's own plan. */
export const SCHEDULED_KINDS = ['progress_meeting', 'workplace_visit'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

/**
 * The parties a meeting of this kind needs to count as held (DOMAIN.md "Monitoring and
 * outcomes"): an assessment or a workplace visit needs the student, the university and the
 * employer, and the host when the student is seconded (the companies' guide insists both the
 * school and the workplace attend). A progress meeting is the university following the
 * student's study progress: it needs the student and the university; the guide's both-parties
 * rule names only assessments and visits, so the employer is welcome but not required there.
 */
export function requiredAttendees(kind: MeetingKind, seconded: boolean): Attendee[] {
  if (kind === 'progress_meeting') return ['student', 'university'];
  return seconded
    ? ['student', 'university', 'employer', 'host']
    : ['student', 'university', 'employer'];
}

/** Whether every party the kind requires was present (computed when the meeting is written). */
export function isComplete(kind: MeetingKind, attendees: readonly Attendee[], seconded: boolean) {
  return requiredAttendees(kind, seconded).every((party) => attendees.includes(party));
}

/** The agreement facts the schedule is computed from (dates YYYY-MM-DD). */
export interface Schedule {
  startDate: string;
  endDate: string;
  progressMeetingEveryWeeks: number;
  workplaceVisitsPerYear: number;
}

/** What the agreement has held so far of one kind (complete meetings only). */
export interface Held {
  count: number;
  lastHeldOn: string | null;
}

export interface DueItem {
  kind: ScheduledKind;
  dueOn: string;
  /** Whole days past `dueOn` (0 while not yet overdue). */
  daysOverdue: number;
  lastHeldOn: string | null;
}

/**
 * The next progress meeting: N weeks after the last one held, or after the start while none has
 * been. The clock restarts at each meeting (a late meeting does not leave the next one due
 * sooner). None is due when that date falls after the agreement's end, or the cadence is unset.
 */
export function nextProgressMeeting(s: Schedule, held: Held): string | null {
  if (!(s.progressMeetingEveryWeeks > 0)) return null;
  const from =
    held.lastHeldOn !== null && held.lastHeldOn > s.startDate ? held.lastHeldOn : s.startDate;
  const due = addDays(from, s.progressMeetingEveryWeeks * 7);
  return due <= s.endDate ? due : null;
}

/**
 * The dates workplace visits are due: in each year of the agreement (counted from its start),
 * V visits spread evenly, the i-th at i/V of that year (the last on the anniversary). Dates after
 * the agreement's end are dropped, so a last, partial year asks only for what fits in it.
 */
export function workplaceVisitDates(s: Schedule): string[] {
  const perYear = s.workplaceVisitsPerYear;
  if (!(perYear > 0)) return [];
  const dates: string[] = [];
  for (let year = 0; ; year += 1) {
    const yearStart = addYears(s.startDate, year);
    if (yearStart >= s.endDate) return dates;
    const yearDays = daysBetween(yearStart, addYears(s.startDate, year + 1));
    for (let i = 1; i <= perYear; i += 1) {
      const due = addDays(yearStart, Math.round((i * yearDays) / perYear));
      if (due > s.endDate) return dates;
      dates.push(due);
    }
  }
}

/**
 * The next workplace visit: the earliest scheduled visit not yet matched by a visit held. Visits
 * are counted, not tied to their slot, so a late visit catches up the one that was missed.
 */
export function nextWorkplaceVisit(s: Schedule, held: Held): string | null {
  return workplaceVisitDates(s)[held.count] ?? null;
}

/** The due items of one agreement on `today`, one per scheduled kind that has one. */
export function dueItems(s: Schedule, held: Record<ScheduledKind, Held>, today: string): DueItem[] {
  const next: Record<ScheduledKind, string | null> = {
    progress_meeting: nextProgressMeeting(s, held.progress_meeting),
    workplace_visit: nextWorkplaceVisit(s, held.workplace_visit),
  };
  return SCHEDULED_KINDS.flatMap((kind) => {
    const dueOn = next[kind];
    if (dueOn === null) return [];
    return [
      {
        kind,
        dueOn,
        daysOverdue: Math.max(0, daysBetween(dueOn, today)),
        lastHeldOn: held[kind].lastHeldOn,
      },
    ];
  });
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** A meeting as recorded, for the rules that check it against its agreement. */
export interface MeetingInput {
  heldOn: string;
  attendees: readonly Attendee[];
  competences: readonly { name: string }[];
}

export interface RuleProblem {
  field: string;
  message: string;
}

/**
 * Why a meeting cannot be recorded on this agreement on `today`: held in the future or outside
 * the agreement's period, a party listed twice, a competence named twice or blank.
 */
export function meetingProblems(
  m: MeetingInput,
  period: { startDate: string; endDate: string },
  today: string,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (m.heldOn > today)
    problems.push({ field: 'heldOn', message: `must not be in the future (today is ${today})` });
  if (m.heldOn < period.startDate || m.heldOn > period.endDate)
    problems.push({
      field: 'heldOn',
      message: `must lie within the agreement's period ${period.startDate} – ${period.endDate}`,
    });
  if (new Set(m.attendees).size !== m.attendees.length)
    problems.push({ field: 'attendees', message: 'must not list a party twice' });
  const names = m.competences.map((c) => c.name.trim().toLowerCase());
  names.forEach((name, i) => {
    if (name === '')
      problems.push({ field: `competences[${i}].name`, message: 'must not be blank' });
    else if (names.indexOf(name) !== i)
      problems.push({ field: `competences[${i}].name`, message: 'names a competence twice' });
  });
  return problems;
}
