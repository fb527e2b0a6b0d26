import { addDays, Principal } from '@app/common';
import { INestApplicationContext } from '@nestjs/common';
import type { CreateProgressMeetingDto } from '../monitoring/dto/monitoring.dto';
import { ProgressMeetingsService } from '../monitoring/progress-meetings.service';
import type { GuidanceWeekInputDto } from '../placements/dto/guidance.dto';
import { GuidanceWeeksService } from '../placements/guidance-weeks.service';
import type { DemoActors } from './demo-actors';
import type { DemoOutcomeAgreement } from './demo-outcomes';
import { Rng } from './demo-random';

/**
 * The monitoring history and guidance log of the demo world, through the real use cases. Fixed
 * dates, all in the past by the time the demo runs (the latest is November 2026), so the same
 * meetings are complete, incomplete and overdue on every machine: the cohort-2025 agreements'
 * last progress meeting was in June 2026 (with meetings every ten weeks, one has been due since
 * August) and one of their two yearly workplace visits is still to come (due since September).
 */

const COMPETENCES = ['Werkvoorbereiding en planning', 'Samenwerken op de bouwplaats'];

type Plan = Omit<CreateProgressMeetingDto, 'notes'> & { notes: string };

const progress = (heldOn: string, notes: string, employer = true): Plan => ({
  kind: 'progress_meeting',
  heldOn,
  attendees: employer ? ['student', 'university', 'employer'] : ['student', 'university'],
  notes,
});

/** The first year of a cohort-2025 agreement: meetings every ten weeks, a visit, an assessment. */
const FIRST_YEAR: readonly Plan[] = [
  progress('2025-11-10', 'Goede start; studieplanning afgestemd met het rooster op de werkplek'),
  progress('2026-01-19', 'Eerste blok behaald; werkdruk in december besproken', false),
  {
    kind: 'workplace_visit',
    heldOn: '2026-02-26',
    attendees: ['student', 'university', 'employer', 'supervisor'],
    notes: 'Rondgang op het project; leerdoelen voor het tweede semester vastgelegd',
  },
  progress('2026-03-30', 'Voortgang volgens plan'),
  progress('2026-06-08', 'Jaar bijna rond; afspraken over de zomerperiode'),
];

/** Assessments: with the employer complete; the foundation's without its staff is not. */
function assessment(attendees: Plan['attendees'], result: 'on_track' | 'achieved'): Plan {
  return {
    kind: 'assessment',
    heldOn: '2026-06-25',
    attendees,
    notes: 'Praktijkassessment einde eerste jaar',
    competences: COMPETENCES.map((name, i) => ({ name, result: i === 0 ? result : 'on_track' })),
  };
}

/** What each case records, by its key (cases not listed record nothing). */
const MEETINGS: Record<string, readonly Plan[]> = {
  onTime: [
    ...FIRST_YEAR,
    assessment(['student', 'university', 'employer', 'supervisor'], 'achieved'),
  ],
  delayed: FIRST_YEAR.slice(0, 2),
  dropoutStays: FIRST_YEAR.slice(0, 1),
  activeCompany: [...FIRST_YEAR, assessment(['student', 'university', 'employer'], 'achieved')],
  // Seconded through the foundation: the visit has the host too; the assessment was held with
  // the host's supervisor but without the foundation, so it is recorded and not complete.
  activeFoundation: [
    ...FIRST_YEAR.filter((m) => m.kind === 'progress_meeting'),
    {
      kind: 'workplace_visit',
      heldOn: '2026-03-05',
      attendees: ['student', 'university', 'employer', 'host'],
      notes: 'Bezoek bij het gastbedrijf samen met de stichting',
    },
    assessment(['student', 'university', 'host', 'supervisor'], 'on_track'),
  ],
  activeOtherSector: FIRST_YEAR.slice(0, 3),
  activeNew: [progress('2026-11-09', 'Eerste voortgangsgesprek: goed op weg')],
};

/** Records the planned meetings of each case (while its agreement is still active). */
export async function seedDemoMeetings(
  app: INestApplicationContext,
  actors: DemoActors,
  made: DemoOutcomeAgreement[],
): Promise<number> {
  const meetings = app.get(ProgressMeetingsService);
  let count = 0;
  for (const m of made) {
    for (const plan of MEETINGS[m.key] ?? []) {
      await meetings.record(actors.coordinator, m.agreementId, plan);
      count += 1;
    }
  }
  return count;
}

/** Holiday weeks (Christmas, summer) of the 2025/2026 academic year, by Monday. */
const HOLIDAYS = new Set(['2025-12-22', '2025-12-29', '2026-07-20', '2026-07-27', '2026-08-03']);

/**
 * The weeks from `from` to `to` (Mondays), mostly guided with the supervisor's hours, the
 * holidays as holiday and now and then a week of illness, drawn from the seeded generator.
 */
export function demoGuidanceWeeks(rng: Rng, from: string, to: string): GuidanceWeekInputDto[] {
  const weeks: GuidanceWeekInputDto[] = [];
  for (let monday = from; monday <= to; monday = addDays(monday, 7)) {
    if (HOLIDAYS.has(monday))
      weeks.push({ weekStart: monday, guided: false, absenceReason: 'holiday' });
    else if (rng.chance(0.06))
      weeks.push({ weekStart: monday, guided: false, absenceReason: 'illness' });
    else weeks.push({ weekStart: monday, guided: true, supervisorHours: rng.int(2, 6) });
  }
  return weeks;
}

/**
 * The academic years the log covers: 2025/2026 (the year employers now claim the subsidy for,
 * its application window opening after 31 August) and 2026/2027 up to the end of November.
 */
const YEARS = [
  { from: '2025-09-01', to: '2026-08-24' },
  { from: '2026-08-31', to: '2026-11-30' },
];

export interface DemoGuided {
  employmentId: string;
  employer: 'company' | 'foundation';
  startDate: string;
}

/**
 * The guidance log of the demo company's and the foundation's employments, written by the
 * employer (the demo company's rep, the foundation's staff) one academic year per call.
 */
export async function seedDemoGuidance(
  app: INestApplicationContext,
  actors: DemoActors,
  employments: DemoGuided[],
): Promise<number> {
  const service = app.get(GuidanceWeeksService);
  const rng = new Rng(20250901);
  let count = 0;
  for (const e of employments) {
    const writer: Principal =
      e.employer === 'foundation' ? actors.foundationStaff : actors.companyRep;
    for (const year of YEARS) {
      if (year.to < e.startDate) continue;
      const from = mondayOnOrBefore(year.from < e.startDate ? e.startDate : year.from);
      const weeks = demoGuidanceWeeks(rng, from, year.to);
      await service.put(writer, e.employmentId, { weeks });
      count += weeks.length;
    }
  }
  return count;
}

/** The Monday of the week a date falls in. */
function mondayOnOrBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}
