import type { AgreementTerms } from '@app/agreement-pdf/agreement-document';
import { Principal } from '@app/common';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AgreementSigningService } from '../agreements/agreement-signing.service';
import { AgreementTransitionsService } from '../agreements/agreement-transitions.service';
import { AgreementsService } from '../agreements/agreements.service';
import type { CreateAgreementDto } from '../agreements/dto/agreement.dto';
import { AppModule } from '../app.module';
import { DEMO_EMAILS } from './demo-data';

interface DemoUserRow {
  id: string;
  role: Principal['role'];
  university_id: string | null;
  foundation_id: string | null;
  company_id: string | null;
  student_id: string | null;
}

const principalOf = (u: DemoUserRow): Principal => ({
  kind: 'user',
  id: u.id,
  role: u.role,
  universityId: u.university_id,
  foundationId: u.foundation_id,
  companyId: u.company_id,
  studentId: u.student_id,
});

function demoTerms(
  supervisorId: string,
  nominalYears: number,
  functionTitle: string,
): AgreementTerms {
  const end = `${2026 + nominalYears}-08-31`;
  return {
    startDate: '2026-09-01',
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

/**
 * A few agreements through the real use cases (so hashes, events and document jobs are what
 * production makes): the demo student's foundation agreement, signed by all four parties (the
 * worker seals it once it runs), one awaiting signatures and one draft at the demo company.
 */
export async function seedDemoAgreements(app: INestApplicationContext): Promise<number> {
  const db = app.get(DataSource);
  const users: DemoUserRow[] = await db.query(
    `SELECT id, role, university_id, foundation_id, company_id, student_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_EMAILS)],
  );
  const byRole = (role: string) => users.find((u) => u.role === role);
  const [studentUser, coordinator, staff, rep] = [
    'student',
    'coordinator',
    'foundation_staff',
    'company_rep',
  ].map(byRole);
  if (!studentUser || !coordinator || !staff || !rep) return 0;
  const university = principalOf(coordinator);
  const agreements = app.get(AgreementsService);
  const transitions = app.get(AgreementTransitionsService);
  const signing = app.get(AgreementSigningService);

  const students: { id: string; nominal_years: number }[] = await db.query(
    `SELECT s.id, p.nominal_years FROM students s JOIN programmes p ON p.id = s.programme_id
      WHERE s.university_id = $1
      ORDER BY (s.id = $2) DESC, s.id LIMIT 3`,
    [coordinator.university_id, studentUser.student_id],
  );
  const [supervisor] = await db.query('SELECT id FROM supervisors WHERE company_id = $1 LIMIT 1', [
    rep.company_id,
  ]);
  if (students.length < 3 || !supervisor || students[0].id !== studentUser.student_id) return 0;

  const create = (dto: CreateAgreementDto) => agreements.create(university, dto);
  const request = { ip: null, userAgent: 'demo-data' };

  const sealed = await create({
    studentId: students[0].id,
    employer: { type: 'foundation', id: staff.foundation_id! },
    hostCompanyId: rep.company_id,
    language: 'nl',
    terms: demoTerms(supervisor.id, students[0].nominal_years, 'Werkvoorbereider') as never,
  });
  const submitted = await transitions.submit(university, sealed.id);
  const hash = submitted.currentVersion.contentHash!;
  for (const signer of [studentUser, staff, rep, coordinator]) {
    await signing.signAsAccount(principalOf(signer), sealed.id, { contentHash: hash }, request);
  }

  const pending = await create({
    studentId: students[1].id,
    employer: { type: 'company', id: rep.company_id! },
    language: 'en',
    terms: demoTerms(supervisor.id, students[1].nominal_years, 'Junior project engineer') as never,
  });
  await transitions.submit(university, pending.id);

  await create({
    studentId: students[2].id,
    employer: { type: 'company', id: rep.company_id! },
    language: 'nl',
    terms: demoTerms(supervisor.id, students[2].nominal_years, 'Calculator') as never,
  });
  return 3;
}

/**
 * Runs seedDemoAgreements in an application context of its own (no HTTP listener) on the given
 * database. Configuration is read from the environment while the context is created, so the
 * database URL is set there for that moment only.
 */
export async function seedDemoAgreementsStandalone(databaseUrl: string): Promise<number> {
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
    return await seedDemoAgreements(app);
  } finally {
    await app.close();
  }
}
