import type { AgreementTerms } from '../agreements/agreement-terms.types';
import { INestApplicationContext } from '@nestjs/common';
import { AgreementTransitionsService } from '../agreements/agreement-transitions.service';
import { AgreementsService } from '../agreements/agreements.service';
import { SigningLinksService } from '../agreements/signing-links.service';
import { remindSoon } from '../mail/signing-reminder.entity';
import { DataSource } from 'typeorm';
import type { DemoActors } from './demo-actors';

/** Complete terms for a demo agreement that starts on 1 September of `startYear` (2026 unless said). */
export function demoTerms(
  supervisorId: string,
  nominalYears: number,
  functionTitle: string,
  startYear = 2026,
): AgreementTerms {
  const end = `${startYear + nominalYears}-08-31`;
  return {
    startDate: `${startYear}-09-01`,
    endDate: end,
    employment: {
      contractType: 'fixed_term',
      contractMonths: nominalYears * 12,
      hoursPerWeek: 32,
      grossMonthlySalaryCents: 285_000,
      functionTitle,
    },
    workplace: { location: 'Eindhoven', supervisorId },
    studySupport: {
      paidStudyHoursPerWeek: 8,
      tuitionReimbursedPercent: 100,
      costsCovered: ['laptop', 'books'],
      schoolDays: ['friday'],
    },
    repayment: null,
    monitoring: { progressMeetingEveryWeeks: 10, workplaceVisitsPerYear: 2 },
    competences: [
      { name: 'Werkvoorbereiding en planning', assessment: 'Portfolio en praktijkassessment' },
      { name: 'Samenwerken op de bouwplaats', assessment: 'Beoordeling door praktijkbegeleider' },
    ],
    termination: {
      noticeWeeks: 4,
      earlyTerminationGrounds: [
        'De student stopt met de opleiding',
        'Ernstig tekortschieten in de begeleiding door de werkgever',
      ],
    },
  };
}

export interface DemoStudentRow {
  id: string;
  nominalYears: number;
}

/** When the pending agreement's first signing reminder is due, from seeding. */
export const DEMO_FIRST_REMINDER_SECONDS = 60;

/**
 * Two agreements drafted directly at the demo company, through the real use cases (so hashes,
 * events and document jobs are what production makes): one awaiting signatures (English), with
 * an e-mailed signing link for the company, one draft. The demo student's own agreement comes from a placement (demo-placements.ts).
 */
export async function seedDemoCompanyAgreements(
  app: INestApplicationContext,
  actors: DemoActors,
  students: [DemoStudentRow, DemoStudentRow],
  supervisorId: string,
): Promise<number> {
  const agreements = app.get(AgreementsService);
  const transitions = app.get(AgreementTransitionsService);
  const employer = { type: 'company' as const, id: actors.companyId };
  const pending = await agreements.create(actors.coordinator, {
    studentId: students[0].id,
    employer,
    language: 'en',
    terms: demoTerms(supervisorId, students[0].nominalYears, 'Junior project engineer') as never,
  });
  await transitions.submit(actors.coordinator, pending.id, {
    reason: 'Terms agreed with the company at the intake meeting',
  });
  // The company's signer has no account: a link by e-mail, its first reminder due a minute after
  // seeding (not SIGNING_REMINDER_HOURS), so `npm start` soon shows one in var/mail.
  await app.get(SigningLinksService).create(actors.coordinator, pending.id, {
    party: 'employer',
    name: 'Petra de Groot',
    email: 'hr@demo.local',
  });
  await remindSoon(app.get(DataSource).manager, pending.id, DEMO_FIRST_REMINDER_SECONDS);
  await agreements.create(actors.coordinator, {
    studentId: students[1].id,
    employer,
    language: 'nl',
    terms: demoTerms(supervisorId, students[1].nominalYears, 'Calculator') as never,
  });
  return 2;
}
