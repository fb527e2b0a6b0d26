import { Principal } from '@app/common';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgreementSigningService } from '../agreements/agreement-signing.service';
import { AgreementTransitionsService } from '../agreements/agreement-transitions.service';
import { AgreementsService } from '../agreements/agreements.service';
import type { CompleteDto, TerminateDto } from '../agreements/dto/agreement.dto';
import { SigningLinksService } from '../agreements/signing-links.service';
import { EmploymentsService } from '../placements/employments.service';
import { SecondmentsService } from '../placements/secondments.service';
import { subsidyRulesFor } from '../reporting/subsidy/subsidy-rules.config';
import type { DemoActors } from './demo-actors';
import { demoTerms } from './demo-agreements';
import type { DemoWorkplace } from './demo-matching';

/**
 * The route outcomes of the demo university over its two cohorts: students of cohort 2025 who
 * started on 1 September 2025 (graduated on time and staying, graduated late and leaving, a
 * dropout who stays employed, and three still on their route: at the demo company, through the
 * foundation, and one in a sector the practical-learning subsidy does not cover), and of cohort
 * 2026 (one on the route, one dropout who leaves). Every agreement is drafted, signed by each
 * party and closed through the real use cases, so the outcome facts, audit trail and sealed
 * documents are what production makes.
 */

export type DemoEmployerKind = 'demo_company' | 'other_company' | 'foundation';

export interface DemoOutcomeCase {
  key: string;
  cohort: 2025 | 2026;
  employer: DemoEmployerKind;
  /** Whether the student's programme is in a sector the subsidy covers. */
  subsidySector: boolean;
  functionTitle: string;
  close: { complete: CompleteDto } | { terminate: TerminateDto } | null;
}

/** The cases, in the order they are made (and their students drawn, by student number). */
export const DEMO_OUTCOME_CASES: readonly DemoOutcomeCase[] = [
  {
    key: 'onTime',
    cohort: 2025,
    employer: 'demo_company',
    subsidySector: true,
    functionTitle: 'Uitvoerder',
    close: {
      complete: {
        outcome: 'graduated_on_time',
        stayedWithEmployer: true,
        reason: 'Diploma behaald; blijft in vaste dienst',
      },
    },
  },
  {
    key: 'delayed',
    cohort: 2025,
    employer: 'other_company',
    subsidySector: true,
    functionTitle: 'Projectcoördinator',
    close: {
      complete: {
        outcome: 'graduated_with_delay',
        stayedWithEmployer: false,
        reason: 'Diploma na een herkansing van de afstudeeropdracht',
      },
    },
  },
  {
    key: 'dropoutStays',
    cohort: 2025,
    employer: 'demo_company',
    subsidySector: true,
    functionTitle: 'Werkvoorbereider',
    close: {
      terminate: {
        reason: 'dropout',
        employmentContinued: true,
        note: 'Stopt met de opleiding, blijft in dienst als werkvoorbereider',
      },
    },
  },
  {
    key: 'activeCompany',
    cohort: 2025,
    employer: 'demo_company',
    subsidySector: true,
    functionTitle: 'Calculator',
    close: null,
  },
  {
    key: 'activeFoundation',
    cohort: 2025,
    employer: 'foundation',
    subsidySector: true,
    functionTitle: 'Assistent uitvoerder',
    close: null,
  },
  {
    key: 'activeOtherSector',
    cohort: 2025,
    employer: 'demo_company',
    subsidySector: false,
    functionTitle: 'Junior controller',
    close: null,
  },
  {
    key: 'activeNew',
    cohort: 2026,
    employer: 'demo_company',
    subsidySector: true,
    functionTitle: 'Junior werkvoorbereider',
    close: null,
  },
  {
    key: 'dropoutLeaves',
    cohort: 2026,
    employer: 'other_company',
    subsidySector: true,
    functionTitle: 'Tekenaar',
    close: {
      terminate: {
        reason: 'dropout',
        employmentContinued: false,
        note: 'Stopt in het eerste blok met de opleiding en met de baan',
      },
    },
  },
];

interface CandidateRow {
  id: string;
  nominalYears: number;
  cohort: number;
  subsidySector: boolean;
  name: string;
  email: string;
}

export interface DemoOutcomeAgreement {
  key: string;
  agreementId: string;
  employmentId: string;
  employer: DemoEmployerKind;
  startDate: string;
  endDate: string;
  active: boolean;
}

/** The demo university's students not yet in the world, by student number. */
async function candidates(
  db: DataSource,
  actors: DemoActors,
  used: readonly string[],
): Promise<CandidateRow[]> {
  const sectors = subsidyRulesFor(2025)!.eligibleSectors;
  return db.query(
    `SELECT s.id, p.nominal_years AS "nominalYears", s.cohort,
            p.croho_sector = ANY($3) AS "subsidySector",
            s.first_name || ' ' || s.last_name AS name, s.email
       FROM students s JOIN programmes p ON p.id = s.programme_id
      WHERE s.university_id = $1 AND NOT (s.id = ANY($2))
      ORDER BY s.student_number`,
    [actors.universityId, [actors.studentId, ...used], sectors],
  );
}

/** Each case's student: the first unused one of its cohort and sector kind. */
export function pickStudents(
  cases: readonly DemoOutcomeCase[],
  rows: CandidateRow[],
): CandidateRow[] | null {
  const taken = new Set<string>();
  const picked: CandidateRow[] = [];
  for (const c of cases) {
    const row = rows.find(
      (r) => !taken.has(r.id) && r.cohort === c.cohort && r.subsidySector === c.subsidySector,
    );
    if (!row) return null;
    taken.add(row.id);
    picked.push(row);
  }
  return picked;
}

/** Submits the agreement and has every required party sign it (the last signature activates). */
async function signByAll(
  app: INestApplicationContext,
  actors: DemoActors,
  agreementId: string,
  student: CandidateRow,
  employer: DemoEmployerKind,
  otherCompany: string,
): Promise<void> {
  const submitted = await app
    .get(AgreementTransitionsService)
    .submit(actors.coordinator, agreementId, {
      reason: 'Voorwaarden afgestemd bij de intake',
    });
  const contentHash = submitted.currentVersion.contentHash!;
  const links = app.get(SigningLinksService);
  const req = { ip: null, userAgent: 'demo-data' };
  const byLink = async (party: 'student' | 'employer', name: string, email: string) => {
    const link = await links.create(actors.coordinator, agreementId, { party, name, email });
    await links.sign(link.token, { contentHash, name, consent: true }, req);
  };
  await byLink('student', student.name, student.email);
  if (employer === 'other_company') await byLink('employer', `HR ${otherCompany}`, 'hr@demo.local');
  const accounts: Principal[] =
    employer === 'foundation'
      ? [actors.foundationStaff, actors.companyRep] // employer, then the host
      : employer === 'demo_company'
        ? [actors.companyRep]
        : [];
  const signing = app.get(AgreementSigningService);
  for (const signer of [...accounts, actors.coordinator])
    await signing.signAsAccount(signer, agreementId, { contentHash }, req);
}

/** The employment the agreement describes (and, through the foundation, the secondment at the host). */
async function employ(
  app: INestApplicationContext,
  actors: DemoActors,
  studentId: string,
  employer: { type: 'company' | 'foundation'; id: string },
  period: { startDate: string; endDate: string },
  host: DemoWorkplace,
): Promise<string> {
  const employment = await app.get(EmploymentsService).create(actors.coordinator, {
    studentId,
    employer,
    ...period,
    contractType: 'fixed_term',
    hoursPerWeek: 32,
  });
  if (employer.type === 'foundation')
    await app.get(SecondmentsService).create(actors.foundationStaff, employment.id, {
      hostCompanyId: host.id,
      ...period,
      supervisorId: host.supervisorId,
      hoursPerWeek: 32,
    });
  return employment.id;
}

/** One case: employment, agreement signed by all, and (when the case says so) closed. */
async function seedCase(
  app: INestApplicationContext,
  actors: DemoActors,
  c: DemoOutcomeCase,
  student: CandidateRow,
  places: { demo: DemoWorkplace; other: DemoWorkplace },
): Promise<DemoOutcomeAgreement> {
  const place = c.employer === 'other_company' ? places.other : places.demo;
  const terms = demoTerms(place.supervisorId, student.nominalYears, c.functionTitle, c.cohort);
  const employer =
    c.employer === 'foundation'
      ? { type: 'foundation' as const, id: actors.foundationId }
      : { type: 'company' as const, id: place.id };
  const period = { startDate: terms.startDate, endDate: terms.endDate };
  const employmentId = await employ(app, actors, student.id, employer, period, places.demo);
  const agreement = await app.get(AgreementsService).create(actors.coordinator, {
    studentId: student.id,
    employer,
    hostCompanyId: c.employer === 'foundation' ? places.demo.id : null,
    language: 'nl',
    terms: terms as never,
  });
  await signByAll(app, actors, agreement.id, student, c.employer, places.other.name);
  return {
    key: c.key,
    agreementId: agreement.id,
    employmentId,
    employer: c.employer,
    ...period,
    active: c.close === null,
  };
}

/** Closes the agreements whose case ends (after their monitoring history is recorded). */
export async function closeDemoOutcomes(
  app: INestApplicationContext,
  actors: DemoActors,
  made: DemoOutcomeAgreement[],
): Promise<void> {
  const transitions = app.get(AgreementTransitionsService);
  for (const m of made) {
    const close = DEMO_OUTCOME_CASES.find((c) => c.key === m.key)!.close;
    if (close && 'complete' in close)
      await transitions.complete(actors.coordinator, m.agreementId, close.complete);
    else if (close) await transitions.terminate(actors.coordinator, m.agreementId, close.terminate);
  }
}

/**
 * Makes every case's employment and signed agreement (closing is closeDemoOutcomes' part), or
 * returns null when the demo university lacks students for a case. `used` are the students the
 * rest of the demo world already placed or has seeking.
 */
export async function seedDemoOutcomes(
  app: INestApplicationContext,
  actors: DemoActors,
  places: { demo: DemoWorkplace; other: DemoWorkplace },
  used: readonly string[],
): Promise<DemoOutcomeAgreement[] | null> {
  const students = pickStudents(
    DEMO_OUTCOME_CASES,
    await candidates(app.get(DataSource), actors, used),
  );
  if (!students) return null;
  const made: DemoOutcomeAgreement[] = [];
  for (const [i, c] of DEMO_OUTCOME_CASES.entries())
    made.push(await seedCase(app, actors, c, students[i], places));
  return made;
}
