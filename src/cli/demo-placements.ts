import { Principal } from '@app/common';
import { INestApplicationContext } from '@nestjs/common';
import { AgreementSigningService } from '../agreements/agreement-signing.service';
import { AgreementTransitionsService } from '../agreements/agreement-transitions.service';
import { AgreementsService } from '../agreements/agreements.service';
import type { MatchStatus } from '../matching/match-lifecycle';
import { MatchesService } from '../matching/matches.service';
import type { Placement } from '../matching/placement-on-acceptance';
import { EmploymentsService } from '../placements/employments.service';
import { SecondmentsService } from '../placements/secondments.service';
import type { DemoActors } from './demo-actors';
import { demoTerms } from './demo-agreements';
import type { DemoWorkplace } from './demo-matching';

/** A match proposed by the coordinator and moved by each side in turn, as in the API. */
async function walkMatch(
  app: INestApplicationContext,
  actors: DemoActors,
  studentId: string,
  vacancyId: string,
  acceptedBy: Principal,
): Promise<Placement> {
  const matches = app.get(MatchesService);
  const match = await matches.create(actors.coordinator, { studentId, vacancyId });
  const steps: [Principal, MatchStatus][] = [
    [actors.coordinator, 'introduced'],
    [actors.foundationStaff, 'interviewing'],
    [actors.foundationStaff, 'offered'],
    [acceptedBy, 'accepted'],
  ];
  let placement: Placement | null = null;
  for (const [by, to] of steps)
    placement = (await matches.transition(by, match.id, { to })).placement;
  return placement!;
}

export interface DemoPlacement {
  employmentId: string;
  agreementId: string;
  firstSecondmentId: string;
  nextSecondmentId: string;
  amendmentVersion: number;
}

/**
 * The demo student's placement through the foundation, every step a real use case: the student
 * accepts the foundation's offer (employment, first secondment at the demo company, a prefilled
 * draft agreement); the coordinator completes the terms and submits; all four parties sign (the
 * worker seals the PDF once it runs); later the foundation re-seconds the student to another
 * member, which drafts the amendment the new host will sign.
 */
export async function seedDemoStudentPlacement(
  app: INestApplicationContext,
  actors: DemoActors,
  vacancyId: string,
  nominalYears: number,
  firstHost: DemoWorkplace,
  nextHost: DemoWorkplace,
): Promise<DemoPlacement> {
  const placement = await walkMatch(app, actors, actors.studentId, vacancyId, actors.student);
  const { employmentId, agreementId } = placement;
  const agreements = app.get(AgreementsService);
  await agreements.update(actors.coordinator, agreementId, {
    terms: demoTerms(firstHost.supervisorId, nominalYears, 'Werkvoorbereider') as never,
  });
  const submitted = await app
    .get(AgreementTransitionsService)
    .submit(actors.coordinator, agreementId, {
      reason: 'Voorwaarden afgestemd met de stichting en het gastbedrijf',
    });
  const signing = app.get(AgreementSigningService);
  const contentHash = submitted.currentVersion.contentHash!;
  for (const signer of [
    actors.student,
    actors.foundationStaff,
    actors.companyRep,
    actors.coordinator,
  ])
    await signing.signAsAccount(
      signer,
      agreementId,
      { contentHash },
      { ip: null, userAgent: 'demo-data' },
    );

  const employment = await app.get(EmploymentsService).get(actors.foundationStaff, employmentId);
  const resecondment = await app
    .get(SecondmentsService)
    .end(actors.foundationStaff, placement.secondmentId!, {
      endDate: '2027-01-31',
      reason: `Het project bij ${firstHost.name} is klaar; verder bij ${nextHost.name}`,
      next: {
        hostCompanyId: nextHost.id,
        startDate: '2027-02-01',
        endDate: employment.endDate!, // accepted with the default fixed-term contract
        supervisorId: nextHost.supervisorId,
        hoursPerWeek: 32,
      },
    });
  return {
    employmentId,
    agreementId,
    firstSecondmentId: placement.secondmentId!,
    nextSecondmentId: resecondment.next!.id,
    amendmentVersion: resecondment.amendment!.currentVersion.number,
  };
}

/**
 * A second foundation placement, from the vacancy whose host is still to be agreed: accepted by
 * the coordinator without naming one, so the student starts on the bench (employed, no
 * secondment: GET /foundations/:id/bench-days) with a draft agreement awaiting its host.
 */
export async function seedDemoBenchPlacement(
  app: INestApplicationContext,
  actors: DemoActors,
  studentId: string,
  vacancyId: string,
): Promise<Placement> {
  return walkMatch(app, actors, studentId, vacancyId, actors.coordinator);
}
