import { INestApplicationContext } from '@nestjs/common';
import type { CreateVacancyDto, SeekingDto } from '../matching/dto/vacancy.dto';
import { MatchingRunsService } from '../matching/matching-runs.service';
import { SeekingService } from '../matching/seeking.service';
import { VacanciesService } from '../matching/vacancies.service';
import type { DemoActors } from './demo-actors';
import { TOWNS } from './demo-reference';

/** A company of the demo world where students can work, with its location and first supervisor. */
export interface DemoWorkplace {
  id: string;
  name: string;
  postcode: string;
  latitude: number;
  longitude: number;
  supervisorId: string;
}

/**
 * The learning workplaces of the demo world: four offered by the foundation (three at member
 * hosts, one whose host is still to be agreed) and two by the demo company itself. `host` is an
 * index into the workplaces: 0 is the demo company, 1 and 2 other members of the foundation.
 */
export const DEMO_VACANCIES = [
  {
    key: 'werkvoorbereider',
    by: 'foundation',
    host: 0,
    capacity: 2,
    title: 'Werkvoorbereider bouw (duaal)',
  },
  {
    key: 'uitvoerder',
    by: 'foundation',
    host: 1,
    capacity: 2,
    title: 'Uitvoerder utiliteitsbouw in opleiding',
  },
  {
    key: 'installaties',
    by: 'foundation',
    host: 2,
    capacity: 1,
    title: 'Technicus installaties (duaal)',
  },
  {
    key: 'hostInOverleg',
    by: 'foundation',
    host: null,
    capacity: 2,
    title: 'Leerwerkplek bouw, host in overleg',
  },
  { key: 'calculator', by: 'company', host: 0, capacity: 1, title: 'Calculator bouwkunde (duaal)' },
  {
    key: 'projectvoorbereider',
    by: 'company',
    host: 0,
    capacity: 2,
    title: 'Projectvoorbereider (duaal)',
  },
] as const;
export type DemoVacancyKey = (typeof DEMO_VACANCIES)[number]['key'];

/** Posts the demo vacancies as their owners (the foundation's staff, the company's representative). */
export async function seedDemoVacancies(
  app: INestApplicationContext,
  actors: DemoActors,
  workplaces: DemoWorkplace[],
  programmeIds: string[],
): Promise<Record<DemoVacancyKey, string>> {
  const vacancies = app.get(VacanciesService);
  const ids = {} as Record<DemoVacancyKey, string>;
  for (const spec of DEMO_VACANCIES) {
    // A vacancy whose host is still open sits at the foundation's first member for its location.
    const place = workplaces[spec.host ?? 0];
    const foundation = spec.by === 'foundation';
    const dto: CreateVacancyDto = {
      ...(foundation ? { foundationId: actors.foundationId } : { companyId: place.id }),
      ...(spec.host === null ? {} : { supervisorId: place.supervisorId }),
      ...(foundation && spec.host !== null ? { hostCompanyId: place.id } : {}),
      title: spec.title,
      programmeIds,
      capacity: spec.capacity,
      hoursPerWeek: 32,
      salaryMinCents: 270_000,
      salaryMaxCents: 310_000,
      startDate: '2026-08-15',
      startLatest: '2026-10-01',
      postcode: place.postcode,
      latitude: place.latitude,
      longitude: place.longitude,
      sector: 'F',
    };
    const owner = foundation ? actors.foundationStaff : actors.companyRep;
    ids[spec.key] = (await vacancies.create(owner, dto)).id;
  }
  return ids;
}

const BRABANT = TOWNS.filter((t) => t.region === 'Noord-Brabant');

/**
 * What each seeking student states (their coordinator enters it): a start on 1 September 2026,
 * a Noord-Brabant town, 40-60 km, mostly construction (SBI F), and for some a ranked preference.
 * Deterministic by position in the list, so the demo world is the same on every machine.
 */
export function demoSeeking(index: number, vacancy: Record<DemoVacancyKey, string>): SeekingDto {
  const town = BRABANT[index % BRABANT.length];
  const preferences = [[vacancy.uitvoerder, vacancy.werkvoorbereider], [vacancy.calculator], []][
    index % 3
  ];
  return {
    startDate: '2026-09-01',
    postcode: `${town.postcode} AB`,
    latitude: town.lat,
    longitude: town.lon,
    maxTravelKm: 40 + (index % 3) * 10,
    hoursPerWeek: index % 4 === 3 ? 36 : 32,
    sectors: index % 5 === 4 ? [] : ['F'],
    preferences,
  };
}

/** States what each student seeks, through the coordinator. */
export async function seedDemoSeeking(
  app: INestApplicationContext,
  actors: DemoActors,
  students: { id: string; seeking: SeekingDto }[],
): Promise<void> {
  const seeking = app.get(SeekingService);
  for (const s of students) await seeking.put(actors.coordinator, s.id, s.seeking);
}

/**
 * Asks for a whole-cohort matching run of the coordinator's university, as the coordinator would
 * (POST /matching-runs): queued here, computed by the worker once it runs, with a fixed seed so
 * its proposals are the same on every machine.
 */
export async function requestDemoMatchingRun(
  app: INestApplicationContext,
  actors: DemoActors,
): Promise<string> {
  const run = await app
    .get(MatchingRunsService)
    .create(actors.coordinator, { universityId: actors.universityId, seed: 'demo-2026' });
  return run.id;
}
