import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { DemoActors, loadDemoActors } from './demo-actors';
import { DemoStudentRow, seedDemoCompanyAgreements } from './demo-agreements';
import {
  DEMO_VACANCIES,
  demoSeeking,
  DemoWorkplace,
  requestDemoMatchingRun,
  seedDemoSeeking,
  seedDemoVacancies,
} from './demo-matching';
import { seedDemoGuidance, seedDemoMeetings } from './demo-monitoring';
import { closeDemoOutcomes, DemoOutcomeAgreement, seedDemoOutcomes } from './demo-outcomes';
import { seedDemoBenchPlacement, seedDemoStudentPlacement } from './demo-placements';

/** CROHO codes of the construction programmes the foundation's members take students from. */
const CONSTRUCTION_CROHO = ['34256', '34260', '80053'];
/** Students seeking a workplace for the matching run (besides the two who get placed by hand). */
const RUN_SEEKERS = 10;

export interface DemoWorld {
  agreements: number;
  vacancies: number;
  seeking: number;
  placements: number;
  secondments: number;
  matchingRunId: string;
  /** The route outcomes over two cohorts, their monitoring history and guidance log. */
  outcomes: { agreements: number; closed: number; meetings: number; guidanceWeeks: number };
}

/** The members the demo world works with: the demo company first, then two more by KvK number. */
async function workplaces(db: DataSource, actors: DemoActors): Promise<DemoWorkplace[]> {
  return db.query(
    `SELECT c.id, c.name, c.postcode, c.latitude::float AS latitude, c.longitude::float AS longitude,
            (SELECT s.id FROM supervisors s WHERE s.company_id = c.id ORDER BY s.email LIMIT 1) AS "supervisorId"
       FROM companies c JOIN foundation_members m ON m.company_id = c.id AND m.foundation_id = $1
      ORDER BY (c.id = $2) DESC, c.kvk_number LIMIT 3`,
    [actors.foundationId, actors.companyId],
  );
}

/** The coordinator's students by student number (stable across machines, unlike ids). */
async function students(
  db: DataSource,
  actors: DemoActors,
): Promise<(DemoStudentRow & { construction: boolean })[]> {
  return db.query(
    `SELECT s.id, p.nominal_years AS "nominalYears", p.croho_code = ANY($3) AS construction
       FROM students s JOIN programmes p ON p.id = s.programme_id
      WHERE s.university_id = $1 AND s.id <> $2
      ORDER BY s.student_number`,
    [actors.universityId, actors.studentId, CONSTRUCTION_CROHO],
  );
}

/**
 * The matching and placement world on top of the directory data, every record made by the real
 * use cases so it is what the API would have made: vacancies of the foundation and the demo
 * company, students seeking a workplace, the demo student placed through the foundation (signed
 * agreement, secondment and re-secondment with its draft amendment), a student on the bench, two
 * more agreements at the demo company, and a matching run that the worker computes once it runs.
 * Deterministic: every choice follows student and KvK numbers, which the seeded generator fixes.
 */
export async function seedDemoWorld(app: INestApplicationContext): Promise<DemoWorld | null> {
  const db = app.get(DataSource);
  const actors = await loadDemoActors(db);
  if (!actors) return null;
  const places = await workplaces(db, actors);
  const others = await students(db, actors);
  const [demoStudent] = await db.query(
    `SELECT p.nominal_years AS "nominalYears" FROM students s JOIN programmes p ON p.id = s.programme_id WHERE s.id = $1`,
    [actors.studentId],
  );
  const programmeIds: string[] = (
    await db.query('SELECT id FROM programmes WHERE croho_code = ANY($1) ORDER BY id', [
      CONSTRUCTION_CROHO,
    ])
  ).map((p: { id: string }) => p.id);
  const companyAgreementStudents = others.slice(0, 2);
  const seekers = others
    .slice(2)
    .filter((s) => s.construction)
    .slice(0, RUN_SEEKERS + 1);
  if (places.length < 3 || companyAgreementStudents.length < 2 || seekers.length <= RUN_SEEKERS)
    return null;

  const vacancy = await seedDemoVacancies(app, actors, places, programmeIds);
  const [benchStudent] = seekers;
  const near = (place: DemoWorkplace) => ({
    ...demoSeeking(0, vacancy),
    postcode: place.postcode,
    latitude: place.latitude,
    longitude: place.longitude,
    preferences: [],
  });
  await seedDemoSeeking(app, actors, [
    { id: actors.studentId, seeking: near(places[0]) },
    { id: benchStudent.id, seeking: near(places[0]) },
    ...seekers.slice(1).map((s, i) => ({ id: s.id, seeking: demoSeeking(i, vacancy) })),
  ]);
  const placed = await seedDemoStudentPlacement(
    app,
    actors,
    vacancy.werkvoorbereider,
    demoStudent.nominalYears,
    places[0],
    places[1],
  );
  await seedDemoBenchPlacement(app, actors, benchStudent.id, vacancy.hostInOverleg);
  const companyAgreements = await seedDemoCompanyAgreements(
    app,
    actors,
    [companyAgreementStudents[0], companyAgreementStudents[1]],
    places[0].supervisorId,
  );
  const outcomes = await seedDemoReports(app, actors, places, placed.employmentId, [
    ...companyAgreementStudents.map((s) => s.id),
    ...seekers.map((s) => s.id),
  ]);
  if (!outcomes) return null;
  // Last: the run sees the world as it now is (two students placed, two seats taken).
  const matchingRunId = await requestDemoMatchingRun(app, actors);
  return {
    agreements: companyAgreements + 2,
    vacancies: DEMO_VACANCIES.length,
    seeking: seekers.length + 1,
    placements: 2,
    secondments: 2,
    matchingRunId,
    outcomes,
  };
}

/**
 * What the reports show: closed and running agreements over two cohorts, their meetings, and
 * the guidance log of the demo company's and the foundation's employments (the demo student's
 * too). Meetings are recorded while the agreements are active, then the closing cases close.
 */
async function seedDemoReports(
  app: INestApplicationContext,
  actors: DemoActors,
  places: DemoWorkplace[],
  demoStudentEmploymentId: string,
  used: string[],
): Promise<DemoWorld['outcomes'] | null> {
  const made = await seedDemoOutcomes(app, actors, { demo: places[0], other: places[1] }, used);
  if (!made) return null;
  const meetings = await seedDemoMeetings(app, actors, made);
  const guided = (m: DemoOutcomeAgreement) => m.employer !== 'other_company';
  const guidanceWeeks = await seedDemoGuidance(app, actors, [
    ...made.filter(guided).map((m) => ({
      employmentId: m.employmentId,
      employer: m.employer === 'foundation' ? ('foundation' as const) : ('company' as const),
      startDate: m.startDate,
    })),
    { employmentId: demoStudentEmploymentId, employer: 'foundation', startDate: '2026-09-01' },
  ]);
  await closeDemoOutcomes(app, actors, made);
  const closed = made.filter((m) => !m.active).length;
  return { agreements: made.length, closed, meetings, guidanceWeeks };
}

/**
 * Runs seedDemoWorld in an application context of its own (no HTTP listener) on the given
 * database. Configuration is read from the environment while the context is created, so the
 * database URL is set there for that moment only.
 */
export async function seedDemoWorldStandalone(databaseUrl: string): Promise<DemoWorld | null> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
  try {
    return await seedDemoWorld(app);
  } finally {
    await app.close();
  }
}
